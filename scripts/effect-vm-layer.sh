#!/usr/bin/env bash
# Builds (once per machine) what the effect layer's qemu boots need, cached OUTSIDE the repo and
# reused (test/effect/data-volume-vm.test.ts boots a real kernel with systemd and udev in qemu):
#
#   ${EFFECT_ROOT_CACHE:-/var/cache/cdktf-docker-fleet}/vm-v1/
#     vmlinuz          Debian's cloud kernel (linux-image-<abi>-cloud-amd64: the flavour Debian builds
#                      for VMs: virtio and NVMe drivers, ext4 and NVMe built in), fetched with
#                      `apt-get download` and unpacked with `dpkg-deb -x`; never installed here.
#     kernel-version   its release (uname -r in the guest)
#     initrd.gz        a busybox initramfs: loads the virtio modules, mounts the disk whose virtio
#                      serial is `effect-root` and switch_roots into its systemd. No udev runs in it.
#     root/            the docker layer (scripts/effect-docker-layer.sh: systemd, udev, docker.io)
#                      plus kmod and the kernel's modules (depmod run inside the root), so udevd
#                      and dockerd load modules as on a real host. Tests copy it, apply the payload
#                      with Ignition and make an ext4 image of the copy (mkfs.ext4 -d): no loop device.
#
# Prints three lines: the kernel, the initramfs and the root directory. Idempotent and locked
# (flock): concurrent callers wait for one build; a finished layer is reused at once (`.complete`).
# Needs root, apt-get and dpkg-deb, and busybox (cpio) on this machine. Refresh: delete vm-v1.
# EFFECT_VM_KERNEL_PACKAGE picks another kernel package (default: what linux-image-cloud-amd64
# depends on).
set -euo pipefail
cd "$(dirname "$0")/.."

CACHE="${EFFECT_ROOT_CACHE:-/var/cache/cdktf-docker-fleet}"
LAYER="$CACHE/vm-v1"

print() { echo "$LAYER/vmlinuz"; echo "$LAYER/initrd.gz"; echo "$LAYER/root"; }
if [ -f "$LAYER/.complete" ]; then print; exit 0; fi

if [ "$(id -u)" -ne 0 ]; then echo "effect-vm-layer.sh: needs root" >&2; exit 1; fi
for t in apt-get apt-cache dpkg-deb busybox gzip; do
  command -v "$t" >/dev/null || { echo "effect-vm-layer.sh: $t is missing" >&2; exit 1; }
done

# all of its output, then the first line (a `| head -n1` could end it with SIGPIPE under pipefail)
DOCKER_LAYER="$(bash scripts/effect-docker-layer.sh)"
DOCKER_LAYER="${DOCKER_LAYER%%$'\n'*}"

mkdir -p "$CACHE"
exec 9>"$CACHE/.vm-layer.lock"
flock 9
if [ -f "$LAYER/.complete" ]; then print; exit 0; fi

TMP="$CACHE/.vm-build.$$"
rm -rf "$TMP"
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP/deb"
start=$(date +%s)

# --- the kernel: the package the metapackage currently points at, unpacked (not installed)
PKG="${EFFECT_VM_KERNEL_PACKAGE:-}"
if [ -z "$PKG" ]; then
  resolve() { apt-cache depends --no-recommends --no-suggests linux-image-cloud-amd64 2>/dev/null | awk '!p && /Depends: linux-image-/ { print $2; p = 1 }'; }
  PKG="$(resolve)"
  if [ -z "$PKG" ]; then apt-get update -qq >&2; PKG="$(resolve)"; fi
fi
[ -n "$PKG" ] || { echo "effect-vm-layer.sh: apt knows no linux-image-cloud-amd64" >&2; exit 1; }
echo "effect-vm-layer.sh: kernel $PKG (apt-get download, dpkg-deb -x)" >&2
(cd "$TMP/deb" && apt-get -o APT::Sandbox::User=root download -qq "$PKG" >&2)
dpkg-deb -x "$TMP"/deb/*.deb "$TMP/kernel"
KVER="$(ls "$TMP/kernel/lib/modules")"
[ "$(echo "$KVER" | wc -l)" = 1 ] || { echo "effect-vm-layer.sh: expected one module tree in $PKG, got: $KVER" >&2; exit 1; }
cp "$TMP/kernel/boot/vmlinuz-$KVER" "$TMP/vmlinuz"
echo "$KVER" >"$TMP/kernel-version"

# --- the root: the docker layer + kmod + the kernel's modules
cp -a --reflink=auto "$DOCKER_LAYER" "$TMP/root"
rm -f "$TMP/root/.complete"
cp /etc/resolv.conf "$TMP/root/etc/resolv.conf"
chroot "$TMP/root" sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends kmod" \
  >"$CACHE/vm-layer.log" 2>&1 || { tail -n 30 "$CACHE/vm-layer.log" >&2; exit 1; }
rm -rf "$TMP/root/var/cache/apt/archives/"*.deb "$TMP/root/var/lib/apt/lists/"*
mkdir -p "$TMP/root/lib/modules"
cp -a "$TMP/kernel/lib/modules/$KVER" "$TMP/root/lib/modules/"
chroot "$TMP/root" depmod "$KVER"
# Units that cost boot time under TCG and do nothing here (no network card, no login, no timers
# worth running); systemd-firstboot would prompt on the console at first boot, which neither
# Fedora CoreOS nor Flatcar does. Masked as an admin would (systemctl mask: a link to /dev/null).
for u in systemd-firstboot.service systemd-networkd.service systemd-networkd.socket systemd-networkd-wait-online.service \
  getty@.service serial-getty@.service e2scrub_reap.service e2scrub_all.timer apt-daily.timer apt-daily-upgrade.timer fstrim.timer; do
  ln -sf /dev/null "$TMP/root/etc/systemd/system/$u"
done

# --- the initramfs: busybox and its libraries from the root, the virtio modules, /init
IRD="$TMP/initramfs"
mkdir -p "$IRD/bin" "$IRD/lib/modules" "$IRD/proc" "$IRD/sys" "$IRD/dev" "$IRD/newroot"
cp "$TMP/root/bin/busybox" "$IRD/bin/busybox"
for lib in $(chroot "$TMP/root" ldd /bin/busybox | awk '{ for (i=1;i<=NF;i++) if ($i ~ /^\//) print $i }'); do
  mkdir -p "$IRD$(dirname "$lib")"
  cp -L "$TMP/root$lib" "$IRD$lib"
done
# in dependency order (modules.dep): the kernel has no module loader here but insmod
MODS="virtio/virtio_ring virtio/virtio virtio/virtio_pci_modern_dev virtio/virtio_pci_legacy_dev virtio/virtio_pci block/virtio_blk"
for m in $MODS; do cp "$TMP/kernel/lib/modules/$KVER/kernel/drivers/$m.ko" "$IRD/lib/modules/"; done
cat >"$IRD/init" <<EOF
#!/bin/busybox sh
# effect-vm initramfs: no udev; the disks are known to the kernel when systemd starts, but no
# udev rule has run for them (no /dev/disk/by-* links), like a disk attached moments earlier.
b=/bin/busybox
\$b mount -t proc proc /proc
\$b mount -t sysfs sysfs /sys
\$b mount -t devtmpfs devtmpfs /dev
for m in $(for m in $MODS; do printf '%s ' "${m##*/}"; done); do \$b insmod /lib/modules/\$m.ko || echo "effect initramfs: insmod \$m failed"; done
root=
i=0
while [ -z "\$root" ] && [ \$i -lt 300 ]; do
  for d in /sys/block/vd*; do [ "\$(\$b cat "\$d/serial" 2>/dev/null)" = effect-root ] && root=/dev/\${d##*/}; done
  [ -n "\$root" ] || { \$b sleep 0.1; i=\$((i + 1)); }
done
[ -n "\$root" ] || { echo "effect initramfs: no disk with virtio serial effect-root"; \$b poweroff -f; }
\$b mount -t ext4 -o rw "\$root" /newroot || { echo "effect initramfs: cannot mount \$root"; \$b poweroff -f; }
\$b umount /proc /sys /dev
exec \$b switch_root /newroot /lib/systemd/systemd
EOF
chmod 0755 "$IRD/init"
(cd "$IRD" && find . | busybox cpio -o -H newc 2>/dev/null | gzip -1 >"$TMP/initrd.gz")
[ -s "$TMP/initrd.gz" ] || { echo "effect-vm-layer.sh: building the initramfs failed" >&2; exit 1; }

rm -rf "$TMP/deb" "$TMP/kernel" "$IRD"
echo "$PKG built in $(( $(date +%s) - start )) s" >"$TMP/.complete"
rm -rf "$LAYER"
mv "$TMP" "$LAYER"
trap - EXIT
echo "effect-vm-layer.sh: $(cat "$LAYER/.complete")" >&2
print
