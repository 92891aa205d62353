/**
 * The parts of a first-boot payload the CLI's readers do not model (readers/), shown raw so that
 * `explain` prints them and `diff` compares them: a payload is never called "the same" while a
 * part of it changed. Which parts each reader models is data here (path patterns over the parsed
 * document); everything else in the document is a raw part.
 *
 * Patterns: dotted segments; `[]` is any element of a list, `*` any key. The first pattern that
 * matches a path (or a prefix of it) decides: `!` marks it raw, otherwise it is modelled. A path
 * no pattern matches is raw.
 */
import { fromBase64 } from './util';
import { PayloadFormat } from './readers/view';

const IGNITION_MODELLED: readonly string[] = [
  // ignition.config.replace is followed to the S3 object (fleets.ts); merge, timeouts, security, proxy are not
  'ignition.version', 'ignition.config.replace.source',
  'passwd.users.[].name', 'passwd.users.[].sshAuthorizedKeys',
  'storage.files.[].path', 'storage.files.[].mode', 'storage.files.[].contents.source', 'storage.files.[].contents.compression',
  'storage.files.[].user', 'storage.files.[].group',
  'storage.directories.[].path', 'storage.directories.[].mode',
  'storage.links.[].path', 'storage.links.[].target',
  'storage.filesystems.[].device', 'storage.filesystems.[].format', 'storage.filesystems.[].label',
  'storage.filesystems.[].wipeFilesystem',
  'systemd.units.[].name', 'systemd.units.[].enabled', 'systemd.units.[].mask', 'systemd.units.[].contents',
  'systemd.units.[].dropins.[].name', 'systemd.units.[].dropins.[].contents',
];

const CLOUD_CONFIG_MODELLED: readonly string[] = [
  'write_files.[].path', 'write_files.[].content', 'write_files.[].encoding', 'write_files.[].permissions', 'write_files.[].owner',
  'bootcmd', 'runcmd', 'ssh_authorized_keys', 'packages',
];

/** settings outside host-containers are all shown (as `settings` lines); of host containers only these. */
const BOTTLEROCKET_MODELLED: readonly string[] = [
  'settings.host-containers.admin.user-data.ssh.authorized-keys', 'settings.host-containers.control.user-data.ssh.authorized-keys',
  '!settings.host-containers.*.user-data',
  'settings.host-containers.admin.enabled', 'settings.host-containers.control.enabled',
  '!settings.host-containers.admin', '!settings.host-containers.control',
  'settings.host-containers.*.source', 'settings.host-containers.*.superpowered', 'settings.host-containers.*.enabled',
  '!settings.host-containers',
  '*',
];

/** The readers' models, per payload format. */
export const MODELLED_PARTS: Readonly<Record<PayloadFormat, readonly string[]>> = {
  'ignition': IGNITION_MODELLED,
  'cloud-config': CLOUD_CONFIG_MODELLED,
  'alpine-config': CLOUD_CONFIG_MODELLED,
  'bottlerocket-toml': BOTTLEROCKET_MODELLED,
};

/**
 * Values the library writes on every file, directory and link (lib/bootconfig/ignition.ts): not
 * shown while they have this value, shown raw when they differ.
 */
const LIBRARY_DEFAULTS: Readonly<Record<string, unknown>> = {
  'storage.files.[].overwrite': true,
  'storage.directories.[].overwrite': true,
  'storage.links.[].overwrite': true,
  'storage.links.[].hard': false,
};

interface Leaf { readonly shown: string; readonly pattern: string[]; readonly value: unknown }

/** Leaves of a parsed document: lists of plain values stay whole; list elements are named by name/path/device. */
function leaves(v: unknown, shown: string, pattern: string[], out: Leaf[]): Leaf[] {
  const join = (a: string, b: string) => (a ? `${a}.${b}` : b);
  if (Array.isArray(v) && v.some((x) => x !== null && typeof x === 'object')) {
    v.forEach((x, i) => {
      const o = (x ?? {}) as Record<string, unknown>;
      const id = ['name', 'path', 'device'].map((k) => o[k]).find((n) => typeof n === 'string') as string | undefined;
      leaves(x, `${shown}[${id ?? i}]`, [...pattern, '[]'], out);
    });
  } else if (v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)) {
    const keys = Object.keys(v as object).sort();
    if (!keys.length) out.push({ shown, pattern, value: {} });
    for (const k of keys) leaves((v as Record<string, unknown>)[k], join(shown, k), [...pattern, k], out);
  } else out.push({ shown, pattern, value: v });
  return out;
}

function matches(rule: string, path: string[]): boolean {
  const r = rule.replace(/^!/, '').split('.');
  return r.length <= path.length && r.every((s, i) => s === '*' || s === path[i]);
}

/** True when the readers show the part at `path` (segments; `[]` for list elements). */
export function isModelled(format: PayloadFormat, path: string[]): boolean {
  const rule = MODELLED_PARTS[format].find((p) => matches(p, path));
  return rule !== undefined && !rule.startsWith('!');
}

/** A Bottlerocket host container's base64 user data, decoded when it is JSON (what the container reads). */
function decodedUserData(doc: Record<string, unknown>): Record<string, unknown> {
  const hc = (doc.settings as Record<string, unknown> | undefined)?.['host-containers'] as Record<string, Record<string, unknown>> | undefined;
  if (!hc) return doc;
  const copy = JSON.parse(JSON.stringify(doc)) as Record<string, any>;
  for (const [name, c] of Object.entries(hc)) {
    const b = typeof c['user-data'] === 'string' ? fromBase64(c['user-data']) : undefined;
    if (!b) continue;
    try {
      copy.settings['host-containers'][name]['user-data'] = JSON.parse(b.toString('utf8'));
    } catch {
      // not JSON: shown as the base64 it is
    }
  }
  return copy;
}

/** The parsed document of a payload, or undefined when it does not parse (the readers say why). */
export function parsedPayload(text: string, format: PayloadFormat): Record<string, unknown> | undefined {
  try {
    if (format === 'ignition') return JSON.parse(text) as Record<string, unknown>;
    if (format === 'bottlerocket-toml') {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { parse } = require('smol-toml') as typeof import('smol-toml');
      return decodedUserData(JSON.parse(JSON.stringify(parse(text))) as Record<string, unknown>);
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { parse } = require('yaml') as typeof import('yaml');
    return (parse(text.replace(/^#[a-z-]+\n/, '')) ?? {}) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** The payload's parts no reader models, as `path = JSON` lines (empty: the readers show all of it). */
export function rawPayloadParts(text: string, format: PayloadFormat): string[] {
  const doc = parsedPayload(text, format);
  if (doc === undefined) return [];
  return leaves(doc, '', [], [])
    .filter((l) => !isModelled(format, l.pattern))
    .filter((l) => !(l.pattern.join('.') in LIBRARY_DEFAULTS && LIBRARY_DEFAULTS[l.pattern.join('.')] === l.value))
    .map((l) => `${l.shown} = ${JSON.stringify(l.value)}`);
}

/**
 * What `diff` says when two payloads' bytes differ and every part it reads, raw parts included,
 * is equal: whether the parsed documents are equal (a different encoding of one configuration),
 * or else a line diff of the payload text.
 */
export function payloadTextChange(a: string, b: string, format: PayloadFormat, diff: (x: string[], y: string[]) => string[]): string[] {
  const x = parsedPayload(a, format);
  const y = parsedPayload(b, format);
  if (x !== undefined && y !== undefined && JSON.stringify(sorted(x)) === JSON.stringify(sorted(y))) {
    return ['~ payload bytes changed: the same document in another encoding (key order, quoting or whitespace)'];
  }
  return ['~ payload text (raw; a change the CLI does not read part by part)', ...diff(a.split('\n'), b.split('\n')).map((l) => `    ${l}`)];
}

function sorted(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sorted);
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, sorted((v as Record<string, unknown>)[k])]));
  }
  return v;
}
