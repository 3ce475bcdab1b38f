"""A QEMU `virt` machine running tessera, driven through its serial console."""

import os
import re
import subprocess
import pexpect

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BUILD = os.path.join(REPO, os.environ.get("BUILD", "build"))

# The board's CPU table is -smp 4's; the hypervisor reads the real count
# from QEMU's device tree, so other counts need no other image.
DEFAULT_CPUS = 4

# How long a test waits for one step (a line, a command's output) and for a
# Linux boot (zone0's or a zone's). A loaded host slows QEMU many times over,
# so both are generous: only a failure waits them out.
STEP_TIMEOUT = 120
BOOT_TIMEOUT = 300


# What differs between the architectures `make ARCH=...` builds: QEMU's
# machine, the build directory (BUILD for aarch64, as `make` uses it), where
# setup unpacks the guest packages, and where zone0's images go.
ARCHITECTURES = {
    "aarch64": {
        "qemu": ["qemu-system-aarch64", "-M", "virt,gic-version=3,virtualization=on",
                 "-cpu", "cortex-a72"],
        "build": BUILD,
        "guest_pkgs": os.path.join(BUILD, "guest-pkgs"),
        "zone0_kernel": 0xa0400000, "zone0_dtb": 0xa0000000, "zone0_initramfs": 0xb0000000,
    },
    "riscv64": {
        "qemu": ["qemu-system-riscv64", "-M", "virt", "-cpu", "rv64", "-bios", "default"],
        "build": os.path.join(REPO, "build", "riscv64"),
        "guest_pkgs": os.path.join(REPO, "build", "guest-pkgs-riscv64"),
        "zone0_kernel": 0x90200000, "zone0_dtb": 0x90000000, "zone0_initramfs": 0xa0000000,
    },
}


def machine_options(cpus=DEFAULT_CPUS, arch="aarch64"):
    return ARCHITECTURES[arch]["qemu"] + [
        "-smp", str(cpus), "-m", "4G", "-nographic", "-no-reboot", "-nic", "none",
    ]


MACHINE = machine_options()


def _existing(path, make):
    if not os.path.exists(path):
        raise FileNotFoundError(f"{path} is missing: run `{make}` first")
    return path


def build_path(*parts, arch="aarch64"):
    make = "make" if arch == "aarch64" else f"make ARCH={arch}"
    return _existing(os.path.join(ARCHITECTURES[arch]["build"], *parts), make)


def guest_pkgs_path(*parts, arch="aarch64"):
    """A file setup unpacked from the architecture's guest packages."""
    if arch == "aarch64":
        return build_path("guest-pkgs", *parts)
    return _existing(os.path.join(ARCHITECTURES[arch]["guest_pkgs"], *parts),
                     f"make ARCH={arch} setup")


def make_variant(variables, targets, timeout=900):
    """Builds an image the default build does not make (a make variable such
    as STATS=1 selects it) with `targets`, into the same BUILD."""
    build = os.environ.get("BUILD", "build")
    subprocess.run(["make", "-j2", f"BUILD={build}", *variables,
                    *(target.format(build=build) for target in targets)],
                   cwd=REPO, check=True, timeout=timeout, stdout=subprocess.DEVNULL)


def loader(path, addr):
    return ["-device", f"loader,file={path},addr={addr:#x},force-raw=on"]


class Machine:
    """One QEMU run. Every wait has a timeout, so a hung boot fails the test
    instead of hanging it; close() always kills QEMU."""

    def __init__(self, images, timeout=STEP_TIMEOUT, hypervisor=("hypervisor", "tessera.bin"),
                 cpus=DEFAULT_CPUS, qemu_args=(), arch="aarch64"):
        """`hypervisor` is the -kernel, a path in the build; None leaves
        -kernel to qemu_args (a guest booted natively)."""
        argv = machine_options(cpus, arch) + list(qemu_args)
        if hypervisor is not None:
            argv += ["-kernel", build_path(*hypervisor, arch=arch)]
        for path, addr in images:
            argv += loader(path, addr)
        self.timeout = timeout
        self.commands = 0
        self.log = []
        self.child = pexpect.spawn(argv[0], argv[1:], encoding="utf-8",
                                   codec_errors="replace", timeout=timeout)
        self.child.logfile_read = _Recorder(self.log)

    def expect(self, pattern, timeout=None):
        """Waits for a regular expression; returns the match."""
        try:
            self.child.expect(pattern, timeout=timeout or self.timeout)
        except (pexpect.TIMEOUT, pexpect.EOF) as err:
            kind = "timed out" if isinstance(err, pexpect.TIMEOUT) else "QEMU exited"
            raise AssertionError(
                f"{kind} waiting for {pattern!r}; console tail:\n{self.tail()}") from None
        return self.child.match

    def seen(self, pattern, timeout=None):
        """Waits until the console has shown a regular expression at any
        point, also before the last wait (lines of the hypervisor and of the
        zones arrive while commands run); returns the match."""
        match = re.search(pattern, self.output())
        return match or self.expect(pattern, timeout)

    def send_line(self, line):
        self.child.sendline(line)

    def run(self, command, timeout=None):
        """Types a shell command and returns its output. The end marker is
        typed in two quoted halves, so only the command's output contains it
        whole and the echo of the typed line cannot match. A line typed
        before the shell is back at its prompt (a slow host) is echoed twice,
        by the terminal and then by the shell's line editor: the output
        starts after the last echo."""
        self.commands += 1
        head, tail = "__end", f"_of_{self.commands}__"
        echo = f'echo "{head}""{tail}"'
        self.send_line(f"{command}; {echo}")
        self.expect(re.escape(echo), timeout)
        self.expect(re.escape(head + tail), timeout)
        out = self.child.before
        last_echo = out.rfind(echo)
        if last_echo >= 0:
            out = out[last_echo + len(echo):]
        return out.replace("\r", "")

    def write_file(self, path, text):
        """Types a file into the guest's shell in pieces short enough for its
        line editor (busybox keeps 1024 characters)."""
        self.run(f": > {path}")
        for i in range(0, len(text), 800):
            self.run(f"printf '%s' '{text[i:i + 800]}' >> {path}")

    def wait_exit(self, timeout=None):
        """Waits for QEMU to exit by itself; returns its exit status."""
        try:
            self.child.expect(pexpect.EOF, timeout=timeout or self.timeout)
        except pexpect.TIMEOUT:
            raise AssertionError(f"QEMU did not exit; console tail:\n{self.tail()}") from None
        self.child.close()
        return self.child.exitstatus

    def output(self):
        return "".join(self.log).replace("\r", "")

    def tail(self, lines=40):
        return "\n".join(self.output().splitlines()[-lines:])

    def close(self):
        if self.child.isalive():
            self.child.terminate(force=True)


class _Recorder:
    def __init__(self, sink):
        self.sink = sink

    def write(self, data):
        self.sink.append(data)

    def flush(self):
        pass


def qemu_available():
    try:
        subprocess.run(["qemu-system-aarch64", "--version"], check=True, capture_output=True)
        return True
    except (OSError, subprocess.CalledProcessError):
        return False
