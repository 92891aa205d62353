import { CoreErrors } from '../core/errors';
import { BootConfigErrors } from './errors';
import { IANA_TIME_ZONES } from '../core/time-zones';
import {
  isUnresolved, requireArray, requireHostname, requireRecord, requireSingleLine, requireSshPublicKey, requireString,
} from '../core/validation';
import { ContainerOptions, toContainerModel } from './container';
import { checkPublishedPorts } from './published-ports';
import { DockerDataVolumeOptions, toDataVolumeModel } from './docker-data-volume';
import { HostFileOptions, toFileModel } from './host-file';
import { HostUserOptions, toUserModel } from './host-user';
import { FirstBootFragment } from './fragment';
import { ContainerModel, DataVolumeModel, FileModel, HostModel, UnitModel, UserModel } from './model';
import { LOCALTIME_LINK } from './paths';
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
   * The OS's defaults are the parent (live-restore everywhere; the journald log driver on Fedora
   * CoreOS and Flatcar, json-file with rotation on Alpine); these keys win.
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
  private readonly fragments: FirstBootFragment[] = [];
  private readonly consumers: string[] = [];
  /** packages and first-boot commands a construct added with `_extend` (none from users) */
  private extra: { packages: string[]; bootCommands: string[] } = { packages: [], bootCommands: [] };

  /** @param props keys, daemon settings, sysctls, time zone; add files, units and containers with the methods */
  constructor(props: HostConfigProps = {}) {
    if (props === null || typeof props !== 'object') throw CoreErrors.notAnObject('hostConfig', props);
    if (props.sshAuthorizedKeys !== undefined) {
      requireArray('sshAuthorizedKeys', props.sshAuthorizedKeys).forEach((k, i) => this.addKey(`sshAuthorizedKeys[${i}]`, k));
    }
    if (props.dockerDaemonSettings !== undefined) {
      Object.assign(this.daemon, validateDaemonSettings('dockerDaemonSettings', props.dockerDaemonSettings));
    }
    if (props.sysctls !== undefined) {
      const s = requireRecord('sysctls', props.sysctls);
      for (const key of Object.keys(s).sort()) {
        if (!/^[A-Za-z0-9_][A-Za-z0-9_./-]*$/.test(key) || key.includes('..')) throw BootConfigErrors.badSysctl('sysctls', key);
        const v = s[key];
        if (typeof v !== 'string') throw BootConfigErrors.badSysctlValue(`sysctls.${key}`, v);
        requireSingleLine(`sysctls.${key}`, v);
        if (isUnresolved(v)) throw CoreErrors.unresolvedToken(`sysctls.${key}`, v);
        this.sysctls[key] = v;
      }
    }
    if (props.timeZone !== undefined) this.timeZone = validateTimeZone('timeZone', props.timeZone);
    if (props.hostname !== undefined) this.hostname = requireHostname('hostname', props.hostname);
    if (props.dockerDataVolume !== undefined) this.dataVolume = toDataVolumeModel(props.dockerDataVolume, 'dockerDataVolume');
  }

  /** Writes a file on first boot. Paths must be absolute and unique. */
  public addFile(file: HostFileOptions): void {
    this.assertOpen('addFile');
    const model = toFileModel(file, `files[${this.files.length}]`);
    if (model.path === LOCALTIME_LINK && this.timeZone !== undefined) {
      throw CoreErrors.conflictingProps(`${model.origin}.path`, model.path, `timeZone '${this.timeZone}'`, 'timeZone already makes '
        + '/etc/localtime a link to its zone file; set one or the other');
    }
    const clash = this.files.find((f) => f.path === model.path);
    if (clash) throw BootConfigErrors.duplicatePath(`${model.origin}.path`, model.path, clash.origin);
    this.files.push(model);
  }

  /** Installs (and by default enables) a systemd unit. OSes without systemd reject it when rendering. */
  public addSystemdUnit(unit: SystemdUnitOptions): void {
    this.assertOpen('addSystemdUnit');
    const model = toUnitModel(unit, `units[${this.units.length}]`);
    const existing = this.units.findIndex((u) => u.name === model.name);
    const set = existing >= 0 ? this.units[existing] : undefined;
    if (set && (set.contents !== undefined || set.mask || set.enabled !== undefined)) {
      throw BootConfigErrors.duplicateUnit(`${model.origin}.name`, model.name);
    }
    if (existing >= 0) {
      this.units[existing] = { ...model, dropIns: this.units[existing].dropIns };
    } else {
      this.units.push(model);
    }
  }

  /** Adds a drop-in to a unit, e.g. more file handles for `docker.service`. */
  public addSystemdDropIn(dropIn: SystemdDropInOptions): void {
    this.assertOpen('addSystemdDropIn');
    const origin = `dropIns[${this.units.reduce((n, u) => n + u.dropIns.length, 0)}]`;
    const { unit, dropIn: model } = toDropInModel(dropIn, origin);
    const i = this.units.findIndex((u) => u.name === unit);
    if (i < 0) {
      this.units.push({ name: unit, dropIns: [model], origin });
      return;
    }
    if (this.units[i].dropIns.some((d) => d.name === model.name)) {
      throw BootConfigErrors.duplicatePath(`${origin}.name`, model.name, `${unit}`);
    }
    this.units[i] = { ...this.units[i], dropIns: [...this.units[i].dropIns, model] };
  }

  /** Runs a container from boot on, restarted when it exits. */
  public addContainer(container: ContainerOptions): void {
    this.assertOpen('addContainer');
    const model = toContainerModel(container, `containers[${this.containers.length}]`);
    if (this.containers.some((c) => c.name === model.name)) throw BootConfigErrors.duplicateContainer(`${model.origin}.name`, model.name);
    checkPublishedPorts(this.containers, model);
    this.containers.push(model);
  }

  /** Adds an SSH public key for the OS's default user. */
  public addSshAuthorizedKey(key: string): void {
    this.assertOpen('addSshAuthorizedKey');
    this.addKey(`sshAuthorizedKeys[${this.keys.length}]`, key);
  }

  /** Adds a login user with its own keys and groups. */
  public addUser(user: HostUserOptions): void {
    this.assertOpen('addUser');
    const model = toUserModel(user, `users[${this.users.length}]`);
    if (this.users.some((u) => u.name === model.name)) {
      throw BootConfigErrors.duplicatePath(`${model.origin}.name`, model.name, 'another user');
    }
    this.users.push(model);
  }

  /**
   * Adds a raw first-boot fragment, merged into the rendered payload as its last child layer
   * (like Typhoon's snippets or aws-cdk's `UserData.custom()`): for what the neutral model cannot
   * say. The fragment's format must be the OS's (`FirstBootFragment.ignition()` for Fedora CoreOS
   * and Flatcar, `.cloudConfig()` for Alpine, `.bottlerocketSettings()` for Bottlerocket);
   * another format is a clear error at synth time. The merged payload still goes through the
   * same checks as any other.
   */
  public addFirstBootFragment(fragment: FirstBootFragment): void {
    this.assertOpen('addFirstBootFragment');
    if (!(fragment instanceof FirstBootFragment)) {
      throw CoreErrors.notOneOf(`fragments[${this.fragments.length}]`, fragment,
        ['FirstBootFragment.ignition(json)', 'FirstBootFragment.cloudConfig(yaml)', 'FirstBootFragment.bottlerocketSettings(toml)']);
    }
    this.fragments.push(fragment);
  }

  /**
   * The fragments added with `addFirstBootFragment`, in order.
   * @internal
   */
  public _fragments(): FirstBootFragment[] {
    return [...this.fragments];
  }

  /**
   * Marks the config as used by a fleet: a later change would be missing from that fleet's
   * hosts, so it throws instead, naming every fleet that uses it.
   * @internal
   */
  public _consume(consumer: string): void {
    if (!this.consumers.includes(consumer)) this.consumers.push(consumer);
  }

  /**
   * A new, open HostConfig: this one's contents plus a construct's own files, units, packages
   * and first-boot commands (e.g. a swarm's scripts). This config is left unchanged; a file
   * path or unit name it already has is an error naming it.
   * @internal
   */
  public _extend(add: {
    files?: FileModel[]; units?: UnitModel[]; packages?: string[]; bootCommands?: string[]; daemon?: Record<string, unknown>;
  }): HostConfig {
    const c = new HostConfig();
    Object.assign(c, { timeZone: this.timeZone, hostname: this.hostname, dataVolume: this.dataVolume });
    c.keys.push(...this.keys);
    c.users.push(...this.users);
    c.files.push(...this.files);
    c.units.push(...this.units);
    c.containers.push(...this.containers);
    // The construct's daemon settings join the user's layer: a construct that needs a setting
    // (a swarm needs live-restore off) checks the user's value first and refuses a conflict.
    Object.assign(c.daemon, this.daemon, add.daemon ?? {});
    Object.assign(c.sysctls, this.sysctls);
    c.fragments.push(...this.fragments);
    for (const f of add.files ?? []) {
      const clash = c.files.find((x) => x.path === f.path);
      if (clash) throw BootConfigErrors.duplicatePath(`${clash.origin}.path`, f.path, f.origin);
      c.files.push(f);
    }
    for (const u of add.units ?? []) {
      if (c.units.some((x) => x.name === u.name)) throw BootConfigErrors.duplicateUnit(`${u.origin}.name`, u.name);
      c.units.push(u);
    }
    c.extra = {
      packages: [...this.extra.packages, ...(add.packages ?? [])],
      bootCommands: [...this.extra.bootCommands, ...(add.bootCommands ?? [])],
    };
    return c;
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
      packages: [...this.extra.packages],
      bootCommands: [...this.extra.bootCommands],
    };
  }

  private assertOpen(method: string): void {
    if (this.consumers.length) throw BootConfigErrors.hostConfigFrozen(method, this.consumers);
  }

  private addKey(property: string, key: unknown) {
    const k = requireSshPublicKey(property, key);
    if (!this.keys.includes(k)) this.keys.push(k);
  }
}

export function validateTimeZone(property: string, value: unknown): string {
  const s = requireString(property, value);
  // As written, case included: the host links /etc/localtime to /usr/share/zoneinfo/<name>.
  if (IANA_TIME_ZONES.has(s)) return s;
  const other = [...IANA_TIME_ZONES].find((z) => z.toLowerCase() === s.toLowerCase());
  throw BootConfigErrors.badTimeZone(property, value, other === undefined ? undefined : `did you mean '${other}'? Names are `
    + `case-sensitive on the host`);
}

export function validateDaemonSettings(property: string, value: unknown): Record<string, unknown> {
  const r = requireRecord(property, value);
  let json: string;
  try {
    json = JSON.stringify(r);
  } catch {
    throw BootConfigErrors.badDockerSettings(property, value);
  }
  if (isUnresolved(json)) throw CoreErrors.unresolvedToken(property, value);
  // Checked as written: daemon.json is this JSON, and an object's toJSON() may say other things
  // than its own fields.
  const written = json === undefined ? undefined : JSON.parse(json);
  if (written === null || typeof written !== 'object' || Array.isArray(written)) throw BootConfigErrors.badDockerSettings(property, value);
  const hosts = written.hosts;
  if (hosts !== undefined) {
    const list = Array.isArray(hosts) ? hosts : [hosts];
    if (list.some((h) => typeof h !== 'string' || !h.startsWith('unix://'))) throw BootConfigErrors.dockerTcpSocket(
      `${property}.hosts`, hosts);
  }
  return written;
}

/** A fleet's or swarm's `hostConfig` prop: a HostConfig, or an empty one when it is left out. */
export function requireHostConfig(property: string, value: unknown): HostConfig {
  if (value === undefined) return new HostConfig();
  if (!(value instanceof HostConfig)) throw CoreErrors.notOneOf(property, value, ['a HostConfig (new HostConfig({...}))']);
  return value;
}
