#!/bin/sh
# Usage: kbuild-tree.sh SRC RELEASE OUT
#
# Makes OUT/<flavour> (arm64, riscv64: RELEASE's last word) a Kbuild tree for
# kernel RELEASE out of the Debian headers unpacked into SRC (standing in for
# /usr/src), without root and without touching /usr/src. Debian's headers
# include their -common tree by its absolute /usr/src path, and both trees
# link scripts/ and tools/ into a linux-kbuild package relative to /usr/src:
# unpacked next to SRC when it is there (riscv64's, from trixie), else the
# host's installed one (arm64's). OUT/<flavour> and OUT/common mirror the two
# trees with symlinks to the unpacked files, except that the include names
# OUT/common and the kbuild links are made absolute.
set -eu

src=$1
release=$2
out=$3

arch_tree=linux-headers-$release
common_tree=$(sed -n 's|^include /usr/src/\(.*\)/Makefile$|\1|p' "$src/$arch_tree/Makefile")
[ -n "$common_tree" ] || {
	echo "kbuild-tree: $src/$arch_tree/Makefile includes no /usr/src tree" >&2
	exit 1
}

mirror() {
	tree=$1
	dest=$out/$2
	rm -rf "$dest"
	mkdir -p "$dest"
	for entry in "$src/$tree"/* "$src/$tree"/.[!.]*; do
		[ -e "$entry" ] || [ -L "$entry" ] || continue
		name=${entry##*/}
		if [ -L "$entry" ]; then
			target=$(readlink "$entry")
			case $target in
			/*) ;;
			*) if [ -e "$src/$tree/$target" ]; then
				target=$(realpath "$src/$tree/$target")
			   else
				target=$(realpath -m -s "/usr/src/$tree/$target")
			   fi ;;
			esac
			[ -e "$target" ] || {
				echo "kbuild-tree: $target is missing (scripts/setup.sh installs it)" >&2
				exit 1
			}
			ln -s "$target" "$dest/$name"
		else
			ln -s "$(realpath "$entry")" "$dest/$name"
		fi
	done
}

flavour=${release##*-}
mirror "$common_tree" common
mirror "$arch_tree" "$flavour"
rm "$out/$flavour/Makefile"
echo "include $(realpath "$out/common")/Makefile" > "$out/$flavour/Makefile"
