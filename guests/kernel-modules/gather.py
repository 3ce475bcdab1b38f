#!/usr/bin/env python3
"""Copies kernel modules and everything they need into a guest tree.

    gather.py <lib/modules/RELEASE> <out dir> <module>...

Debian's kernel package ships no modules.dep (depmod writes it when the
package is installed), so dependencies come from where depmod itself would
read them: each module's .modinfo section, `depends=` for the modules whose
symbols it uses and `softdep=` for the ones it asks for by alias at run time
(ext4 and jbd2 want crc32c through the crypto API). Modules are written
decompressed as <out>/<name>.ko, because busybox's insmod may not read
compressed ones, and <out>/load-order lists their names in an order in which
each one's dependencies come first. Modules the kernel has built in are
skipped; a module that is neither present nor built in is an error.
"""

import fnmatch
import lzma
import mmap
import os
import struct
import sys

COMPRESSED_SUFFIXES = {".ko.xz": lzma.decompress}


def module_name(filename):
    for suffix in (".ko", *COMPRESSED_SUFFIXES):
        if filename.endswith(suffix):
            return filename[:-len(suffix)].replace("-", "_")
    return None


def read_module(path):
    """The module's ELF image; an uncompressed one is mapped, not read, as
    the alias index looks at the .modinfo of thousands of modules."""
    with open(path, "rb") as f:
        for suffix, decompress in COMPRESSED_SUFFIXES.items():
            if path.endswith(suffix):
                return decompress(f.read())
        return mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)


def modinfo(image):
    """The key=value strings of an ELF64 little-endian module's .modinfo."""
    if image[:6] != b"\x7fELF\x02\x01":
        raise ValueError("not an ELF64 little-endian object")
    shoff, = struct.unpack_from("<Q", image, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", image, 0x3a)

    def section(index):
        name, _, _, _, offset, size = struct.unpack_from("<IIQQQQ", image, shoff + index * shentsize)
        return name, image[offset:offset + size]

    _, names = section(shstrndx)
    for index in range(shnum):
        name, body = section(index)
        if names[name:names.index(b"\0", name)] == b".modinfo":
            return [entry.decode() for entry in body.split(b"\0") if entry]
    return []


def values(info, key):
    return [entry[len(key) + 1:] for entry in info if entry.startswith(key + "=")]


def soft_dependencies(info):
    """The modules named by `softdep=pre: a b post: c`. All are loaded first:
    a post: module only has to be there, and loading it early does no harm."""
    names = []
    for softdep in values(info, "softdep"):
        names += [word for word in softdep.split() if not word.endswith(":")]
    return names


def literal_prefix(pattern):
    """What every string an alias pattern matches starts with."""
    wildcard = min((i for i in map(pattern.find, "*?[") if i >= 0), default=len(pattern))
    return pattern[:wildcard]


class Modules:
    def __init__(self, release_dir):
        self.paths = {}
        for root, _, files in os.walk(os.path.join(release_dir, "kernel")):
            for filename in files:
                name = module_name(filename)
                if name:
                    self.paths[name] = os.path.join(root, filename)
        self.builtin = set()
        with open(os.path.join(release_dir, "modules.builtin")) as f:
            for line in f:
                self.builtin.add(module_name(os.path.basename(line.strip())))
        self.infos = {}
        self.aliases = None

    def info(self, name):
        if name not in self.infos:
            self.infos[name] = modinfo(read_module(self.paths[name]))
        return self.infos[name]

    def by_alias(self, alias):
        """The modules an alias would load; building the index reads every
        module, so it is only built when a soft dependency needs it."""
        if alias.replace("-", "_") in self.paths:
            return [alias.replace("-", "_")]
        if self.aliases is None:
            self.aliases = [(literal_prefix(pattern), pattern, name) for name in self.paths
                            for pattern in values(self.info(name), "alias")]
        # The prefix test first: compiling every pattern would take seconds.
        return sorted({name for prefix, pattern, name in self.aliases
                       if alias.startswith(prefix) and fnmatch.fnmatchcase(alias, pattern)})

    def load_order(self, wanted):
        order, visiting = [], set()

        def visit(name, required_by):
            if name in order or name in self.builtin:
                return
            if name not in self.paths:
                raise SystemExit(f"gather.py: module {name} (needed by {required_by}) "
                                 "is neither in the kernel package nor built in")
            if name in visiting:
                raise SystemExit(f"gather.py: dependency cycle through {name}")
            visiting.add(name)
            info = self.info(name)
            for dependency in filter(None, ",".join(values(info, "depends")).split(",")):
                visit(dependency, name)
            for alias in soft_dependencies(info):
                for provider in self.by_alias(alias):
                    visit(provider, name)
            visiting.discard(name)
            order.append(name)

        for name in wanted:
            visit(name.replace("-", "_"), "the command line")
        return order


def main():
    if len(sys.argv) < 4:
        raise SystemExit(__doc__)
    release_dir, out_dir, wanted = sys.argv[1], sys.argv[2], sys.argv[3:]
    modules = Modules(release_dir)
    order = modules.load_order(wanted)
    os.makedirs(out_dir, exist_ok=True)
    for name in order:
        with open(os.path.join(out_dir, name + ".ko"), "wb") as f:
            f.write(read_module(modules.paths[name]))
    with open(os.path.join(out_dir, "load-order"), "w") as f:
        f.write("".join(name + "\n" for name in order))


if __name__ == "__main__":
    main()
