#!/usr/bin/env bash
# Installs the real validators and engines the tests run every rendered payload through:
# Debian's ignition (ignition-validate, and the engine itself for the effect layer), cloud-init
# (cloud-init schema; the engine), and what the effect layer (test/effect/) needs: systemd-nspawn
# (systemd-container), debootstrap, shellcheck, xfsprogs, e2fsprogs, util-linux, fdisk (sfdisk),
# qemu-system-x86 (the data-volume VM boots, TCG: no KVM needed), python3-yaml; python3-botocore
# and python3-boto3, whose real ECS/SSM service models check the Bottlerocket update runbook's
# Python steps (test/helpers/bottlerocket_runbook_steps_test.py, run with /usr/bin/python3). Then
# it builds the effect layer's cached Debian root (scripts/effect-root.sh; /var/cache/cdktf-docker-fleet,
# built once per machine). genisoimage is what the libvirt provider uses to build cloud-init ISOs on
# the machine running terraform.
# Without root it prints the one apt-get line you need and exits 1.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
need() { command -v "$1" >/dev/null 2>&1 || missing+=("$2"); }
need ignition-validate ignition
[ -x /usr/lib/dracut/modules.d/30ignition/ignition ] || missing+=(ignition)
need cloud-init cloud-init
need systemd-nspawn systemd-container
need systemd-analyze systemd
need debootstrap debootstrap
need shellcheck shellcheck
need mkfs.xfs xfsprogs
need mkfs.ext4 e2fsprogs
need unshare util-linux
need wipefs util-linux
need losetup mount
need sfdisk fdisk
need python3 python3
python3 -c 'import yaml' >/dev/null 2>&1 || missing+=(python3-yaml)
/usr/bin/python3 -c 'import boto3, botocore.stub' >/dev/null 2>&1 || missing+=(python3-botocore python3-boto3)
# busybox: the Alpine scripts also run under busybox sh (Alpine's shell) in test/os/alpine.test.ts;
# its cpio also packs the effect VM's initramfs (scripts/effect-vm-layer.sh)
need busybox busybox
# the effect layer's VM (test/effect/data-volume-vm.test.ts): qemu without KVM (TCG), debugfs to read
# the guest's root image after it powered off, dpkg-deb to unpack the kernel package
need qemu-system-x86_64 qemu-system-x86
need debugfs e2fsprogs
need dpkg-deb dpkg
# one name once
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | awk 'NF && !seen[$0]++')
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "The tests need Debian's validators and engines. Run: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "installing ${missing[*]} (apt-get)" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# The effect layer's Debian root (about 70 s the first time; reused after). Needs root.
if [ "$(id -u)" -eq 0 ]; then
  bash scripts/effect-root.sh >/dev/null
else
  echo "not root: the effect layer (test/effect/) needs root and is skipped outside CI" >&2
fi
