#!/usr/bin/env bash
# Fetches the riscv64 guests' Debian packages into build/guest-pkgs-riscv64:
# the Debian 13 (trixie) riscv64 kernel, its headers and the kbuild tools
# they name, busybox-static and libjansson-dev for the static CLI, and the
# kernel source's modpost (driver/kbuild-modpost.sh builds it: the kbuild
# package's modpost needs trixie's glibc, which this Debian 12 host lacks).
#
# Debian 12 has no riscv64 archive, so apt runs with its own configuration
# (APT_CONFIG): its own sources list naming trixie on the host's mirror, its
# own lists, cache and an empty dpkg status, so the host's apt state is never
# read or written. Its architectures are riscv64 and the host's own, for the
# kbuild tools that run on the host. Idempotent: each package unpacks once.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
pkgdir="$top/build/guest-pkgs-riscv64"
aptdir="$pkgdir/apt"
host_arch=$(dpkg --print-architecture)

# The host's Debian mirror: the first non-security URI of its sources.
host_mirror() {
  local uri
  uri=$(sed -n 's/^URIs: *\([^ ]*\).*/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null |
        grep -v -- '-security' | head -n1)
  [ -n "$uri" ] || uri=$(sed -n 's/^deb \(\[[^]]*\] \)\?\([^ ]*\) .*/\2/p' \
                         /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
                         grep -v -- '-security' | head -n1)
  echo "${uri:-http://deb.debian.org/debian}"
}

# Rewritten only when it changes, so a finished setup touches nothing.
write_if_changed() {
  local file=$1 content=$2
  [ -e "$file" ] && [ "$(cat "$file")" = "$content" ] && return 0
  printf '%s\n' "$content" > "$file"
}

mkdir -p "$aptdir"/{lists/partial,cache/archives/partial,state,sources.list.d,preferences.d} \
         "$pkgdir/debs" "$pkgdir/root"
[ -e "$aptdir/status" ] || : > "$aptdir/status"
write_if_changed "$aptdir/sources.list" \
  "deb [arch=riscv64,$host_arch signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $(host_mirror) trixie main"
write_if_changed "$aptdir/apt.conf" "Dir::State \"$aptdir/state\";
Dir::State::Lists \"$aptdir/lists\";
Dir::State::status \"$aptdir/status\";
Dir::Cache \"$aptdir/cache\";
Dir::Etc::SourceList \"$aptdir/sources.list\";
Dir::Etc::SourceParts \"$aptdir/sources.list.d\";
Dir::Etc::Preferences \"$aptdir/preferences\";
Dir::Etc::PreferencesParts \"$aptdir/preferences.d\";
APT::Architecture \"riscv64\";
APT::Architectures { \"riscv64\"; \"$host_arch\"; };"
export APT_CONFIG="$aptdir/apt.conf"

update_lists() {
  echo "setup: fetching Debian trixie's riscv64 package lists"
  apt-get update -qq
}
ls "$aptdir"/lists/*_Packages* >/dev/null 2>&1 || update_lists

# apt-get download names the file <name>_<epoch%3a><version>_<arch>.deb.
fetch() {
  local name=$1 stamp="$pkgdir/.${1//[:=]/_}.unpacked" base=${1%%[:=]*}
  [ -e "$stamp" ] && return 0
  (cd "$pkgdir/debs" && rm -f "$base"_*.deb && apt-get download -q "$name" 2>/dev/null) || {
    update_lists
    (cd "$pkgdir/debs" && apt-get download -q "$name" 2>/dev/null)
  }
  dpkg-deb -x "$pkgdir"/debs/"$base"_*.deb "$pkgdir/root"
  touch "$stamp"
}

deb_field() {
  dpkg-deb -f "$pkgdir"/debs/"$1"_*.deb "$2"
}

# The kernel metapackage names the real, current kernel package: resolve it,
# never pin a version.
if [ ! -e "$pkgdir/.kernel.unpacked" ]; then
  kernel_pkg=$(apt-cache depends linux-image-riscv64 2>/dev/null |
               sed -n 's/^ *Depends: \(linux-image-[0-9][^:]*-riscv64\).*/\1/p' | head -n1)
  if [ -z "$kernel_pkg" ]; then
    update_lists
    kernel_pkg=$(apt-cache depends linux-image-riscv64 |
                 sed -n 's/^ *Depends: \(linux-image-[0-9][^:]*-riscv64\).*/\1/p' | head -n1)
  fi
  [ -n "$kernel_pkg" ] || { echo "setup: cannot resolve linux-image-riscv64" >&2; exit 1; }
  fetch "$kernel_pkg"
  touch "$pkgdir/.kernel.unpacked"
fi
kernel=$(ls "$pkgdir"/root/boot/vmlinux-*-riscv64 | head -n1)
kernel_release=${kernel##*/vmlinux-}

# Headers for zone0's module, their -common tree, the kbuild tools their
# scripts/ link names (built for the host's architecture), and the scripts/
# sources of the same kernel version for modpost.
if [ ! -e "$pkgdir/.headers.unpacked" ]; then
  headers=linux-headers-$kernel_release
  fetch "$headers"
  fetch "$(deb_field "$headers" Depends | grep -o "linux-headers-[^ ,]*-common" | head -n1)"
  fetch "$(deb_field "$headers" Depends | grep -o "linux-kbuild-[^ ,]*" | head -n1):$host_arch"
  version=$(deb_field "$headers" Version)
  source_pkg=linux-source-$(echo "$version" | cut -d. -f1,2)
  fetch "$source_pkg=$version"
  mkdir -p "$pkgdir/kernel-scripts"
  tar -xJf "$pkgdir"/root/usr/src/"$source_pkg".tar.xz -C "$pkgdir/kernel-scripts" \
      --strip-components=1 --wildcards "$source_pkg/scripts/mod/*" "$source_pkg/scripts/include/*" \
      "$source_pkg/include/linux/"{mod_devicetable,license,module_symbol}.h
  rm "$pkgdir"/root/usr/src/"$source_pkg".tar.xz "$pkgdir"/debs/"$source_pkg"_*.deb
  touch "$pkgdir/.headers.unpacked"
fi
fetch busybox-static
fetch libjansson-dev

ln -sf "$kernel" "$pkgdir/Image"
# trixie is usr-merged: busybox and the modules live under usr/.
ln -sf "$pkgdir/root/usr/bin/busybox" "$pkgdir/busybox"
