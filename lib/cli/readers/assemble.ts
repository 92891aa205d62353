/**
 * What every payload reader shares: files and units as the CLI shows them, the `docker run` and
 * Exec= command lines the renderers write, and `assemble`, which moves the files and units the
 * library generates (for a container, the update policy, sysctls, the data volume) into their own
 * sections of the view.
 */
import {
  DATA_MOUNT_UNIT, DATA_VOLUME_SCRIPT, DATA_VOLUME_UNIT, FLATCAR_UPDATE_CONF, HOSTNAME_FILE, SECRETS_DIR, SECRET_FETCHER, SYSCTL_FILE,
  UPDATE_AGENT_UNITS, ZINCATI_DROPIN, containerEnvFile, containerUnitName, initScript, openRcServiceName,
} from '../../bootconfig/paths';
import { KeyInfo, isText, sha256 } from '../util';
import { ContainerView, DataVolumeView, FileView, HostView, PayloadFormat, PolicyView, UnitView } from './view';

/** The directory of Zincati's drop-ins (ZINCATI_DROPIN is one of them). */
export const ZINCATI_DIR = ZINCATI_DROPIN.slice(0, ZINCATI_DROPIN.lastIndexOf('/') + 1);
const DATA_VOLUME_UNITS = [DATA_MOUNT_UNIT, DATA_VOLUME_UNIT];
/** The container a unit or an init script runs, by the names the renderers give them. */
const CONTAINER_UNIT = new RegExp(`^${escapeRegExp(containerUnitName('@')).replace('@', '(.+)')}$`);
const CONTAINER_INIT_SCRIPT = new RegExp(`^${escapeRegExp(initScript(openRcServiceName('@'))).replace('@', '(.+)')}$`);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface RawFile { path: string; mode: number; owner?: string; bytes: Buffer }

export function fileView(f: RawFile): FileView {
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

export function parseEnvFile(text: string): Record<string, string> {
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
export function containerFromRun(args: string[], source: string, files: Map<string, FileView>): ContainerView | undefined {
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
export function secretsIn(text: string, systemd: boolean): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (!line.includes(SECRET_FETCHER)) continue;
    const body = systemd ? line.replace(/^ExecStartPre=[-@:+!]*/, '') : line.replace(/\s*\|\|\s*exit 1\s*$/, '');
    const argv = systemd ? splitSystemd(body) : splitSh(body.trim());
    if (argv[0] !== SECRET_FETCHER) continue;
    for (let i = 2; i + 5 <= argv.length; i += 5) {
      const [env, source, id, key, region] = argv.slice(i, i + 5);
      out.push(`${env} ← ${source} `
        + `${id}${key && key !== '-' ? ` (JSON key ${key.replace(/^=/, '')})` : ''}${region && region !== '-' ? ` in ${region}` : ''}`);
    }
  }
  return out;
}

/** The `docker run` line of a container unit or OpenRC init script. */
export function runArgsOf(text: string, systemd: boolean): string[] | undefined {
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

export function sysctlsOf(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of text.split('\n')) {
    const m = /^\s*([^#;=\s][^=]*?)\s*=\s*(.*?)\s*$/.exec(l);
    if (m) out[m[1]] = m[2];
  }
  return out;
}

export function policyFromFiles(files: Map<string, FileView>, units: UnitView[]): PolicyView | undefined {
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

export function textLines(f: FileView): string[] {
  return f.text === undefined ? [`(binary, ${f.size} bytes, sha256 ${f.sha256})`] : f.text.replace(/\n$/, '').split('\n');
}

export function dataVolumeFrom(files: Map<string, FileView>, units: UnitView[], extra: string[]): DataVolumeView | undefined {
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

export interface Parts {
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
export function assemble(p: Parts): HostView {
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
