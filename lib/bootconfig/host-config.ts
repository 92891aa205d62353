import { Errors } from '../core/errors';
import {
  isUnresolved, requireArray, requireHostname, requireRecord, requireSingleLine, requireSshPublicKey, requireString,
} from '../core/validation';
import { ContainerOptions, toContainerModel } from './container';
import { DockerDataVolumeOptions, toDataVolumeModel } from './docker-data-volume';
import { HostFileOptions, toFileModel } from './host-file';
import { HostUserOptions, toUserModel } from './host-user';
import { ContainerModel, DataVolumeModel, FileModel, HostModel, UnitModel, UserModel } from './model';
import { SystemdDropInOptions, SystemdUnitOptions, toDropInModel, toUnitModel } from './systemd-unit';

/** What every host of a fleet should look like, independent of the OS that renders it. */
export interface HostConfigProps {
  /**
   * SSH public keys for the OS's default user (`core` on Fedora CoreOS and Flatcar, `alpine` on
   * Alpine, the admin container's `ec2-user` on Bottlerocket).
   * @default - no keys: no SSH login unless the platform adds one (e.g. an EC2 key pair)
   */
  readonly sshAuthorizedKeys?: string[];
  /**
   * Docker daemon settings, written to /etc/docker/daemon.json, e.g. `{ 'log-driver': 'journald' }`.
   * Library defaults (json-file log rotation, live-restore) are the parent; these keys win.
   * @default - the library defaults only
   */
  readonly dockerDaemonSettings?: { [key: string]: any };
  /**
   * Kernel parameters, e.g. `{ 'vm.max_map_count': '262144' }`, applied at every boot.
   * @default - none
   */
  readonly sysctls?: { [key: string]: string };
  /**
   * IANA time zone of the host clock, e.g. `Europe/Berlin`. Update windows stay in UTC.
   * @default 'UTC'
   */
  readonly timeZone?: string;
  /**
   * Host name. The fleet constructs set one per host; set this only when rendering by hand.
   * @default - the platform's name for the host
   */
  readonly hostname?: string;
  /**
   * A separate disk for /var/lib/docker. The fleet constructs set it from `dockerVolumeSizeGiB`.
   * @default - Docker data stays on the root disk
   */
  readonly dockerDataVolume?: DockerDataVolumeOptions;
}

/**
 * The neutral model of a Docker host: users and SSH keys, files, systemd units, Docker
 * daemon settings, sysctls, a time zone and containers that run from boot on. Each
 * `ContainerOs` renders it into its own first-boot format and rejects, with a clear error,
 * what it cannot express.
 *
 * @example
 * const host = new HostConfig({ sshAuthorizedKeys: ['ssh-ed25519 AAAA… ops'] });
 * host.addContainer({ name: 'web', image: 'nginx:1.27', ports: ['80:80'] });
 */
export class HostConfig {
  private readonly keys: string[] = [];
  private readonly users: UserModel[] = [];
  private readonly files: FileModel[] = [];
  private readonly units: UnitModel[] = [];
  private readonly containers: ContainerModel[] = [];
  private readonly daemon: Record<string, unknown> = {};
  private readonly sysctls: Record<string, string> = {};
  private readonly timeZone?: string;
  private readonly hostname?: string;
  private readonly dataVolume?: DataVolumeModel;

  /** @param props keys, daemon settings, sysctls, time zone; add files, units and containers with the methods */
  constructor(props: HostConfigProps = {}) {
    if (props === null || typeof props !== 'object') throw Errors.notAnObject('hostConfig', props);
    if (props.sshAuthorizedKeys !== undefined) {
      requireArray('sshAuthorizedKeys', props.sshAuthorizedKeys).forEach((k, i) => this.addKey(`sshAuthorizedKeys[${i}]`, k));
    }
    if (props.dockerDaemonSettings !== undefined) {
      Object.assign(this.daemon, validateDaemonSettings('dockerDaemonSettings', props.dockerDaemonSettings));
    }
    if (props.sysctls !== undefined) {
      const s = requireRecord('sysctls', props.sysctls);
      for (const key of Object.keys(s).sort()) {
        if (!/^[a-z0-9_][a-z0-9_./-]*$/.test(key) || key.includes('..')) throw Errors.badSysctl('sysctls', key);
        const v = s[key];
        if (typeof v !== 'string') throw Errors.badSysctlValue(`sysctls.${key}`, v);
        requireSingleLine(`sysctls.${key}`, v);
        if (isUnresolved(v)) throw Errors.unresolvedToken(`sysctls.${key}`, v);
        this.sysctls[key] = v;
      }
    }
    if (props.timeZone !== undefined) this.timeZone = validateTimeZone('timeZone', props.timeZone);
    if (props.hostname !== undefined) this.hostname = requireHostname('hostname', props.hostname);
    if (props.dockerDataVolume !== undefined) this.dataVolume = toDataVolumeModel(props.dockerDataVolume, 'dockerDataVolume');
  }

  /** Writes a file on first boot. Paths must be absolute and unique. */
  public addFile(file: HostFileOptions): void {
    const model = toFileModel(file, `files[${this.files.length}]`);
    const clash = this.files.find((f) => f.path === model.path);
    if (clash) throw Errors.duplicatePath(`${model.origin}.path`, model.path, clash.origin);
    this.files.push(model);
  }

  /** Installs (and by default enables) a systemd unit. OSes without systemd reject it when rendering. */
  public addSystemdUnit(unit: SystemdUnitOptions): void {
    const model = toUnitModel(unit, `units[${this.units.length}]`);
    const existing = this.units.findIndex((u) => u.name === model.name);
    if (existing >= 0 && (this.units[existing].contents !== undefined || this.units[existing].mask || this.units[existing].enabled !== undefined)) {
      throw Errors.duplicateUnit(`${model.origin}.name`, model.name);
    }
    if (existing >= 0) {
      this.units[existing] = { ...model, dropIns: this.units[existing].dropIns };
    } else {
      this.units.push(model);
    }
  }

  /** Adds a drop-in to a unit, e.g. more file handles for `docker.service`. */
  public addSystemdDropIn(dropIn: SystemdDropInOptions): void {
    const origin = `dropIns[${this.units.reduce((n, u) => n + u.dropIns.length, 0)}]`;
    const { unit, dropIn: model } = toDropInModel(dropIn, origin);
    const i = this.units.findIndex((u) => u.name === unit);
    if (i < 0) {
      this.units.push({ name: unit, dropIns: [model], origin });
      return;
    }
    if (this.units[i].dropIns.some((d) => d.name === model.name)) throw Errors.duplicatePath(`${origin}.name`, model.name, `${unit}`);
    this.units[i] = { ...this.units[i], dropIns: [...this.units[i].dropIns, model] };
  }

  /** Runs a container from boot on, restarted when it exits. */
  public addContainer(container: ContainerOptions): void {
    const model = toContainerModel(container, `containers[${this.containers.length}]`);
    if (this.containers.some((c) => c.name === model.name)) throw Errors.duplicateContainer(`${model.origin}.name`, model.name);
    this.containers.push(model);
  }

  /** Adds an SSH public key for the OS's default user. */
  public addSshAuthorizedKey(key: string): void {
    this.addKey(`sshAuthorizedKeys[${this.keys.length}]`, key);
  }

  /** Adds a login user with its own keys and groups. */
  public addUser(user: HostUserOptions): void {
    const model = toUserModel(user, `users[${this.users.length}]`);
    if (this.users.some((u) => u.name === model.name)) throw Errors.duplicatePath(`${model.origin}.name`, model.name, 'another user');
    this.users.push(model);
  }

  /**
   * The validated model. Internal: renderers and platforms read it.
   * @internal
   */
  public _toModel(): HostModel {
    return {
      hostname: this.hostname,
      timeZone: this.timeZone,
      sshAuthorizedKeys: [...this.keys],
      users: [...this.users],
      files: [...this.files],
      directories: [],
      links: [],
      units: [...this.units],
      dockerDaemonSettings: { ...this.daemon },
      sysctls: { ...this.sysctls },
      containers: [...this.containers],
      dockerDataVolume: this.dataVolume,
    };
  }

  private addKey(property: string, key: unknown) {
    const k = requireSshPublicKey(property, key);
    if (!this.keys.includes(k)) this.keys.push(k);
  }
}

export function validateTimeZone(property: string, value: unknown): string {
  const s = requireString(property, value);
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(s)) throw Errors.badTimeZone(property, value);
  try {
    new Intl.DateTimeFormat('en', { timeZone: s });
  } catch {
    throw Errors.badTimeZone(property, value);
  }
  return s;
}

export function validateDaemonSettings(property: string, value: unknown): Record<string, unknown> {
  const r = requireRecord(property, value);
  let json: string;
  try {
    json = JSON.stringify(r);
  } catch {
    throw Errors.badDockerSettings(property, value);
  }
  if (isUnresolved(json)) throw Errors.unresolvedToken(property, value);
  const hosts = r.hosts;
  if (hosts !== undefined) {
    const list = Array.isArray(hosts) ? hosts : [hosts];
    if (list.some((h) => typeof h !== 'string' || !h.startsWith('unix://'))) throw Errors.dockerTcpSocket(`${property}.hosts`, hosts);
  }
  return JSON.parse(json);
}

/**
 * Library defaults are the parent, the user's model the child: on a clash the child wins
 * (files and units by path/name, containers by name, settings by key).
 */
export function mergeHostModels(parent: HostModel, child: HostModel): HostModel {
  const byKey = <T>(a: readonly T[], b: readonly T[], key: (t: T) => string): T[] => {
    const childKeys = new Set(b.map(key));
    return [...a.filter((x) => !childKeys.has(key(x))), ...b];
  };
  const units = mergeUnits(parent.units, child.units);
  return {
    hostname: child.hostname ?? parent.hostname,
    timeZone: child.timeZone ?? parent.timeZone,
    sshAuthorizedKeys: [...new Set([...parent.sshAuthorizedKeys, ...child.sshAuthorizedKeys])],
    users: byKey(parent.users, child.users, (u) => u.name),
    files: byKey(parent.files, child.files, (f) => f.path),
    directories: byKey(parent.directories, child.directories, (d) => d.path),
    links: byKey(parent.links, child.links, (l) => l.path),
    units,
    dockerDaemonSettings: { ...parent.dockerDaemonSettings, ...child.dockerDaemonSettings },
    sysctls: { ...parent.sysctls, ...child.sysctls },
    containers: byKey(parent.containers, child.containers, (c) => c.name),
    dockerDataVolume: child.dockerDataVolume ?? parent.dockerDataVolume,
  };
}

/** Units by name, the child's fields winning; drop-ins merged by name (used for every systemd merge). */
export function mergeUnits(parent: readonly UnitModel[], child: readonly UnitModel[]): UnitModel[] {
  const units = [...parent];
  for (const u of child) {
    const i = units.findIndex((p) => p.name === u.name);
    if (i < 0) {
      units.push(u);
      continue;
    }
    const p = units[i];
    units[i] = {
      ...p, ...u,
      contents: u.contents ?? p.contents,
      enabled: u.enabled ?? p.enabled,
      mask: u.mask || p.mask,
      dropIns: [...p.dropIns.filter((d) => !u.dropIns.some((x) => x.name === d.name)), ...u.dropIns],
    };
  }
  return units;
}
