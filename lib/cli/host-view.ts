/**
 * A first-boot payload (Ignition JSON, `#cloud-config`/`#alpine-config` YAML, Bottlerocket TOML)
 * read back into what a reviewer wants to see: the update policy as the OS applies it, users
 * with key fingerprints, files, units, containers (from the units/init scripts and env files the
 * library writes), data volume, sysctls, time zone. Files and units the library generates for a
 * container, the policy, sysctls, the time zone or the data volume are shown there, not twice.
 */
import {
  ALPINE_UPGRADE_SCRIPT, APK_REPOSITORIES, DATA_MOUNT_UNIT, DATA_VOLUME_SCRIPT, DATA_VOLUME_UNIT, FLATCAR_UPDATE_CONF,
  HOSTNAME_FILE, LOCALTIME_LINK, SECRETS_DIR, SECRET_FETCHER, SYSCTL_FILE, UPDATE_AGENT_UNITS, ZINCATI_DROPIN, containerEnvFile,
  containerUnitName, initScript, openRcServiceName,
} from '../bootconfig/paths';
import { CliError } from './errors';
import { KeyInfo, decodeDataUrl, fromBase64, gunzip, isGzip, isText, keyInfo, sha256 } from './util';

/** The directory of Zincati's drop-ins (ZINCATI_DROPIN is one of them). */
const ZINCATI_DIR = ZINCATI_DROPIN.slice(0, ZINCATI_DROPIN.lastIndexOf('/') + 1);
const DATA_VOLUME_UNITS = [DATA_MOUNT_UNIT, DATA_VOLUME_UNIT];
/** The container a unit or an init script runs, by the names the renderers give them. */
const CONTAINER_UNIT = new RegExp(`^${escapeRegExp(containerUnitName('@')).replace('@', '(.+)')}$`);
const CONTAINER_INIT_SCRIPT = new RegExp(`^${escapeRegExp(initScript(openRcServiceName('@'))).replace('@', '(.+)')}$`);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export type PayloadFormat = 'ignition' | 'cloud-config' | 'alpine-config' | 'bottlerocket-toml';

export interface FileView {
  readonly path: string;
  readonly mode: string;
  readonly owner?: string;
  readonly size: number;
  readonly sha256: string;
  /** the contents when they are text */
  readonly text?: string;
}

export interface UnitView {
  readonly name: string;
  readonly enabled?: boolean;
  readonly mask?: boolean;
  readonly contents?: string;
  readonly dropIns: { readonly name: string; readonly contents: string }[];
}

export interface ContainerView {
  readonly name: string;
  readonly image: string;
  readonly ports: string[];
  /** env names with their values, from the env file */
  readonly environment: Record<string, string>;
  readonly volumes: string[];
  readonly command: string[];
  /** secrets the host fetches at each start: env name ← source and id (never a value) */
  readonly secrets: string[];
  /** other `docker run` options, as written */
  readonly options: string[];
  /** where it is defined (unit, init script, Bottlerocket host container) */
  readonly source: string;
}

export interface PolicyView {
  /** the mechanism, e.g. `Zincati drop-in` */
  readonly agent: string;
  /** the settings as the OS reads them (file text, cron line, TOML keys) */
  readonly lines: string[];
}

export interface DataVolumeView {
  readonly lines: string[];
}

export interface HostView {
  readonly os: string;
  readonly format: PayloadFormat;
  readonly hostname?: string;
  readonly updatePolicy?: PolicyView;
  readonly users: { readonly name: string; readonly keys: KeyInfo[] }[];
  readonly files: FileView[];
  readonly directories: { readonly path: string; readonly mode: string }[];
  readonly links: { readonly path: string; readonly target: string }[];
  readonly units: UnitView[];
  readonly containers: ContainerView[];
  readonly dataVolume?: DataVolumeView;
  readonly sysctls: Record<string, string>;
  readonly timeZone?: string;
  readonly packages: string[];
  readonly commands: string[];
  /** Bottlerocket settings not shown elsewhere, as TOML-ish `key = value` lines */
  readonly settings: string[];
}

/** The payload's format from its text. */
export function formatOf(text: string): PayloadFormat | undefined {
  const t = text.trimStart();
  if (t.startsWith('#cloud-config')) return 'cloud-config';
  if (t.startsWith('#alpine-config')) return 'alpine-config';
  if (t.startsWith('{')) {
    try {
      const j = JSON.parse(t) as Record<string, unknown>;
      if (j && typeof j === 'object' && j.ignition !== undefined) return 'ignition';
    } catch {
      return undefined;
    }
    return undefined;
  }
  if (/^\[settings[.\]]/m.test(t)) return 'bottlerocket-toml';
  return undefined;
}

/** Reads a payload into a HostView; `osHint` names the OS where the deployment says it. */
export function hostView(text: string, where: string, osHint?: string): HostView {
  const format = formatOf(text);
  if (format === 'ignition') return fromIgnition(text, where, osHint);
  if (format === 'cloud-config' || format === 'alpine-config') return fromCloudConfig(text, format, where, osHint);
  if (format === 'bottlerocket-toml') return fromBottlerocket(text, where, osHint);
  throw new CliError(`${where}: the payload is neither Ignition JSON, #cloud-config/#alpine-config nor Bottlerocket TOML (starts with ${JSON.stringify(text.slice(0, 24))})`);
}

// ----- building blocks --------------------------------------------------------------------

interface RawFile { path: string; mode: number; owner?: string; bytes: Buffer }

function fileView(f: RawFile): FileView {
  return {
    path: f.path,
    mode: `0${(f.mode & 0o7777).toString(8).padStart(3, '0')}`,
    owner: f.owner,
    size: f.bytes.length,
    sha256: sha256(f.bytes),
    text: isText(f.bytes) ? f.bytes.toString('utf8') : undefined,
  };
}

/** Splits a command line the way systemd reads Exec= (double/single quotes, C escapes, `$$`, `%%`). */
export function splitSystemd(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i])) i++;
    if (i >= line.length) break;
    let word = '';
    if (line[i] === '"' || line[i] === "'") {
      const q = line[i++];
      while (i < line.length && line[i] !== q) {
        if (line[i] === '\\' && i + 1 < line.length) {
          const c = line[++i];
          word += c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c;
        } else word += line[i];
        i++;
      }
      i++;
    } else {
      while (i < line.length && !/\s/.test(line[i])) word += line[i++];
    }
    out.push(word.replace(/\$\$/g, '$').replace(/%%/g, '%'));
  }
  return out;
}

/** Splits a POSIX sh command line of plain words and single-quoted parts (what shQuote writes). */
export function splitSh(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /[ \t]/.test(line[i])) i++;
    if (i >= line.length) break;
    let word = '';
    while (i < line.length && !/[ \t]/.test(line[i])) {
      if (line[i] === "'") {
        const end = line.indexOf("'", i + 1);
        if (end < 0) { word += line.slice(i + 1); i = line.length; break; }
        word += line.slice(i + 1, end);
        i = end + 1;
      } else if (line[i] === '"') {
        const end = line.indexOf('"', i + 1);
        word += line.slice(i + 1, end < 0 ? undefined : end);
        i = end < 0 ? line.length : end + 1;
      } else if (line[i] === '\\' && i + 1 < line.length) {
        word += line[i + 1];
        i += 2;
      } else word += line[i++];
    }
    out.push(word);
  }
  return out;
}

function parseEnvFile(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const l of text.split('\n')) {
    if (!l || l.startsWith('#')) continue;
    const eq = l.indexOf('=');
    if (eq < 0) env[l] = '';
    else env[l.slice(0, eq)] = l.slice(eq + 1);
  }
  return env;
}

/** `docker run …` arguments (after `docker`) into a container. */
function containerFromRun(args: string[], source: string, files: Map<string, FileView>): ContainerView | undefined {
  const run = args.indexOf('run');
  if (run < 0) return undefined;
  let name = '';
  const ports: string[] = [];
  const volumes: string[] = [];
  const options: string[] = [];
  const environment: Record<string, string> = {};
  let i = run + 1;
  const withValue = new Set(['--name', '--env-file', '--publish', '-p', '--volume', '-v', '--env', '-e']);
  for (; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('-')) break;
    let flag = a;
    let value: string | undefined;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) { flag = a.slice(0, eq); value = a.slice(eq + 1); }
    if (withValue.has(flag) && value === undefined) value = args[++i];
    switch (flag) {
      case '--name': name = value ?? ''; break;
      case '--publish': case '-p': ports.push(value ?? ''); break;
      case '--volume': case '-v': volumes.push(value ?? ''); break;
      case '--env': case '-e': {
        const v = value ?? '';
        const k = v.indexOf('=');
        environment[k < 0 ? v : v.slice(0, k)] = k < 0 ? '' : v.slice(k + 1);
        break;
      }
      case '--env-file': {
        if ((value ?? '').startsWith(`${SECRETS_DIR}/`)) break; // fetched at start: see secrets
        const f = files.get(value ?? '');
        if (f?.text !== undefined) Object.assign(environment, parseEnvFile(f.text));
        else options.push(`--env-file ${value} (not in the payload)`);
        break;
      }
      case '--rm': break;
      default: options.push(value === undefined ? a : `${flag}=${value}`);
    }
  }
  const image = args[i] ?? '';
  const command = args.slice(i + 1);
  const sorted: Record<string, string> = {};
  for (const k of Object.keys(environment).sort()) sorted[k] = environment[k];
  return { name, image, ports, environment: sorted, volumes, command, secrets: [], options, source };
}

/** The secrets of the fetcher's command line (`fetcher OUT [ENV SOURCE ID KEY REGION]...`) in `text`. */
function secretsIn(text: string, systemd: boolean): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (!line.includes(SECRET_FETCHER)) continue;
    const body = systemd ? line.replace(/^ExecStartPre=[-@:+!]*/, '') : line.replace(/\s*\|\|\s*exit 1\s*$/, '');
    const argv = systemd ? splitSystemd(body) : splitSh(body.trim());
    if (argv[0] !== SECRET_FETCHER) continue;
    for (let i = 2; i + 5 <= argv.length; i += 5) {
      const [env, source, id, key, region] = argv.slice(i, i + 5);
      out.push(`${env} ← ${source} ${id}${key && key !== '-' ? ` (JSON key ${key.replace(/^=/, '')})` : ''}${region && region !== '-' ? ` in ${region}` : ''}`);
    }
  }
  return out;
}

/** The `docker run` line of a container unit or OpenRC init script. */
function runArgsOf(text: string, systemd: boolean): string[] | undefined {
  if (systemd) {
    const m = /^ExecStart=(.*)$/m.exec(text);
    if (!m) return undefined;
    const args = splitSystemd(m[1].replace(/^[-@:+!]+/, ''));
    return args.length > 1 && /docker$/.test(args[0]) ? args.slice(1) : undefined;
  }
  // the wrapper's `exec /usr/bin/docker run …` (or, in older output, command_args=…)
  const exec = /^\s*exec\s+(\S*docker)\s+(run\s.*)$/m.exec(text);
  if (exec) return splitSh(exec[2]);
  const ca = /^command_args=(.*)$/m.exec(text);
  if (ca) {
    const outer = splitSh(ca[1]);
    return outer.length === 1 ? splitSh(outer[0]) : outer;
  }
  return undefined;
}

function sysctlsOf(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of text.split('\n')) {
    const m = /^\s*([^#;=\s][^=]*?)\s*=\s*(.*?)\s*$/.exec(l);
    if (m) out[m[1]] = m[2];
  }
  return out;
}

function policyFromFiles(files: Map<string, FileView>, units: UnitView[]): PolicyView | undefined {
  const zincati = [...files.values()].filter((f) => f.path.startsWith(ZINCATI_DIR));
  const lines: string[] = [];
  let agent: string | undefined;
  if (zincati.length) {
    agent = 'Zincati (Fedora CoreOS)';
    for (const f of zincati) lines.push(`# ${f.path}`, ...textLines(f));
  }
  const conf = files.get(FLATCAR_UPDATE_CONF);
  if (conf) {
    agent = 'update_engine + locksmithd (Flatcar)';
    lines.push(`# ${conf.path}`, ...textLines(conf));
  }
  for (const u of units.filter((x) => UPDATE_AGENT_UNITS.includes(x.name))) {
    lines.push(`# unit ${u.name}${u.mask ? ' (masked)' : ''}${u.enabled === false ? ' (disabled)' : ''}`);
    if (u.contents) lines.push(...u.contents.replace(/\n$/, '').split('\n'));
    for (const d of u.dropIns) lines.push(`# drop-in ${u.name}.d/${d.name}`, ...d.contents.replace(/\n$/, '').split('\n'));
  }
  return agent === undefined && lines.length === 0 ? undefined : { agent: agent ?? 'units', lines };
}

function textLines(f: FileView): string[] {
  return f.text === undefined ? [`(binary, ${f.size} bytes, sha256 ${f.sha256})`] : f.text.replace(/\n$/, '').split('\n');
}

function dataVolumeFrom(files: Map<string, FileView>, units: UnitView[], extra: string[]): DataVolumeView | undefined {
  const lines: string[] = [...extra];
  const script = files.get(DATA_VOLUME_SCRIPT);
  if (script?.text) {
    const vars = ['LABEL', 'DEVICE', 'MODEL', 'FS', 'FSTYPE', 'FILESYSTEM'];
    for (const v of vars) {
      const m = new RegExp(`^${v}=(.*)$`, 'm').exec(script.text);
      const value = m ? splitSh(m[1])[0] ?? '' : '';
      if (value && !value.startsWith('$')) lines.push(`${v.toLowerCase()}: ${value}`);
    }
    lines.push(`prepared by ${script.path} (${script.size} bytes, sha256 ${script.sha256.slice(0, 16)})`);
  }
  for (const u of units.filter((x) => DATA_VOLUME_UNITS.includes(x.name))) {
    const what = /^What=(.*)$/m.exec(u.contents ?? '');
    const where = /^Where=(.*)$/m.exec(u.contents ?? '');
    const type = /^Type=(.*)$/m.exec(u.contents ?? '');
    if (what && where) lines.push(`mount: ${what[1]} on ${where[1]}${type ? ` (${type[1]})` : ''}`);
    else lines.push(`unit ${u.name} (sha256 ${sha256(Buffer.from(u.contents ?? '')).slice(0, 16)})`);
  }
  return lines.length ? { lines } : undefined;
}

// ----- Ignition ---------------------------------------------------------------------------

interface IgnFile { path: string; mode?: number; contents?: { source?: string; compression?: string }; user?: { name?: string; id?: number }; group?: { name?: string; id?: number } }
interface IgnUnit { name: string; enabled?: boolean; mask?: boolean; contents?: string; dropins?: { name: string; contents?: string }[] }

function fromIgnition(text: string, where: string, osHint?: string): HostView {
  const cfg = JSON.parse(text) as {
    passwd?: { users?: { name: string; sshAuthorizedKeys?: string[] }[] };
    storage?: { files?: IgnFile[]; directories?: { path: string; mode?: number }[]; links?: { path: string; target: string }[]; filesystems?: { device: string; format?: string; label?: string; path?: string; wipeFilesystem?: boolean }[] };
    systemd?: { units?: IgnUnit[] };
    ignition?: { config?: { replace?: { source?: string } } };
  };
  const replace = cfg.ignition?.config?.replace?.source;
  if (replace !== undefined) throw new CliError(`${where}: an Ignition pointer to ${replace} whose config is not in this stack`);
  const raw: RawFile[] = (cfg.storage?.files ?? []).map((f) => {
    const what = `${where}: file ${f.path}`;
    let bytes = f.contents?.source ? decodeDataUrl(f.contents.source, what) : Buffer.alloc(0);
    if (f.contents?.compression === 'gzip') bytes = gunzip(bytes, what);
    else if (f.contents?.compression) throw new CliError(`${what}: unknown compression ${f.contents.compression}`);
    const owner = f.user || f.group ? `${f.user?.name ?? f.user?.id ?? 'root'}:${f.group?.name ?? f.group?.id ?? 'root'}` : undefined;
    return { path: f.path, mode: f.mode ?? 0o644, owner, bytes };
  });
  const files = new Map(raw.map((f) => [f.path, fileView(f)] as const));
  const units: UnitView[] = (cfg.systemd?.units ?? []).map((u) => ({
    name: u.name, enabled: u.enabled, mask: u.mask, contents: u.contents,
    dropIns: (u.dropins ?? []).map((d) => ({ name: d.name, contents: d.contents ?? '' })),
  }));
  const links = (cfg.storage?.links ?? []).map((l) => ({ path: l.path, target: l.target }));
  const lt = links.find((l) => l.path === LOCALTIME_LINK);
  const timeZone = lt ? lt.target.replace(/^.*zoneinfo\//, '') : undefined;
  const fsLines = (cfg.storage?.filesystems ?? []).map((fs) => `file system: ${fs.format ?? '?'} label ${fs.label ?? '-'} on ${fs.device}${fs.wipeFilesystem === false ? ' (never wiped)' : ''}`);
  const group = /^GROUP=(\S+)$/m.exec(files.get(FLATCAR_UPDATE_CONF)?.text ?? '')?.[1];
  const os = osHint ?? (group ? `Flatcar Container Linux (${group})` : files.has(FLATCAR_UPDATE_CONF) ? 'Flatcar Container Linux' : [...files.keys()].some((p) => p.startsWith(ZINCATI_DIR)) ? 'Fedora CoreOS' : 'an Ignition OS');
  return assemble({
    os, format: 'ignition', files, units, links: links.filter((l) => l.path !== LOCALTIME_LINK), timeZone,
    directories: (cfg.storage?.directories ?? []).map((d) => ({ path: d.path, mode: `0${((d.mode ?? 0o755) & 0o7777).toString(8)}` })),
    users: (cfg.passwd?.users ?? []).map((u) => ({ name: u.name, keys: (u.sshAuthorizedKeys ?? []).map(keyInfo) })),
    dataVolumeExtra: fsLines, packages: [], commands: [], settings: [], systemd: true,
  });
}

interface Parts {
  os: string;
  format: PayloadFormat;
  files: Map<string, FileView>;
  units: UnitView[];
  links: { path: string; target: string }[];
  directories: { path: string; mode: string }[];
  users: { name: string; keys: KeyInfo[] }[];
  timeZone?: string;
  dataVolumeExtra: string[];
  packages: string[];
  commands: string[];
  settings: string[];
  systemd: boolean;
  policy?: PolicyView;
  containers?: ContainerView[];
  sysctls?: Record<string, string>;
}

/** Moves the files and units the library generates into their sections. */
function assemble(p: Parts): HostView {
  const taken = new Set<string>();
  const takenUnits = new Set<string>();
  const containers: ContainerView[] = [...(p.containers ?? [])];
  for (const u of p.units) {
    const m = CONTAINER_UNIT.exec(u.name);
    const args = m && u.contents ? runArgsOf(u.contents, true) : undefined;
    const c = args ? containerFromRun(args, `unit ${u.name}`, p.files) : undefined;
    if (c) {
      containers.push({ ...c, secrets: secretsIn(u.contents ?? '', true) });
      takenUnits.add(u.name);
      if (c.name) taken.add(containerEnvFile(c.name));
    }
  }
  for (const f of p.files.values()) {
    const m = CONTAINER_INIT_SCRIPT.exec(f.path);
    const args = m && f.text ? runArgsOf(f.text, false) : undefined;
    const c = args ? containerFromRun(args, `OpenRC service ${f.path}`, p.files) : undefined;
    if (c) {
      containers.push({ ...c, secrets: secretsIn(f.text ?? '', false) });
      taken.add(f.path);
      if (c.name) taken.add(containerEnvFile(c.name));
    }
  }
  const policy = p.policy ?? policyFromFiles(p.files, p.units);
  for (const path of p.files.keys()) if (path.startsWith(ZINCATI_DIR) || path === FLATCAR_UPDATE_CONF) taken.add(path);
  if (!p.policy) UPDATE_AGENT_UNITS.forEach((u) => takenUnits.add(u));
  const dataVolume = dataVolumeFrom(p.files, p.units, p.dataVolumeExtra);
  taken.add(DATA_VOLUME_SCRIPT);
  DATA_VOLUME_UNITS.forEach((u) => takenUnits.add(u));
  const sysctlFile = p.files.get(SYSCTL_FILE);
  const sysctls = p.sysctls ?? (sysctlFile?.text ? sysctlsOf(sysctlFile.text) : {});
  if (sysctlFile?.text) taken.add(SYSCTL_FILE);
  const hostFile = p.files.get(HOSTNAME_FILE);
  const hostname = hostFile?.text?.trim();
  if (hostFile?.text) taken.add(HOSTNAME_FILE);
  containers.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const byPath = <T extends { path: string }>(xs: T[]) => xs.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    os: p.os,
    format: p.format,
    hostname,
    updatePolicy: policy,
    users: p.users,
    files: byPath([...p.files.values()].filter((f) => !taken.has(f.path))),
    directories: byPath(p.directories),
    links: byPath(p.links),
    units: p.units.filter((u) => !takenUnits.has(u.name)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    containers,
    dataVolume,
    sysctls,
    timeZone: p.timeZone,
    packages: p.packages,
    commands: p.commands,
    settings: p.settings,
  };
}

// ----- cloud-config (Alpine) ----------------------------------------------------------------

function fromCloudConfig(text: string, format: PayloadFormat, where: string, osHint?: string): HostView {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parse } = require('yaml') as typeof import('yaml');
  let doc: Record<string, unknown>;
  try {
    doc = (parse(text.replace(/^#[a-z-]+\n/, '')) ?? {}) as Record<string, unknown>;
  } catch (e) {
    throw new CliError(`${where}: the ${format} YAML cannot be parsed (${(e as Error).message.split('\n')[0]})`);
  }
  const list = (k: string): unknown[] => (Array.isArray(doc[k]) ? (doc[k] as unknown[]) : []);
  const raw: RawFile[] = list('write_files').map((x) => {
    const f = x as { path: string; content?: string; encoding?: string; permissions?: string; owner?: string };
    const what = `${where}: file ${f.path}`;
    let bytes: Buffer;
    const enc = (f.encoding ?? '').toLowerCase();
    if (['gz+b64', 'gzip+base64', 'gz+base64', 'gzip+b64', 'b64', 'base64'].includes(enc)) {
      const b = fromBase64(f.content ?? '');
      if (b === undefined) throw new CliError(`${what}: ${enc} content is not valid base64`);
      bytes = enc.startsWith('gz') ? gunzip(b, what) : b;
    } else if (enc === 'gz' || enc === 'gzip') {
      bytes = gunzip(Buffer.from(f.content ?? '', 'binary'), what);
    } else bytes = Buffer.from(f.content ?? '', 'utf8');
    return { path: f.path, mode: parseInt(f.permissions ?? '0644', 8), owner: f.owner, bytes };
  });
  const files = new Map(raw.map((f) => [f.path, fileView(f)] as const));
  const commands = [...list('bootcmd').map((c) => `bootcmd: ${cmd(c)}`), ...list('runcmd').map((c) => `runcmd: ${cmd(c)}`)];
  const keys = list('ssh_authorized_keys').map((k) => keyInfo(String(k)));
  const tz = commands.map((c) => /ln -sf '?\/usr\/share\/zoneinfo\/([^' ]+)'? \/etc\/localtime/.exec(c)).find((m) => m);
  const repo = files.get(APK_REPOSITORIES)?.text;
  const release = repo ? /alpine\/v(\d+\.\d+)\//.exec(repo)?.[1] : undefined;
  const os = osHint ?? (release ? `Alpine Linux (${release})` : 'a cloud-init OS');
  // the apk upgrade job: a cron line added by runcmd, and its script
  const cron = commands.map((c) => /echo '([^']*apk-upgrade[^']*)' >> \/etc\/crontabs\/root/.exec(c)).find((m) => m);
  const script = files.get(ALPINE_UPGRADE_SCRIPT);
  let policy: PolicyView | undefined;
  if (cron || script) {
    const lines: string[] = [];
    if (cron) {
      const f = cron[1].split(/\s+/);
      lines.push(`crond (root crontab): ${cron[1]}`, `schedule: minute ${f[0]}, hour ${f[1]}, day-of-month ${f[2]}, month ${f[3]}, weekday ${f[4]}`);
    } else lines.push('no cron line: the upgrade script is not scheduled');
    if (script) lines.push(`# ${script.path}`, ...textLines(script));
    policy = { agent: 'apk upgrade job (crond)', lines };
  } else policy = { agent: 'none', lines: ['no apk upgrade job: the hosts take no updates'] };
  const dvExtra = commands.map((c) => /echo '(LABEL=\S+ \S+ \S+ [^']*)' >> \/etc\/fstab/.exec(c)).filter((m) => m).map((m) => `fstab: ${m![1]}`);
  const view = assemble({
    os, format, files, units: [], links: [], directories: [], timeZone: tz?.[1],
    users: keys.length ? [{ name: '(default user)', keys }] : [],
    dataVolumeExtra: dvExtra, packages: list('packages').map(String).sort(), commands, settings: [], systemd: false, policy,
  });
  const takenFiles = new Set(script ? [ALPINE_UPGRADE_SCRIPT] : []);
  return { ...view, files: view.files.filter((f) => !takenFiles.has(f.path)) };
}

function cmd(c: unknown): string {
  return Array.isArray(c) ? c.map(String).join(' ') : String(c);
}

// ----- Bottlerocket -------------------------------------------------------------------------

function fromBottlerocket(text: string, where: string, osHint?: string): HostView {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parse } = require('smol-toml') as typeof import('smol-toml');
  let doc: Record<string, unknown>;
  try {
    doc = parse(text) as Record<string, unknown>;
  } catch (e) {
    throw new CliError(`${where}: the Bottlerocket TOML cannot be parsed (${(e as Error).message.split('\n')[0]})`);
  }
  const settings = (doc.settings ?? {}) as Record<string, unknown>;
  const rest: Record<string, unknown> = { ...settings };
  const users: { name: string; keys: KeyInfo[] }[] = [];
  const containers: ContainerView[] = [];
  const hc = (settings['host-containers'] ?? {}) as Record<string, Record<string, unknown>>;
  delete rest['host-containers'];
  const hcLines: string[] = [];
  for (const name of Object.keys(hc).sort()) {
    const c = hc[name];
    if (name === 'admin' || name === 'control') {
      const ud = typeof c['user-data'] === 'string' ? fromBase64(c['user-data']) : undefined;
      let keys: string[] = [];
      if (ud) {
        try {
          const j = JSON.parse(ud.toString('utf8')) as { ssh?: { 'authorized-keys'?: string[] } };
          keys = j.ssh?.['authorized-keys'] ?? [];
        } catch {
          throw new CliError(`${where}: settings.host-containers.${name}.user-data is not base64 JSON`);
        }
      }
      if (keys.length) users.push({ name: `${name} host container (ec2-user)`, keys: keys.map(keyInfo) });
      hcLines.push(`host-containers.${name}.enabled = ${String(c.enabled ?? '(image default)')}`);
      continue;
    }
    containers.push({
      name, image: String(c.source ?? ''), ports: [], environment: {}, volumes: [], command: [], secrets: [],
      options: [c.superpowered === true ? 'superpowered' : '', c.enabled === false ? 'disabled' : ''].filter(Boolean),
      source: `settings.host-containers.${name}`,
    });
  }
  const kernel = (settings.kernel ?? {}) as Record<string, unknown>;
  const sysctls: Record<string, string> = {};
  for (const [k, v] of Object.entries((kernel.sysctl ?? {}) as Record<string, unknown>).sort()) sysctls[k] = String(v);
  if (kernel.sysctl !== undefined) {
    const k2 = { ...kernel };
    delete k2.sysctl;
    if (Object.keys(k2).length) rest.kernel = k2; else delete rest.kernel;
  }
  const updates = settings.updates as Record<string, unknown> | undefined;
  delete rest.updates;
  const timeZone = typeof settings.timezone === 'string' ? settings.timezone : undefined;
  delete rest.timezone;
  const policy: PolicyView = updates
    ? { agent: 'Bottlerocket settings.updates (applied by an updater: the ECS updater or apiclient)', lines: flatten(updates, 'updates') }
    : { agent: 'Bottlerocket settings.updates', lines: ['(not set: the image defaults)'] };
  const other = { ...doc };
  delete other.settings;
  return {
    os: osHint ?? 'Bottlerocket', format: 'bottlerocket-toml', updatePolicy: policy, users, files: [], directories: [], links: [], units: [],
    containers, sysctls, timeZone, packages: [], commands: [],
    settings: [...hcLines, ...flatten(rest, ''), ...flatten(other, '(top level)')],
  };
}

function flatten(v: unknown, prefix: string): string[] {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    return Object.keys(v as object).sort().flatMap((k) => flatten((v as Record<string, unknown>)[k], prefix ? `${prefix}.${k}` : k));
  }
  return [`${prefix} = ${JSON.stringify(v)}`];
}

/** Decodes user data bytes: gzip when gzip, then text. */
export function userDataText(bytes: Buffer, where: string): { text: string; gzip: boolean } {
  const gz = isGzip(bytes);
  const b = gz ? gunzip(bytes, where) : bytes;
  if (!isText(b)) throw new CliError(`${where}: the user data is neither text nor gzip-compressed text`);
  return { text: b.toString('utf8'), gzip: gz };
}
