/**
 * Fedora CoreOS: Ignition, moby-engine preinstalled and socket-activated, Zincati updates.
 * Facts: shared/reference/os-facts.md §1 (sources named per fact below).
 */
import { textFile } from '../bootconfig/model';
import { renderToml } from '../bootconfig/toml';
import { Errors } from '../core/errors';
import { Architecture } from './enums';
import { ignitionOs } from './ignition-os';
import { OsDefinition, RenderContext } from './os-definition';
import { SHORT_DAY, WEEKDAYS, hhmm } from './update-policy';

/** Zincati drop-in for the update strategy (fedora-coreos-docs auto-updates.adoc: 55-updates-strategy.toml). */
export const ZINCATI_DROPIN = '/etc/zincati/config.d/55-updates-strategy.toml';

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
    // We own /etc/sysconfig/docker so daemon.json is the one place for daemon settings. Fedora's
    // file sets --selinux-enabled --log-driver=journald --live-restore --default-ulimit
    // nofile=1024:1024 and the init/proxy paths (UNCERTAIN: seen in a public copy of Fedora's
    // moby-engine docker.sysconfig, not in Fedora's own repository); we keep the paths as flags
    // and move the rest into daemon.json, where users may override them.
    daemonDefaults: {
      'selinux-enabled': true,
      'log-driver': 'journald',
      'live-restore': true,
      'default-ulimits': { nofile: { Name: 'nofile', Hard: 1024, Soft: 1024 } },
    },
    osFiles: (ctx) => [
      textFile('/etc/sysconfig/docker',
        '# Managed by cdktf-docker-fleet: daemon settings live in /etc/docker/daemon.json.\n'
        + 'OPTIONS="--init-path /usr/libexec/docker/docker-init --userland-proxy-path /usr/libexec/docker/docker-proxy"\n'),
      textFile(ZINCATI_DROPIN, zincati(ctx)),
    ],
    aws: {
      image: (architecture: Architecture) => ({
        // Owner 125523088429 (Fedora), stream in the description: poseidon/typhoon aws/fedora-coreos/kubernetes/ami.tf.
        owners: ['125523088429'],
        descriptionFilter: `Fedora CoreOS ${stream} *`,
        architecture,
        // getting-started-aws.adoc maps the root disk as /dev/xvda; the image is 10 GB (getting-started-libvirt.adoc).
        rootDeviceName: '/dev/xvda',
        minRootSizeGiB: 10,
      }),
      // FCOS ships no EBS alias rules (fedora-coreos-tracker#1122, open; os-facts-2.md §2): the disk is
      // found at boot by model instead of by name.
      dataVolume: { kind: 'mounted', diskModel: 'Amazon Elastic Block Store' },
    },
    libvirt: {
      image: () => {
        // Only qcow2.xz is published (fedora-coreos-tracker metadata/stream/sample.json); it must be
        // decompressed first (fedora-coreos-docs provisioning-qemu.adoc).
        throw Errors.compressedImage(displayName, `the ${stream} stream's qemu qcow2.xz`,
          `download and decompress it (coreos-installer download -s ${stream} -p qemu -f qcow2.xz --decompress), `
          + 'then pass image: LibvirtImage.fromPath(\'/var/lib/libvirt/images/fedora-coreos-qemu.x86_64.qcow2\')');
      },
      // ignition docs/supported-platforms.md: QEMU reads `opt/com.coreos/config` from fw_cfg.
      delivery: { kind: 'ignition', fwCfgName: 'opt/com.coreos/config' },
      minMemoryMiB: 2048,
      udevDiskNames: true,
    },
  });
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
