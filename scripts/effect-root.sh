#!/usr/bin/env bash
# Builds (once per machine) the Debian bookworm root the effect tests (test/effect/) boot with
# systemd-nspawn: systemd as PID 1, Debian's OpenRC (openrc-run, supervise-daemon), cloud-init
# and PyYAML. The root is cached OUTSIDE the repo and reused; tests copy it (cp -a) per case.
#
#   cache: ${EFFECT_ROOT_CACHE:-/var/cache/cdktf-docker-fleet}/bookworm-root-v1
#   refresh: delete that directory; the next run (or `npm test`) rebuilds it (about 2 minutes).
#
# The Debian mirror is read from this machine's apt sources (/etc/apt/sources.list and
# /etc/apt/sources.list.d/*, one-line or deb822 format), never hard-coded.
# Prints the root's path on stdout. Needs root and debootstrap (Debian package debootstrap).
set -euo pipefail

CACHE="${EFFECT_ROOT_CACHE:-/var/cache/cdktf-docker-fleet}"
ROOT="$CACHE/bookworm-root-v1"
# systemd: PID 1 for the boots; passwd: useradd for Ignition's users; busybox: Alpine's ash;
# openrc: openrc-run + supervise-daemon (Debian 0.45.2); cloud-init + python3-yaml: the
# cloud-config engine and a YAML 1.1 parser; python3-cffi-backend: a dependency debootstrap
# misses (shared/reference/effect-harness.md section 4).
PACKAGES="systemd,passwd,busybox,e2fsprogs,util-linux,openrc,cloud-init,python3-yaml,python3-cffi-backend"

if [ -f "$ROOT/.complete" ]; then echo "$ROOT"; exit 0; fi

if [ "$(id -u)" -ne 0 ]; then echo "effect-root.sh: needs root (debootstrap)" >&2; exit 1; fi
command -v debootstrap >/dev/null || { echo "effect-root.sh: debootstrap is missing (apt-get install -y debootstrap)" >&2; exit 1; }

mirror() {
  local f
  # one-line format: deb [opts] URI SUITE COMPONENTS
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    awk '$1=="deb" { for (i=2;i<=NF;i++) if ($i !~ /^\[/ && $i !~ /\]$/ && $i !~ /=/) { uri=$i; suite=$(i+1); break }
          if (suite=="bookworm") { print uri; exit } }' "$f"
  done
  # deb822 format: a stanza with Types: deb, URIs: ..., Suites: ... bookworm ...
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk 'BEGIN{RS=""; FS="\n"} { uri=""; ok=0; deb=0
          for (i=1;i<=NF;i++) { if ($i ~ /^URIs:/) { split($i,a," "); uri=a[2] }
            if ($i ~ /^Suites:/ && $i ~ /[ \t]bookworm([ \t]|$)/) ok=1
            if ($i ~ /^Types:/ && $i ~ /[ \t]deb([ \t]|$)/) deb=1 }
          if (ok && deb && uri!="") { print uri; exit } }' "$f"
  done
}
MIRROR="$(mirror | head -n1)"
[ -n "$MIRROR" ] || { echo "effect-root.sh: no bookworm 'deb' source found in /etc/apt/sources.list{,.d/*}" >&2; exit 1; }

mkdir -p "$CACHE"
exec 9>"$CACHE/.lock"
flock 9
if [ -f "$ROOT/.complete" ]; then echo "$ROOT"; exit 0; fi

TMP="$CACHE/.build.$$"
rm -rf "$TMP"
trap 'rm -rf "$TMP"' EXIT
echo "effect-root.sh: debootstrap bookworm into $ROOT (from this machine's apt mirror)" >&2
start=$(date +%s)
debootstrap --variant=minbase --include="$PACKAGES" bookworm "$TMP" "$MIRROR" >"$CACHE/debootstrap.log" 2>&1 \
  || { tail -n 30 "$CACHE/debootstrap.log" >&2; exit 1; }
chroot "$TMP" dpkg --configure -a >>"$CACHE/debootstrap.log" 2>&1
# Boots must not run cloud-init's own units (no data source here); tests run it by hand.
touch "$TMP/etc/cloud/cloud-init.disabled"
rm -rf "$TMP/var/cache/apt/archives/"*.deb
echo "built in $(( $(date +%s) - start )) s" >"$TMP/.complete"
rm -rf "$ROOT"
mv "$TMP" "$ROOT"
trap - EXIT
echo "effect-root.sh: $(cat "$ROOT/.complete")" >&2
echo "$ROOT"
