/**
 * Fedora CoreOS: Ignition, moby-engine preinstalled and socket-activated, Zincati updates.
 * Sources are named per fact below.
 */
import { HostModel, UnitModel, textFile } from '../bootconfig/model';
import { DATA_MOUNT_UNIT, DOCKER_OPTIONS_DROPIN, DOCKER_OPTIONS_FILE, SELINUX_RELABEL_UNIT, ZINCATI_DROPIN } from '../bootconfig/paths';
import { renderToml } from '../bootconfig/toml';
import { OsErrors } from './errors';
import { Architecture, Platform } from './enums';
import { IGNITION_ON_AWS, ignitionOs } from './ignition-os';
import { LIBVIRT_DISK_BY_WWN } from './libvirt-traits';
import { FEDORA_COREOS_GROUPS } from './os-groups';
import { OsDefinition, RenderContext } from './os-definition';
import { SHORT_DAY, WEEKDAYS, hhmm } from './update-policy';

/** Fedora CoreOS on a stream. */
export function fedoraCoreOs(stream: string): OsDefinition {
  const displayName = `Fedora CoreOS (${stream})`;
  return ignitionOs({
    name: 'Fedora CoreOS',
    channel: stream,
    policies: { 'immediate': true, 'maintenance-window': true, 'fleet-lock': true, 'disabled': true },
    // moby-engine's docker.service runs `dockerd --host=fd:// --exec-opt native.cgroupdriver=systemd $OPTIONS`;
    // a key given both as a flag and in daemon.json stops dockerd, so those keys are reserved.
    reservedDaemonKeys: {
      'hosts': 'docker.service already listens on the local socket (fd://); the TCP socket stays off',
      'exec-opts': 'docker.service sets native.cgroupdriver=systemd on its command line',
    },
    // daemon.json is the one place for daemon settings. Fedora's /etc/sysconfig/docker sets
    // OPTIONS="--selinux-enabled --log-driver=journald --live-restore --default-ulimit
    // nofile=1024:1024 --init-path ... --userland-proxy-path ..." (UNCERTAIN: seen in a public copy
    // of Fedora's moby-engine docker.sysconfig, not in Fedora's own repository), and dockerd refuses
    // a key set both as a flag and in daemon.json; so OPTIONS keeps only the paths (see
    // DOCKER_OPTIONS_DROPIN) and the rest moves here, where users may override it.
    daemonDefaults: {
      'selinux-enabled': true,
      'log-driver': 'journald',
      'live-restore': true,
      'default-ulimits': { nofile: { Name: 'nofile', Hard: 1024, Soft: 1024 } },
    },
    // groups in /etc/group when Ignition runs vs only in altfiles: os-groups.ts
    groups: FEDORA_COREOS_GROUPS,
    osFiles: (ctx) => [
      textFile(DOCKER_OPTIONS_FILE,
        '# Managed by cdktf-docker-fleet: daemon settings live in /etc/docker/daemon.json.\n'
        + 'OPTIONS="--init-path /usr/libexec/docker/docker-init --userland-proxy-path /usr/libexec/docker/docker-proxy"\n'),
      textFile(ZINCATI_DROPIN, zincati(ctx)),
    ],
    osUnits: (_ctx, user) => [dockerOptionsDropIn(), ...(user.dockerDataVolume ? [selinuxRelabel(user)] : [])],
    traits: {
      [Platform.AWS]: {
        ...IGNITION_ON_AWS,
        image: (architecture: Architecture) => ({
          // Owner 125523088429 (Fedora), stream in the description: poseidon/typhoon aws/fedora-coreos/kubernetes/ami.tf.
          owners: ['125523088429'],
          descriptionFilter: `Fedora CoreOS ${stream} *`,
          architecture,
          // getting-started-aws.adoc maps the root disk as /dev/xvda; the image is 10 GB (getting-started-libvirt.adoc).
          rootDeviceName: '/dev/xvda',
          minRootSizeGiB: 10,
        }),
        // FCOS ships no EBS alias rules (coreos/fedora-coreos-tracker#1122, open; docs/os-notes.md
        // "EBS device names"): the disk is found at boot by its model instead of by name.
        dataVolume: { kind: 'found', diskModel: 'Amazon Elastic Block Store' },
      },
      [Platform.LIBVIRT]: {
        image: () => {
          // Only qcow2.xz is published (fedora-coreos-tracker metadata/stream/sample.json); it must be
          // decompressed first (fedora-coreos-docs provisioning-qemu.adoc).
          throw OsErrors.compressedImage(displayName, `the ${stream} stream's qemu qcow2.xz`,
            `download and decompress it (coreos-installer download -s ${stream} -p qemu -f qcow2.xz --decompress), `
            + 'then pass image: LibvirtImage.fromPath(\'/var/lib/libvirt/images/fedora-coreos-qemu.x86_64.qcow2\')');
        },
        // ignition docs/supported-platforms.md: QEMU reads `opt/com.coreos/config` from fw_cfg.
        delivery: { kind: 'ignition', fwCfgName: 'opt/com.coreos/config' },
        minMemoryMiB: 2048,
        dataVolume: LIBVIRT_DISK_BY_WWN,
      },
    },
  });
}

/**
 * Overrides only OPTIONS, without owning Fedora's /etc/sysconfig/docker (so Fedora's later
 * changes to that file still arrive): moby-engine's docker.service reads
 * `EnvironmentFile=-/etc/sysconfig/docker`, and a later EnvironmentFile= (this drop-in's) overrides
 * variables set by an earlier one (systemd.exec(5) "EnvironmentFile=": "Settings from these files
 * override settings made with Environment=. If the same variable is set twice from these files,
 * the files will be read in the order they are specified and the later setting will override the
 * earlier setting").
 */
function dockerOptionsDropIn(): UnitModel {
  return {
    name: 'docker.service',
    dropIns: [{ name: DOCKER_OPTIONS_DROPIN, contents: `[Service]\nEnvironmentFile=${DOCKER_OPTIONS_FILE}\n` }],
    origin: 'docker',
  };
}

/**
 * FCOS runs SELinux enforcing, and container-selinux labels `/var/lib/docker(/.*)?` as
 * container_var_lib_t (container-selinux container.fc). A file system the library formats (by a
 * first-boot script on AWS, or Ignition without a mount path on libvirt) is mounted unlabelled:
 * Ignition relabels only what it mounts itself (ignition internal/exec/stages/mount/mount.go).
 * So a oneshot after the mount and before Docker relabels it once, as container-storage-setup
 * does for its own volumes ("restorecon -R MOUNTPOINT", projectatomic/container-storage-setup#252).
 * A stamp file inside the volume makes it run once per file system, not on every boot.
 */
function selinuxRelabel(user: HostModel): UnitModel {
  const dir = user.dockerDataVolume!.mountPoint;
  const stamp = `${dir}/.docker-fleet-selinux-relabelled`;
  const contents = [
    '[Unit]',
    `Description=Relabel ${dir} for SELinux (container_var_lib_t) once after it was formatted`,
    `After=${DATA_MOUNT_UNIT}`,
    'Before=docker.service containerd.service',
    `ConditionPathIsMountPoint=${dir}`,
    `ConditionPathExists=!${stamp}`,
    '',
    '[Service]',
    'Type=oneshot',
    'RemainAfterExit=yes',
    `ExecStart=/usr/sbin/restorecon -R ${dir}`,
    `ExecStart=/usr/bin/touch ${stamp}`,
    '',
    '[Install]',
    'WantedBy=docker.service containerd.service',
    '',
  ].join('\n');
  return { name: SELINUX_RELABEL_UNIT, contents, enabled: true, dropIns: [], origin: 'dockerDataVolume' };
}

/** Zincati settings for the policy (coreos/zincati docs/usage/updates-strategy.md, auto-updates.md). */
function zincati(ctx: RenderContext): string {
  const header = `# Managed by cdktf-docker-fleet: update policy ${ctx.policy.toString()}\n`;
  return header + ctx.policy._match({
    immediate: () => renderToml({ updates: { strategy: 'immediate' } }),
    disabled: () => {
      ctx.warnings.push(`${ctx.displayName}: updates are disabled (Zincati enabled = false); hosts get no security fixes until replaced`);
      return renderToml({ updates: { enabled: false } });
    },
    fleetLock: (url) => renderToml({ updates: { strategy: 'fleet_lock', fleet_lock: { base_url: url } } }),
    maintenanceWindow: (w) => renderToml({
      updates: {
        strategy: 'periodic',
        periodic: {
          time_zone: 'UTC',
          window: [{
            days: WEEKDAYS.filter((d) => w.days.includes(d)).map((d) => SHORT_DAY[d]),
            start_time: hhmm(w.startMinute),
            length_minutes: w.durationMinutes,
          }],
        },
      },
    }),
  });
}
