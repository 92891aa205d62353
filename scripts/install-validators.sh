#!/usr/bin/env bash
# Installs the real validators the tests run every rendered payload through:
# Debian's ignition (ignition-validate) and cloud-init (cloud-init schema), plus genisoimage,
# which the libvirt provider uses to build cloud-init ISOs on the machine running terraform.
# Without root it prints the one apt-get line you need and exits 1.
set -euo pipefail
missing=()
command -v ignition-validate >/dev/null 2>&1 || missing+=(ignition)
command -v cloud-init >/dev/null 2>&1 || missing+=(cloud-init)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "The tests need Debian's validators. Run: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "installing ${missing[*]} (apt-get)" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
