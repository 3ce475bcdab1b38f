#!/bin/sh
# Usage: kbuild-modpost.sh SOURCE TREE OUT CC [make variables...]
#
# Builds OUT/modpost, the host's modpost for the kernel of the Kbuild tree
# TREE (driver/kbuild-tree.sh), from that kernel's scripts/mod and
# scripts/include sources in SOURCE. Needed where the kbuild package's own
# modpost cannot run: trixie's needs glibc 2.38, Debian 12 has 2.36. The two
# headers it generates come from the target's view: the ELF class and byte
# order of an object the cross compiler makes, and the offsets in the
# kernel's device table structures, compiled by Kbuild itself in TREE with
# the target compiler CC (and the make variables, such as ARCH=).
set -eu

source=$(realpath "$1")
tree=$(realpath "$2")
out=$3
cc=$4
shift 4
mod=$source/scripts/mod

mkdir -p "$out/offsets"
out=$(realpath "$out")

$cc -c "$mod/empty.c" -o "$out/empty.o"
gcc -O2 "$mod/mk_elfconfig.c" -o "$out/mk_elfconfig"
"$out/mk_elfconfig" < "$out/empty.o" > "$out/elfconfig.h"

# Kbuild compiles the one file to assembly with the kernel's own flags; the
# offsets are the `.ascii "->NAME VALUE ..."` lines its DEVID macros emit.
ln -sf "$mod/devicetable-offsets.c" "$out/offsets/"
echo "obj-m :=" > "$out/offsets/Kbuild"
make -s -C "$tree" CC="$cc" "$@" M="$out/offsets" devicetable-offsets.s
{
	echo "#ifndef __DEVICETABLE_OFFSETS_H__"
	echo "#define __DEVICETABLE_OFFSETS_H__"
	sed -n 's/^[[:space:]]*\.ascii[[:space:]]*"->\([^ ]*\) [$#]*\([^ ]*\) .*/#define \1 \2/p' \
		"$out/offsets/devicetable-offsets.s"
	echo "#endif"
} > "$out/devicetable-offsets.h"
grep -q '^#define SIZE_' "$out/devicetable-offsets.h" || {
	echo "kbuild-modpost: no offsets in $out/offsets/devicetable-offsets.s" >&2
	exit 1
}

gcc -O2 -I "$source/scripts/include" -I "$out" \
	"$mod/modpost.c" "$mod/file2alias.c" "$mod/sumversion.c" "$mod/symsearch.c" \
	-o "$out/modpost"
