import { DataVolumeModel, FileModel, HostModel, LinkModel, UnitModel, layer, textFile } from './model';
import { STOP_GRACE_SECONDS, dockerRunArgs, pullWithRetries, renderEnvFile, systemdQuote } from './container-run';
import { renderSecretFetcher, secretFetchArgv } from './secret-fetch';
import { mergeLayers } from './merge';
import { IgnitionPlan } from './ignition';
import { stableStringify } from '../core/fingerprint';
import { renderDataVolumeScript } from './data-volume-script';
import {
  DAEMON_JSON, DATA_MOUNT_UNIT, DATA_VOLUME_SCRIPT, DATA_VOLUME_UNIT, HOSTNAME_FILE, LOCALTIME_LINK, SECRET_FETCHER, SYSCTL_FILE,
  containerEnvFile, containerSecretsFile, containerUnitName,
} from './paths';
import { BootMembership, IgnitionOsGroups, splitGroups, userGroupsScriptFile, userGroupsUnit } from './user-groups';

/** What differs between the systemd-based OSes when their host model becomes an Ignition plan. */
export interface SystemdHostOptions {
  /** the OS's default login user, which receives `sshAuthorizedKeys` */
  readonly defaultUser: string;
  /** absolute path of the docker CLI */
  readonly dockerBinary: string;
  /** where the OS keeps its groups when Ignition runs (lib/os/os-groups.ts) */
  readonly groups: IgnitionOsGroups;
  /** groups raw Ignition fragments declare in `passwd.groups` (Ignition creates them before users) */
  readonly declaredGroups?: readonly string[];
}


function containerUnit(c: HostModel['containers'][number], docker: string, needsMount: boolean): UnitModel {
  const run = [docker, ...dockerRunArgs(c)].map(systemdQuote).join(' ');
  const contents = [
    '[Unit]',
    `Description=Container ${c.name} (${c.image}), managed by cdktf-docker-fleet`,
    'Wants=network-online.target',
    `After=network-online.target docker.service${needsMount ? ` ${DATA_MOUNT_UNIT}` : ''}`,
    'Requires=docker.service',
    '',
    '[Service]',
    'TimeoutStartSec=0',
    'Restart=always',
    'RestartSec=10s',
    `ExecStartPre=-${docker} rm --force ${systemdQuote(c.name)}`,
    `ExecStartPre=/bin/sh -c ${systemdQuote(pullWithRetries(docker, c.image))}`,
    // Secrets: fetched again before every start (a rotated value arrives with the next restart);
    // a failed fetch fails the start and Restart=always retries it (secret-fetch.ts).
    ...(c.secrets.length ? [`ExecStartPre=${secretFetchArgv(c).map(systemdQuote).join(' ')}`] : []),
    `ExecStart=${run}`,
    // A stop is `docker stop`: SIGTERM, then SIGKILL after the grace period. The foreground
    // `docker run` then exits with the container's status (128 + signal: 143 after SIGTERM, 137
    // after SIGKILL, 130 after SIGINT), which is how a stopped container ends, not a failure
    // (systemd.service(5) SuccessExitStatus=; docs.docker.com "docker run" exit status). The
    // unit's own stop timeout leaves room for the grace period, so systemd never kills the
    // client first and leaves the container running.
    `ExecStop=${docker} stop --time=${STOP_GRACE_SECONDS} ${systemdQuote(c.name)}`,
    `SuccessExitStatus=130 137 143`,
    `TimeoutStopSec=${STOP_GRACE_SECONDS + 20}`,
    ...(c.secrets.length ? [`ExecStopPost=-/bin/rm -f ${systemdQuote(containerSecretsFile(c.name))}`] : []),
    '',
    '[Install]',
    'WantedBy=multi-user.target',
    '',
  ].join('\n');
  return { name: containerUnitName(c.name), contents, enabled: true, dropIns: [], origin: c.origin };
}

/**
 * Runs the data-volume script before the mount and Docker. Without a data disk the script warns
 * (in the journal) and exits 0; when it refuses (a non-blank or ambiguous disk) the unit fails
 * visibly. Either way Docker is only `Wants=`-linked to it and to the mount, so Docker and the
 * containers still start, on the root disk (systemd.unit(5): Wants= "a weaker version of
 * Requires=": a failed or skipped unit does not stop the units that want it).
 *
 * Ordered after udev: systemd-udevd.service (running, so the script's `udevadm settle` waits for
 * it and it writes /dev/disk/by-label links) and systemd-udev-trigger.service (the boot's coldplug
 * events are queued, which the trigger does without waiting for udevd: it is only
 * `After=systemd-udevd-kernel.socket`). Both are in sysinit.target.wants on every systemd OS
 * (systemd's units/meson.build; Fedora CoreOS and Flatcar ship them as they are), so ordering
 * alone is enough; both are `Before=sysinit.target` and want nothing of ours: no cycle.
 * Not after systemd-udev-settle.service: After= only orders, it pulls nothing in (systemd.unit(5):
 * "independent of and orthogonal to the requirement dependencies"), so unless another unit wants
 * that one the ordering does nothing (measured in a qemu boot: the script ran before udevd had
 * started, and the mount's condition failed on a disk udev had not yet probed); and
 * systemd-udev-settle.service(8) says "Using this service is not recommended" (udevadm logs
 * "systemd-udev-settle.service is deprecated" when it runs: src/udev/udevadm-settle.c): a
 * service that expects a device should wait for it with its own timeout, as the script does.
 */
function dataVolumePrepareUnit(): UnitModel {
  const contents = [
    '[Unit]',
    'Description=Find and format (only when blank) the Docker data volume',
    'DefaultDependencies=no',
    'After=systemd-udevd.service systemd-udev-trigger.service local-fs-pre.target',
    `Before=${DATA_MOUNT_UNIT} docker.service containerd.service`,
    '',
    '[Service]',
    'Type=oneshot',
    'RemainAfterExit=yes',
    `ExecStart=${DATA_VOLUME_SCRIPT}`,
    '',
    '[Install]',
    'WantedBy=docker.service containerd.service',
    '',
  ].join('\n');
  return { name: DATA_VOLUME_UNIT, contents, enabled: true, dropIns: [], origin: 'dockerDataVolume' };
}

/**
 * Mounts the data volume when a file system with its label exists, and is skipped (not failed)
 * when none does, so Docker stays on the root disk ("nofail" semantics).
 * `What=LABEL=…` is resolved by mount(8) through libblkid; unlike a /dev path it gives the unit
 * no automatic BindsTo= on a device unit (systemd.mount(5) "Automatic Dependencies": only block
 * device paths do), which would otherwise wait 90 s for a disk that is not there and then fail
 * the mount. The condition is evaluated when the mount starts, after the prepare unit, which
 * returns only once udev has written that link (or when there is no such file system).
 * Only Docker and containerd want it (with After=/Before= ordering), never with Requires=.
 */
function dataVolumeUnit(v: DataVolumeModel): UnitModel {
  const contents = [
    '[Unit]',
    'Description=Docker data volume (formatted only when blank; survives re-provisioning)',
    ...(v.device ? [] : [`After=${DATA_VOLUME_UNIT}`]),
    // Not before docker.socket: that would hold sockets.target (and the boot) for the prepare
    // unit's wait; docker.service, which the socket activates, is ordered after the mount.
    'Before=docker.service containerd.service',
    `ConditionPathExists=/dev/disk/by-label/${v.label}`,
    '',
    '[Mount]',
    `What=LABEL=${v.label}`,
    `Where=${v.mountPoint}`,
    `Type=${v.fileSystem}`,
    // nofail: no Before=local-fs.target default dependency, so a host without the disk does
    // not hold up local-fs.target (and the whole boot) while the prepare unit waits for one.
    'Options=defaults,noatime,nofail',
    '',
    '[Install]',
    'WantedBy=docker.service containerd.service',
    '',
  ].join('\n');
  return { name: DATA_MOUNT_UNIT, contents, enabled: true, dropIns: [], origin: 'dockerDataVolume' };
}

/**
 * Turns the neutral host model into an Ignition plan for a systemd OS (Fedora CoreOS, Flatcar):
 * keys for the default user, daemon.json, sysctls, the time zone link, one unit per container
 * (env in a root-only file), docker.service enabled so containers start at boot, and the data
 * volume as an Ignition filesystem plus a mount unit.
 */
export function expandForSystemd(model: HostModel, opts: SystemdHostOptions): IgnitionPlan {
  const files: FileModel[] = [];
  const links: LinkModel[] = [];
  const units: UnitModel[] = [];

  if (model.hostname) files.push(textFile(HOSTNAME_FILE, `${model.hostname}\n`, 0o644, 'hostname'));
  if (Object.keys(model.dockerDaemonSettings).length) {
    files.push(textFile(DAEMON_JSON, `${stableStringify(model.dockerDaemonSettings, 2)}\n`, 0o644, 'dockerDaemonSettings'));
  }
  const sysctlKeys = Object.keys(model.sysctls).sort();
  if (sysctlKeys.length) {
    files.push(textFile(SYSCTL_FILE, sysctlKeys.map((k) => `${k} = ${model.sysctls[k]}\n`).join(''), 0o644, 'sysctls'));
  }
  if (model.timeZone) {
    links.push({ path: LOCALTIME_LINK, target: `../usr/share/zoneinfo/${model.timeZone}`, origin: 'timeZone' });
  }
  for (const c of model.containers) {
    if (Object.keys(c.environment).length) files.push(textFile(containerEnvFile(c.name), renderEnvFile(c), 0o600,
      `${c.origin}.environment`));
    units.push(containerUnit(c, opts.dockerBinary, !!model.dockerDataVolume));
  }
  if (model.containers.some((c) => c.secrets.length)) {
    files.push(textFile(SECRET_FETCHER, renderSecretFetcher({ kind: 'image', docker: opts.dockerBinary }), 0o700, 'containers[].secrets'));
  }
  const filesystems = [];
  if (model.dockerDataVolume) {
    const v = model.dockerDataVolume;
    if (v.device) {
      // A stable device name exists in the initramfs: Ignition formats it (only when blank).
      filesystems.push({ device: v.device, format: v.fileSystem, label: v.label });
    } else {
      // No stable name (e.g. EBS on Fedora CoreOS): find the disk at boot instead.
      files.push(textFile(DATA_VOLUME_SCRIPT, renderDataVolumeScript(v, v.diskModel), 0o755, 'dockerDataVolume'));
      units.push(dataVolumePrepareUnit());
    }
    units.push(dataVolumeUnit(v));
  }
  // Docker is socket-activated on both OSes; enable the service so containers and
  // live-restored workloads come back at boot without waiting for a client.
  units.push({ name: 'docker.service', enabled: true, dropIns: [], origin: 'docker' });

  const users = [];
  // Groups: Ignition gets those the OS has in /etc/group when it runs (or a fragment declares);
  // a boot unit adds the user to every other one (lib/bootconfig/user-groups.ts says why).
  const declared = new Set(opts.declaredGroups ?? []);
  const atBoot: BootMembership[] = [];
  const groupsOf = (name: string, groups: readonly string[]) => {
    const split = splitGroups(name, groups, opts.groups, { isDefaultUser: name === opts.defaultUser, declared });
    atBoot.push(...split.atBoot);
    return split.now;
  };
  // addUser({ name: 'core' }) with keys for the default user: one entry (Ignition refuses two
  // users of one name at boot); the keys accumulate, the user's groups apply.
  const asDefault = model.users.find((u) => u.name === opts.defaultUser);
  if (model.sshAuthorizedKeys.length || asDefault) {
    users.push({
      name: opts.defaultUser,
      sshAuthorizedKeys: [...new Set([...model.sshAuthorizedKeys, ...(asDefault?.sshAuthorizedKeys ?? [])])],
      groups: groupsOf(opts.defaultUser, asDefault?.groups ?? []),
    });
  }
  for (const u of model.users) {
    if (u !== asDefault) users.push({ name: u.name, sshAuthorizedKeys: u.sshAuthorizedKeys, groups: groupsOf(u.name, u.groups) });
  }
  if (atBoot.length) {
    files.push(userGroupsScriptFile(atBoot, opts.groups.altfilesPath));
    units.push(userGroupsUnit());
  }

  // What the model derives is the parent of what its layers wrote themselves (same merge rule).
  const own = layer({ files: model.files, links: model.links, units: model.units, directories: model.directories });
  const out = mergeLayers(layer({ files, links, units }), own);
  return { users, files: out.files, directories: out.directories, links: out.links, units: out.units, filesystems };
}
