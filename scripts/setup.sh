#!/usr/bin/env bash
# Installs everything tessera needs to build, run and test, from Debian packages
# only. Idempotent: a second run with everything present does nothing visible.
# Guest packages (arm64 kernel, busybox) are unpacked into build/guest-pkgs
# without touching the host's root filesystem.
# Usage: setup.sh [aarch64|riscv64] (the build's ARCH; aarch64 by default).
# riscv64 adds its host packages and fetches its guest packages instead
# (scripts/guest-pkgs-riscv64.sh); the aarch64 host tools stay installed for
# both, as the build host's own CLI and tests need them.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
pkgdir="$top/build/guest-pkgs"
arch=${1:-aarch64}

host_packages=(
  make gcc qemu-system-arm gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu
  device-tree-compiler cpio gzip file python3 python3-pytest python3-pexpect
  libcmocka-dev cppcheck libjansson-dev clang libclang-rt-dev e2fsprogs strace
)
case $arch in
aarch64) ;;
riscv64)
  # The cross gcc only recommends its C library, which --no-install-recommends skips.
  host_packages+=(qemu-system-misc opensbi gcc-riscv64-linux-gnu binutils-riscv64-linux-gnu
                  libc6-dev-riscv64-cross xz-utils) ;;
*) echo "setup: unknown ARCH $arch (aarch64 or riscv64)" >&2; exit 1 ;;
esac
# Libraries linked into zone0's static tools (static, multiarch, from the same archive).
arm64_packages=(libjansson-dev:arm64 libc6-dev:arm64)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
for p in "${host_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done

if ! dpkg --print-foreign-architectures | grep -qx arm64; then
  as_root dpkg --add-architecture arm64
  need_update=1
fi

for p in "${arm64_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done

if [ "${#missing[@]}" -gt 0 ] || [ -n "${need_update:-}" ]; then
  echo "setup: installing ${missing[*]:-(arm64 package lists)}"
  as_root apt-get update -qq
  [ "${#missing[@]}" -eq 0 ] || \
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The kernel metapackage names the real, current kernel package: resolve it,
# never pin a version.
fetch_guest_package() {
  local name=$1 stamp="$pkgdir/.$1.unpacked"
  [ -e "$stamp" ] && return 0
  mkdir -p "$pkgdir/debs"
  (cd "$pkgdir/debs" && rm -f "${name%%:*}"_*.deb && apt-get download -q "$name" >/dev/null) || {
    as_root apt-get update -qq
    (cd "$pkgdir/debs" && apt-get download -q "$name" >/dev/null)
  }
  dpkg-deb -x "$pkgdir"/debs/"${name%%:*}"_*.deb "$pkgdir/root"
  touch "$stamp"
}

if [ ! -e "$pkgdir/.kernel.unpacked" ]; then
  kernel_pkg=$(apt-cache depends linux-image-arm64:arm64 2>/dev/null |
               sed -n 's/^ *Depends: \(linux-image-[0-9][^:]*-arm64\).*/\1/p' | head -n1)
  if [ -z "$kernel_pkg" ]; then
    as_root apt-get update -qq
    kernel_pkg=$(apt-cache depends linux-image-arm64:arm64 |
                 sed -n 's/^ *Depends: \(linux-image-[0-9][^:]*-arm64\).*/\1/p' | head -n1)
  fi
  [ -n "$kernel_pkg" ] || { echo "setup: cannot resolve linux-image-arm64:arm64" >&2; exit 1; }
  fetch_guest_package "$kernel_pkg:arm64"
  touch "$pkgdir/.kernel.unpacked"
fi
kernel=$(ls "$pkgdir"/root/boot/vmlinuz-*-arm64 | head -n1)
kernel_release=${kernel##*/vmlinuz-}

# Headers for zone0's out-of-tree module: the arm64 tree and its -common
# tree, of the same release as the kernel, and the host's kbuild tools that
# their Makefiles name by absolute path.
if [ ! -e "$pkgdir/.headers.unpacked" ]; then
  fetch_guest_package "linux-headers-$kernel_release:arm64"
  common=$(dpkg-deb -f "$pkgdir"/debs/linux-headers-"$kernel_release"_*.deb Depends |
           grep -o "linux-headers-[^ ,]*-common" | head -n1)
  fetch_guest_package "$common"
  kbuild=$(dpkg-deb -f "$pkgdir"/debs/linux-headers-"$kernel_release"_*.deb Depends |
           grep -o "linux-kbuild-[0-9.]*" | head -n1)
  dpkg-query -W -f='${Status}' "$kbuild" 2>/dev/null | grep -q "ok installed" ||
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$kbuild"
  touch "$pkgdir/.headers.unpacked"
fi
fetch_guest_package busybox-static:arm64

ln -sf "$kernel" "$pkgdir/Image"
ln -sf "$pkgdir/root/bin/busybox" "$pkgdir/busybox"

[ "$arch" != riscv64 ] || bash "$top/scripts/guest-pkgs-riscv64.sh"
