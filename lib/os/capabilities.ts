/**
 * What each OS can express, as data: one row per OS (in its own file), one column per feature
 * of the neutral host model and per kind of update policy. A cell is `true`, or the reason it
 * cannot and what to do instead. The table drives the rejections (`checkCapabilities`), the
 * README's OS table (scripts/readme-tables.js, checked by test/readme.test.ts) and the test
 * matrix, so none of them matches OS names.
 */
import { HostModel } from '../bootconfig/model';
import { CoreErrors } from '../core/errors';
import { OsErrors } from './errors';
import { UpdatePolicy, UpdatePolicyKind } from './update-policy';

/** Features of the host model an OS may or may not be able to express. */
export enum OsFeature {
  /** Files written on first boot (`addFile`). */
  FILES = 'files',
  /** systemd units and drop-ins (`addSystemdUnit`, `addSystemdDropIn`). */
  SYSTEMD_UNITS = 'systemd-units',
  /** Extra login users (`addUser`). */
  USERS = 'users',
  /** SSH keys for the default user. */
  SSH_KEYS = 'ssh-keys',
  /** Containers run from boot on (`addContainer`). */
  CONTAINERS = 'containers',
  /** Published container ports. */
  CONTAINER_PORTS = 'container-ports',
  /** Container environment variables. */
  CONTAINER_ENVIRONMENT = 'container-environment',
  /** Container volumes. */
  CONTAINER_VOLUMES = 'container-volumes',
  /** A container command that replaces the image's CMD. */
  CONTAINER_COMMAND = 'container-command',
  /** Container secrets fetched at boot with the instance role (`secrets`, `ContainerSecret`). */
  CONTAINER_SECRETS = 'container-secrets',
  /** Kernel parameters. */
  SYSCTLS = 'sysctls',
  /** The host's time zone. */
  TIME_ZONE = 'time-zone',
  /** /etc/docker/daemon.json settings. */
  DOCKER_DAEMON_SETTINGS = 'docker-daemon-settings',
  /** A separate Docker data volume mounted at /var/lib/docker. */
  DATA_VOLUME = 'data-volume',
}

/** `true`, or why the OS cannot and what to use instead (the message's allowed part). */
export type Support = true | string;

/** One OS's row of the capability table. */
export interface OsCapabilities {
  readonly features: Readonly<Record<OsFeature, Support>>;
  readonly policies: Readonly<Record<UpdatePolicyKind, Support>>;
}

/** Feature order and README labels (the README table's rows). */
export const FEATURE_LABELS: ReadonlyArray<readonly [OsFeature, string]> = [
  [OsFeature.FILES, 'files'],
  [OsFeature.SYSTEMD_UNITS, 'systemd units'],
  [OsFeature.USERS, 'extra users'],
  [OsFeature.SSH_KEYS, 'SSH keys'],
  [OsFeature.CONTAINERS, 'containers'],
  [OsFeature.CONTAINER_PORTS, 'container ports'],
  [OsFeature.CONTAINER_ENVIRONMENT, 'container environment'],
  [OsFeature.CONTAINER_VOLUMES, 'container volumes'],
  [OsFeature.CONTAINER_COMMAND, 'container command'],
  [OsFeature.CONTAINER_SECRETS, 'container secrets (AWS)'],
  [OsFeature.SYSCTLS, 'sysctls'],
  [OsFeature.TIME_ZONE, 'time zone'],
  [OsFeature.DOCKER_DAEMON_SETTINGS, 'Docker daemon settings'],
  [OsFeature.DATA_VOLUME, 'Docker data volume'],
];

/** Policy kinds in README order, with the factory that makes each. */
export const POLICY_LABELS: ReadonlyArray<readonly [UpdatePolicyKind, string]> = [
  [UpdatePolicyKind.IMMEDIATE, 'immediate()'],
  [UpdatePolicyKind.MAINTENANCE_WINDOW, 'maintenanceWindow()'],
  [UpdatePolicyKind.FLEET_LOCK, 'fleetLock()'],
  [UpdatePolicyKind.DISABLED, 'disabled()'],
];

/**
 * Rejects, naming the property and the value, everything in `model` that the OS's row says it
 * cannot express, and the update policy when the row says no.
 */
export function checkCapabilities(os: string, caps: OsCapabilities, model: HostModel, policy: UpdatePolicy): void {
  const f = caps.features;
  const reject = (support: Support, property: string, value: unknown) => {
    if (support !== true) throw CoreErrors.unsupportedFeature(os, property, value, support);
  };
  model.files.forEach((x) => reject(f[OsFeature.FILES], `hostConfig.${x.origin}.path`, x.path));
  model.units.forEach((x) => reject(f[OsFeature.SYSTEMD_UNITS], `hostConfig.${x.origin}.name`, x.name));
  model.users.forEach((x) => reject(f[OsFeature.USERS], `hostConfig.${x.origin}.name`, x.name));
  if (model.sshAuthorizedKeys.length) reject(f[OsFeature.SSH_KEYS], 'hostConfig.sshAuthorizedKeys', model.sshAuthorizedKeys);
  if (Object.keys(model.dockerDaemonSettings).length) {
    reject(f[OsFeature.DOCKER_DAEMON_SETTINGS], 'hostConfig.dockerDaemonSettings', model.dockerDaemonSettings);
  }
  if (model.timeZone !== undefined) reject(f[OsFeature.TIME_ZONE], 'hostConfig.timeZone', model.timeZone);
  if (Object.keys(model.sysctls).length) reject(f[OsFeature.SYSCTLS], 'hostConfig.sysctls', model.sysctls);
  if (model.dockerDataVolume !== undefined) {
    reject(f[OsFeature.DATA_VOLUME], 'hostConfig.dockerDataVolume', model.dockerDataVolume.device ?? '(discovered)');
  }
  for (const c of model.containers) {
    const p = `hostConfig.${c.origin}`;
    reject(f[OsFeature.CONTAINERS], `${p}.name`, c.name);
    if (c.ports.length) reject(f[OsFeature.CONTAINER_PORTS], `${p}.ports`, c.ports);
    if (Object.keys(c.environment).length) reject(f[OsFeature.CONTAINER_ENVIRONMENT], `${p}.environment`, c.environment);
    if (c.volumes.length) reject(f[OsFeature.CONTAINER_VOLUMES], `${p}.volumes`, c.volumes);
    if (c.command.length) reject(f[OsFeature.CONTAINER_COMMAND], `${p}.command`, c.command);
    if (c.secrets.length) reject(f[OsFeature.CONTAINER_SECRETS], `${p}.secrets`, c.secrets.map((s) => s.env));
  }
  const p = caps.policies[policy.kind];
  if (p !== true) throw OsErrors.unsupportedPolicy(os, policy.toString(), p);
}

/** Every feature supported: the row a full Linux host with systemd or OpenRC starts from. */
export const ALL_FEATURES: Readonly<Record<OsFeature, Support>> = Object.fromEntries(
  FEATURE_LABELS.map(([feature]) => [feature, true]),
) as Record<OsFeature, Support>;
