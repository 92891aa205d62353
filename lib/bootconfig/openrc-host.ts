import { stableStringify } from '../core/fingerprint';
import { CloudConfigDocument, CloudConfigFile } from './cloud-config';
import { dockerRunArgs, pullWithRetries, renderEnvFile, shQuote } from './container-run';
import { renderDataVolumeScript } from './data-volume-script';
import { openRcContainerService } from './openrc-container';
import { renderSecretFetcher, secretFetchArgv, secretPackages } from './secret-fetch';
import { mergeLayers } from './merge';
import { FileModel, HostModel, layer, textFile } from './model';
import {
  DAEMON_JSON, DATA_VOLUME_SCRIPT, HOSTNAME_FILE, SECRET_FETCHER, SYSCTL_FILE, containerEnvFile, initScript, openRcServiceName,
} from './paths';


const DOCKER = '/usr/bin/docker';

function perm(mode: number): string {
  return `0${mode.toString(8).padStart(3, '0')}`;
}

function cloudFile(f: FileModel): CloudConfigFile {
  return { path: f.path, contents: f.contents, permissions: perm(f.mode) };
}

/** The files that run one container under OpenRC (its init script). */
function containerServiceFiles(c: HostModel['containers'][number]): FileModel[] {
  return [textFile(initScript(openRcServiceName(c.name)), containerService(c), 0o755)];
}

/**
 * An OpenRC service that runs one container under supervise-daemon, which restarts it when it
 * exits (openrc-run(8), supervise-daemon(8): `respawn_max=0` retries for ever).
 */
function containerService(c: HostModel['containers'][number]): string {
  return openRcContainerService({
    name: c.name, image: c.image, docker: DOCKER, runArgs: dockerRunArgs(c), pullScript: pullWithRetries(DOCKER, c.image),
    fetchSecrets: c.secrets.length ? secretFetchArgv(c) : undefined,
  });
}

/**
 * Turns the neutral host model into a cloud-config document for Alpine (tiny-cloud or
 * cloud-init): Docker from the community repository enabled at boot, daemon.json, sysctls,
 * the time zone, users, one supervised OpenRC service per container and the data volume.
 * systemd units cannot be expressed and are rejected naming the unit.
 */
export function expandForOpenRc(model: HostModel): CloudConfigDocument {
  const files: FileModel[] = [];
  const packages = ['docker', ...secretPackages(model.containers), ...model.packages];
  const runcmd: string[] = [];

  if (model.dockerDataVolume) {
    const v = model.dockerDataVolume;
    // util-linux's blkid and wipefs: the script proves a disk blank with `blkid -p` and `wipefs -n`,
    // which busybox's blkid lacks (Alpine main has both as util-linux subpackages).
    packages.push(v.fileSystem === 'xfs' ? 'xfsprogs' : 'e2fsprogs', 'blkid', 'wipefs');
    // mdev-conf links /dev/xvdX names for EBS NVMe disks only when nvme-cli is installed
    // (aports main/mdev-conf persistent-storage; docs/os-notes.md "EBS device names").
    if (v.device && /^\/dev\/(xvd|sd)/.test(v.device)) packages.push('nvme-cli');
    files.push(textFile(DATA_VOLUME_SCRIPT, renderDataVolumeScript(v, v.diskModel), 0o755));
    runcmd.push(`${DATA_VOLUME_SCRIPT} && mkdir -p ${v.mountPoint} && `
      + `(grep -q 'LABEL=${v.label} ' /etc/fstab || echo 'LABEL=${v.label} ${v.mountPoint} ${v.fileSystem} defaults,noatime,nofail 0 2' `
        + `>> /etc/fstab) && `
      + `{ ! blkid -L ${v.label} >/dev/null 2>&1 || mount ${v.mountPoint}; }`);
  }
  if (model.hostname) {
    files.push(textFile(HOSTNAME_FILE, `${model.hostname}\n`, 0o644));
    runcmd.push(`hostname -F ${HOSTNAME_FILE}`);
  }
  if (Object.keys(model.dockerDaemonSettings).length) {
    files.push(textFile(DAEMON_JSON, `${stableStringify(model.dockerDaemonSettings, 2)}\n`, 0o644));
  }
  const sysctlKeys = Object.keys(model.sysctls).sort();
  if (sysctlKeys.length) {
    // Alpine's `sysctl` service (boot runlevel) applies /etc/sysctl.d at every boot; apply now too.
    files.push(textFile(SYSCTL_FILE, sysctlKeys.map((k) => `${k} = ${model.sysctls[k]}\n`).join(''), 0o644));
    runcmd.push(`sysctl -p ${SYSCTL_FILE}`);
  }
  if (model.timeZone) {
    packages.push('tzdata');
    runcmd.push(`ln -sf ${shQuote(`/usr/share/zoneinfo/${model.timeZone}`)} /etc/localtime`);
  }
  for (const u of model.users) {
    // busybox `adduser -D` leaves the password field `!` (locked), and Alpine's non-PAM sshd refuses
    // locked accounts even for key logins; `*` (no password, not locked) is what tiny-cloud itself
    // writes for its users (tiny-cloud lib/tiny-cloud/init: `echo "$user:*" | chpasswd -e`).
    runcmd.push(`id ${u.name} >/dev/null 2>&1 || { adduser -D -s /bin/sh ${u.name} && echo '${u.name}:*' | chpasswd -e; }`);
    // Alpine has one group database, /etc/group: a group it lacks (e.g. 'sudo') is created, one it
    // has (wheel, kvm, docker from the package's pre-install) is used as is (lib/os/os-groups.ts).
    for (const g of u.groups) runcmd.push(`addgroup ${g} 2>/dev/null || true; addgroup ${u.name} ${g}`);
    if (u.sshAuthorizedKeys.length) {
      runcmd.push(`install -d -m 700 -o ${u.name} -g ${u.name} /home/${u.name}/.ssh && `
        + `printf '%s\\n' ${u.sshAuthorizedKeys.map(shQuote).join(' ')} > /home/${u.name}/.ssh/authorized_keys && `
        + `chown ${u.name}:${u.name} /home/${u.name}/.ssh/authorized_keys && chmod 600 /home/${u.name}/.ssh/authorized_keys`);
    }
  }
  for (const f of model.files) {
    if (f.user || f.group) runcmd.push(`chown ${f.user ?? 'root'}${f.group ? `:${f.group}` : ''} ${shQuote(f.path)}`);
  }
  // Docker: community package, OpenRC service (aports community/docker; docs/os-notes.md "Alpine cloud images").
  runcmd.push('rc-update add docker default', 'rc-service docker start');
  for (const c of model.containers) {
    const svc = openRcServiceName(c.name);
    if (Object.keys(c.environment).length) files.push(textFile(containerEnvFile(c.name), renderEnvFile(c), 0o600));
    files.push(...containerServiceFiles(c));
    runcmd.push(`rc-update add ${svc} default`, `rc-service ${svc} start`);
  }
  if (model.containers.some((c) => c.secrets.length)) {
    files.push(textFile(SECRET_FETCHER, renderSecretFetcher({ kind: 'packaged', aws: '/usr/bin/aws' }), 0o700));
  }
  runcmd.push(...model.bootCommands);
  return {
    sshAuthorizedKeys: model.sshAuthorizedKeys,
    // What the model derives is the parent of what its layers wrote themselves (same merge rule).
    files: mergeLayers(layer({ files }), layer({ files: model.files })).files.map(cloudFile),
    packageUpdate: true,
    // Hosts start from the image's packages; upgrading them first means a new host never runs
    // older packages than the branch has (cloud-init cc_package_update_upgrade_install;
    // tiny-cloud alpine-config `package_upgrade`, since 3.0.0).
    packageUpgrade: true,
    packages,
    bootcmd: [],
    runcmd,
  };
}
