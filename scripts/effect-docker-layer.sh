#!/usr/bin/env bash
# Builds (once per machine) what the real-Docker effect tests need on top of the base root
# (scripts/effect-root.sh), cached OUTSIDE the repo and reused:
#
#   ${EFFECT_ROOT_CACHE:-/var/cache/cdktf-docker-fleet}/bookworm-docker-v1
#       the base root plus Debian's docker.io (dockerd, containerd, runc, docker-init,
#       docker-proxy), dbus, udev and iproute2: a root that boots with systemd as PID 1 in
#       systemd-nspawn and runs a real dockerd (installed with a policy-rc.d that refuses to start
#       anything, so nothing runs on this machine).
#   ${EFFECT_ROOT_CACHE}/effect-image-v2.tar
#       a tiny container root made offline from the base root's busybox and its libraries, with
#       /entrypoint.sh: it prints one line (for log-driver checks), records its argv and env in
#       /www, and serves /www over HTTP on port 80 with busybox httpd (ignoring SIGTERM as PID 1
#       when its environment has EFFECT_IGNORE_SIGTERM, stopping on it otherwise). Tests `docker import` it
#       under every image name their containers use, so no registry is needed.
#
# Prints the two paths, one per line. Needs root. Refresh: delete the cached paths.
set -euo pipefail
cd "$(dirname "$0")/.."

CACHE="${EFFECT_ROOT_CACHE:-/var/cache/cdktf-docker-fleet}"
BASE="$(bash scripts/effect-root.sh)"
LAYER="$CACHE/bookworm-docker-v1"
IMAGE="$CACHE/effect-image-v2.tar"
PACKAGES="docker.io dbus udev iproute2"

if [ "$(id -u)" -ne 0 ]; then echo "effect-docker-layer.sh: needs root" >&2; exit 1; fi

exec 9>"$CACHE/.docker-layer.lock"
flock 9

if [ ! -f "$LAYER/.complete" ]; then
  TMP="$CACHE/.docker-build.$$"
  rm -rf "$TMP"
  trap 'rm -rf "$TMP"' EXIT
  echo "effect-docker-layer.sh: $PACKAGES into a copy of the base root" >&2
  start=$(date +%s)
  cp -a --reflink=auto "$BASE" "$TMP"
  rm -f "$TMP/.complete"
  # Packages must never start their services while installed into a root (invoke-rc.d(8)).
  printf '#!/bin/sh\nexit 101\n' >"$TMP/usr/sbin/policy-rc.d"
  chmod 0755 "$TMP/usr/sbin/policy-rc.d"
  cp /etc/resolv.conf "$TMP/etc/resolv.conf"
  chroot "$TMP" sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $PACKAGES" \
    >"$CACHE/docker-layer.log" 2>&1 || { tail -n 30 "$CACHE/docker-layer.log" >&2; exit 1; }
  rm -rf "$TMP/var/cache/apt/archives/"*.deb "$TMP/var/lib/apt/lists/"*
  # docker.io adds a `docker` group of its own; the tests give the root the OS's (FCOS and
  # Flatcar: GID 233, with the core user) as on the real images.
  chroot "$TMP" groupdel docker
  # Debian enables its own docker units; each test writes the OS's own vendor units instead.
  rm -f "$TMP/etc/systemd/system/multi-user.target.wants/docker.service" "$TMP/etc/systemd/system/sockets.target.wants/docker.socket" \
    "$TMP/etc/systemd/system/multi-user.target.wants/containerd.service"
  echo "built in $(( $(date +%s) - start )) s" >"$TMP/.complete"
  rm -rf "$LAYER"
  mv "$TMP" "$LAYER"
  trap - EXIT
  echo "effect-docker-layer.sh: layer $(cat "$LAYER/.complete")" >&2
fi

if [ ! -f "$IMAGE" ]; then
  TMP="$CACHE/.image-build.$$"
  rm -rf "$TMP"
  trap 'rm -rf "$TMP"' EXIT
  mkdir -p "$TMP/root/bin" "$TMP/root/www" "$TMP/root/tmp"
  cp "$BASE/bin/busybox" "$TMP/root/bin/busybox"
  # busybox's shared libraries, found by the loader itself (ldd is the loader in list mode)
  for lib in $(chroot "$BASE" ldd /bin/busybox | awk '{ for (i=1;i<=NF;i++) if ($i ~ /^\//) print $i }'); do
    mkdir -p "$TMP/root$(dirname "$lib")"
    cp -L "$BASE$lib" "$TMP/root$lib"
  done
  for applet in sh env cat ls sleep printf httpd wget touch id; do ln -s busybox "$TMP/root/bin/$applet"; done
  cat >"$TMP/root/entrypoint.sh" <<'EOF'
#!/bin/sh
# The effect image's entrypoint: a line on stdout (log drivers), argv and env recorded, HTTP on 80.
echo "effect image: $(cat /etc/hostname 2>/dev/null) started with $# arguments"
i=0
for a in "$@"; do i=$((i + 1)); printf '%s' "$a" >"/www/arg.$i"; done
env >/www/env
echo ok >/www/index.html
# Like many images, a server as PID 1 that ignores SIGTERM (stop takes the whole grace period and
# ends in SIGKILL) when asked to; otherwise a shell that stops on SIGTERM.
if [ -n "${EFFECT_IGNORE_SIGTERM:-}" ]; then exec /bin/busybox httpd -f -p 80 -h /www; fi
/bin/busybox httpd -f -p 80 -h /www &
trap 'kill $!; exit 143' TERM
wait
EOF
  chmod 0755 "$TMP/root/entrypoint.sh"
  chmod 1777 "$TMP/root/tmp"
  tar --sort=name --mtime=@0 --numeric-owner --owner=0 --group=0 -C "$TMP/root" -cf "$TMP/image.tar" .
  mv "$TMP/image.tar" "$IMAGE"
  rm -rf "$TMP"
  trap - EXIT
fi

echo "$LAYER"
echo "$IMAGE"
