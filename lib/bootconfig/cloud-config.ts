import { gzipSync } from 'zlib';
import { sortKeys } from '../core/fingerprint';
import { LONE_SURROGATE } from '../core/validation';
import { mergeFragment } from './fragment';

/**
 * The cloud-config keys this library emits. Every one is implemented by both cloud-init and
 * tiny-cloud's `#alpine-config` handler, so one document serves both: tiny-cloud
 * lib/tiny-cloud/user-data/alpine-config at tags 3.0.0 (bootcmd, write_files, package_update,
 * package_upgrade, packages, runcmd) and 3.0.7 (ssh_authorized_keys); Alpine 3.22-3.24 ship
 * tiny-cloud 3.2.x (aports main/tiny-cloud APKBUILD), so every supported branch has them all.
 *
 * Decided: the tiny images get `#alpine-config`, not `#cloud-config`:
 * tiny-cloud's `#cloud-config` handler was a stub (`# TODO`) through 3.0.7 and on main in
 * 2024-06; the current docs (docs/cloud-config.5.scd, shipped from 3.3.0) describe a real one, but
 * its first release is not established for the 3.2.x the supported branches ship, while
 * `#alpine-config` has carried every key above since 3.0.7.
 */
export const CLOUD_CONFIG_KEYS = [
  'ssh_authorized_keys', 'write_files', 'package_update', 'package_upgrade', 'packages', 'bootcmd', 'runcmd',
] as const;

export interface CloudConfigFile {
  readonly path: string;
  readonly contents: Buffer;
  /** octal string, e.g. '0644' */
  readonly permissions: string;
}

export interface CloudConfigDocument {
  readonly sshAuthorizedKeys: readonly string[];
  readonly files: readonly CloudConfigFile[];
  readonly packageUpdate: boolean;
  /** upgrade the image's packages at first boot, before anything runs */
  readonly packageUpgrade?: boolean;
  readonly packages: readonly string[];
  readonly bootcmd: readonly string[];
  readonly runcmd: readonly string[];
}

/** The first line that picks the user-data handler: cloud-init vs tiny-cloud's own format. */
export enum CloudConfigHeader {
  CLOUD_CONFIG = '#cloud-config',
  ALPINE_CONFIG = '#alpine-config',
}

function writeFile(f: CloudConfigFile) {
  // Text that is valid UTF-8 and has no control characters other than \n and \t is written
  // as is; anything else, or anything that compresses well, as gzip+base64 (both cloud-init
  // and tiny-cloud accept the `gz+b64` encoding).
  const text = f.contents.toString('utf8');
  // eslint-disable-next-line no-control-regex
  const plainOk = Buffer.from(text, 'utf8').equals(f.contents) && !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(text);
  const gz = gzipSync(f.contents, { level: 9 }).toString('base64');
  const usePlain = plainOk && (f.contents.length < 256 || text.length <= gz.length);
  return usePlain
    ? { path: f.path, permissions: f.permissions, content: text }
    : { path: f.path, permissions: f.permissions, encoding: 'gz+b64', content: gz };
}

/**
 * Renders a cloud-config document (YAML) after its header line. Same input, same bytes. Raw
 * fragments (FirstBootFragment.cloudConfig) are merged over it in order, as the last child layers.
 */
export function renderCloudConfig(doc: CloudConfigDocument, header: CloudConfigHeader,
  fragments: readonly Record<string, unknown>[] = []): string {
  const files = [...doc.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const body: Record<string, unknown> = {
    ssh_authorized_keys: doc.sshAuthorizedKeys.length ? [...doc.sshAuthorizedKeys] : undefined,
    write_files: files.length ? files.map(writeFile) : undefined,
    package_update: doc.packageUpdate || undefined,
    package_upgrade: doc.packageUpgrade || undefined,
    packages: doc.packages.length ? [...new Set(doc.packages)].sort() : undefined,
    bootcmd: doc.bootcmd.length ? [...doc.bootcmd] : undefined,
    runcmd: doc.runcmd.length ? [...doc.runcmd] : undefined,
  };
  let data = sortKeys(body) as Record<string, unknown>;
  for (const f of fragments) data = sortKeys(mergeFragment(data, f)) as Record<string, unknown>;
  return `${header}\n${emitYaml(data)}`;
}

/**
 * Characters written as escapes in a double-quoted scalar: everything outside the printable set
 * that YAML 1.1 and 1.2 share (C0 and C1 controls, DEL, U+FFFE/FFFF, lone surrogates) plus the
 * characters that YAML 1.1 alone reads as line breaks (U+0085, U+2028, U+2029), tabs, and the
 * BOM. What is left is printable in both, so libyaml accepts it and both read the same text.
 */
// eslint-disable-next-line no-control-regex
const ESCAPE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;

/** A string as a double-quoted scalar that YAML 1.1 (PyYAML, libyaml) and YAML 1.2 read alike. */
export function quoteYaml(s: string): string {
  // A lone surrogate has no escape libyaml accepts; validation refuses them in user input.
  if (LONE_SURROGATE.test(s)) throw new Error(`a lone UTF-16 surrogate cannot be written as YAML: ${JSON.stringify(s)}`);
  // JSON's escapes (\" \\ \n \t \uXXXX ...) are all YAML double-quoted escapes; JSON never writes `\/`.
  return JSON.stringify(s).replace(ESCAPE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function scalar(v: unknown): string {
  if (typeof v === 'string') return quoteYaml(v);
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return '.nan';
    if (!Number.isFinite(v)) return v > 0 ? '.inf' : '-.inf';
    if (Number.isSafeInteger(v)) return String(v);
    // YAML 1.1 floats need a '.' and a signed exponent: 1.0e+21, 2.5e-7.
    const [m, e] = v.toExponential().split('e');
    return `${m.includes('.') ? m : `${m}.0`}e${e}`;
  }
  if (typeof v === 'bigint') return String(v);
  throw new Error(`cannot write ${typeof v} as YAML`);
}

/**
 * Writes JSON-shaped data as block YAML with every string double-quoted and escaped (keys too),
 * so that YAML 1.1 parsers (cloud-init's PyYAML, tiny-cloud's libyaml `yx`) and YAML 1.2 parsers
 * read the same data: no `off`/`yes`/`1:20`/`=`/`<<` becomes a boolean, number or merge key, and no
 * U+2028 in a value becomes a line break that starts a new key.
 */
export function emitYaml(data: unknown): string {
  const lines: string[] = [];
  const walk = (v: unknown, indent: string, lead: string): void => {
    if (Array.isArray(v)) {
      if (!v.length) return void lines.push(`${lead}[]`);
      if (lead.trim()) lines.push(lead.trimEnd());
      for (const item of v) walk(item, `${indent}  `, `${indent}- `);
      return;
    }
    if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v)) {
      const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
      if (!entries.length) return void lines.push(`${lead}{}`);
      if (lead.trim()) lines.push(lead.trimEnd());
      for (const [k, x] of entries) walk(x, `${indent}  `, `${indent}${quoteYaml(k)}: `);
      return;
    }
    lines.push(`${lead}${scalar(v)}`);
  };
  walk(data, '', '');
  return `${lines.join('\n')}\n`;
}
