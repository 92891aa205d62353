/**
 * Flatcar Container Linux: Ignition, Docker as a built-in sysext (socket-activated),
 * update_engine + locksmithd. Sources are named per fact below.
 */
import { DropInModel, UnitModel, textFile } from '../bootconfig/model';
import { FLATCAR_UPDATE_CONF, LOCKSMITHD_UTC_DROPIN } from '../bootconfig/paths';
import { OsErrors } from './errors';
import { EBS_DATA_DEVICE } from './aws-traits';
import { Architecture, Platform } from './enums';
import { IGNITION_ON_AWS, ignitionOs } from './ignition-os';
import { LIBVIRT_DISK_BY_WWN } from './libvirt-traits';
import { FLATCAR_GROUPS } from './os-groups';
import { OsDefinition, RenderContext } from './os-definition';
import { SHORT_DAY, WEEKDAYS, hhmm } from './update-policy';

/** Flatcar Container Linux on a channel. */
export function flatcar(channel: string): OsDefinition {
  return ignitionOs({
    name: 'Flatcar Container Linux',
    channel,
    policies: {
      'immediate': true,
      'maintenance-window': true,
      'fleet-lock': "UpdatePolicy.maintenanceWindow() or immediate(): locksmithd coordinates only through etcd "
        + "(REBOOT_STRATEGY=etcd-lock), not FleetLock; for FleetLock use ContainerOs.fedoraCoreOs()",
      'disabled': true,
    },
    // The docker sysext's docker.service runs `dockerd --host=fd:// --containerd=/run/docker/libcontainerd/docker-containerd.sock
    // $DOCKER_SELINUX ...` (flatcar/scripts sdk_container/src/third_party/coreos-overlay/app-containers/docker
    // files/docker.service): a key given both as a flag and in daemon.json stops dockerd.
    reservedDaemonKeys: {
      'hosts': 'docker.service already listens on the local socket (--host=fd://); the TCP socket stays off',
      'selinux-enabled': 'docker.service sets it on its command line ($DOCKER_SELINUX)',
      'containerd': 'docker.service already passes --containerd on its command line',
    },
    daemonDefaults: { 'log-driver': 'journald', 'live-restore': true },
    // groups in /etc/group when Ignition runs vs only in altfiles: os-groups.ts
    groups: FLATCAR_GROUPS,
    osFiles: (ctx) => [textFile(FLATCAR_UPDATE_CONF, updateConf(channel, ctx), 0o644)],
    // Docker is a sysext on current Flatcar: its unit is not visible when Ignition applies presets,
    // so "enabled" alone does nothing; Flatcar documents linking it into multi-user.target.wants
    // (flatcar-website docs/latest/container-runtimes/getting-started-with-docker.md, since 3761).
    osLinks: () => [{
      path: '/etc/systemd/system/multi-user.target.wants/docker.service', target: '/usr/lib/systemd/system/docker.service',
      origin: 'docker',
    }],
    osUnits: () => [locksmithdInUtc()],
    traits: {
      [Platform.AWS]: {
        ...IGNITION_ON_AWS,
        image: (architecture: Architecture) => ({
          // Owner 075585003325 and `Flatcar-<channel>-*`, which matches both arches, so the
          // architecture filter is required (poseidon/typhoon aws/flatcar-linux/kubernetes/ami.tf;
          // names from flatcar/mantle cmd/plume/prerelease.go).
          owners: ['075585003325'],
          nameFilter: `Flatcar-${channel}-*`,
          architecture,
          rootDeviceName: '/dev/xvda',
          // mantle registers Flatcar AMIs with ContainerLinuxDiskSizeGiB = 16 (flatcar/mantle
          // platform/api/aws); the snapshot of current stable needs >= 13 GB since the disk layout grew
          // (flatcar/scripts f0c94a9107, 07cc8512ef; kubernetes-sigs/image-builder#1992: "Volume of size
          // 8GB is smaller than snapshot, expect size >= 13GB"). 16 GiB launches on every channel.
          minRootSizeGiB: 16,
        }),
        // flatcar/init udev/rules.d/90-cloud-storage.rules + cloud_aws_ebs_nvme_id link the block-device
        // mapping name (/dev/xvdb) for NVMe EBS volumes, also in the initramfs where Ignition runs
        // (flatcar/bootengine dracut/30ignition/module-setup.sh; docs/os-notes.md "EBS device names").
        dataVolume: { kind: 'device', device: EBS_DATA_DEVICE },
      },
      [Platform.LIBVIRT]: {
        // qcow2 despite the .img name, not compressed (flatcar-website deploy/virt-options/libvirt.md, qemu.md).
        image: () => ({
          url: `https://${channel}.release.flatcar-linux.net/amd64-usr/current/flatcar_production_qemu_image.img`,
          format: 'qcow2',
        }),
        // Documented key `opt/org.flatcar-linux/config`; Flatcar also reads opt/com.coreos/config, but
        // in random order, so set only one (flatcar/scripts 0007-provider-qemu-apply-fw_cfg-patch.patch).
        delivery: { kind: 'ignition', fwCfgName: 'opt/org.flatcar-linux/config' },
        minMemoryMiB: 1024,
        dataVolume: LIBVIRT_DISK_BY_WWN,
      },
    },
  });
}

/**
 * locksmithd reads its reboot window in the host's local time (locksmith README "Reboot windows"),
 * and it is a Go program, whose local time zone is $TZ when set (Go `time` package, "Local").
 * This drop-in makes the window UTC whatever `timeZone` the host has, as the library documents.
 */
function locksmithdInUtc(): UnitModel {
  const dropIn: DropInModel = { name: LOCKSMITHD_UTC_DROPIN, contents: '[Service]\n# Managed by cdktf-docker-fleet: reboot windows are '
    + 'UTC.\nEnvironment=TZ=UTC\n' };
  return { name: 'locksmithd.service', dropIns: [dropIn], origin: 'updatePolicy' };
}

/** update.conf for the policy (update-conf.md, update-strategies.md, locksmith README). */
function updateConf(channel: string, ctx: RenderContext): string {
  const lines = [`# Managed by cdktf-docker-fleet: update policy ${ctx.policy.toString()}`, `GROUP=${channel}`];
  lines.push(...ctx.policy._match<string[]>({
    immediate: () => ['REBOOT_STRATEGY=reboot'],
    disabled: () => {
      // "SERVER=disabled" is the documented way to turn updates off (update-strategies.md).
      ctx.warnings.push(`${ctx.displayName}: updates are disabled (SERVER=disabled); hosts get no security fixes until replaced`);
      return ['SERVER=disabled', 'REBOOT_STRATEGY=off'];
    },
    fleetLock: () => {
      throw OsErrors.unsupportedPolicy(ctx.displayName, ctx.policy.toString(), 'the capability table rejects it first');
    },
    maintenanceWindow: (w) => {
      let start: string;
      if (w.days.length === WEEKDAYS.length) {
        start = hhmm(w.startMinute);
      } else if (w.days.length === 1) {
        start = `${SHORT_DAY[w.days[0]]} ${hhmm(w.startMinute)}`;
      } else {
        throw OsErrors.unsupportedPolicy(ctx.displayName, ctx.policy.toString(),
          'a window on one weekday or on every day: locksmithd has a single window that opens daily or on one day of the week');
      }
      const h = Math.floor(w.durationMinutes / 60);
      const m = w.durationMinutes % 60;
      const length = `${h ? `${h}h` : ''}${m ? `${m}m` : ''}`;
      return ['REBOOT_STRATEGY=reboot', `LOCKSMITHD_REBOOT_WINDOW_START="${start}"`, `LOCKSMITHD_REBOOT_WINDOW_LENGTH=${length}`];
    },
  }));
  return `${lines.join('\n')}\n`;
}
