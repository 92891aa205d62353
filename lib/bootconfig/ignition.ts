import { gzipSync } from 'zlib';
import { BootConfigErrors } from './errors';
import { stableStringify } from '../core/fingerprint';
import { mergeFragment } from './fragment';
import { DirectoryModel, FileModel, LinkModel, UnitModel } from './model';

/**
 * Ignition spec 3.3.0: accepted by current Fedora CoreOS (Ignition 2.26 takes 3.0–3.6), every
 * Flatcar channel including LTS (Ignition 2.19 takes 3.0–3.4), and Debian bookworm's
 * ignition-validate 2.14 (3.0–3.3). Source: coreos/ignition docs/specs.md at v2.14.0/v2.19.0/v2.24.0.
 */
export const IGNITION_SPEC_VERSION = '3.3.0';

export interface IgnitionUser {
  readonly name: string;
  readonly sshAuthorizedKeys: readonly string[];
  readonly groups: readonly string[];
}

export interface IgnitionFilesystem {
  readonly device: string;
  readonly format: string;
  readonly label: string;
}

/** Everything an Ignition config holds, in neutral terms. */
export interface IgnitionPlan {
  readonly users: readonly IgnitionUser[];
  readonly files: readonly FileModel[];
  readonly directories: readonly DirectoryModel[];
  readonly links: readonly LinkModel[];
  readonly units: readonly UnitModel[];
  readonly filesystems: readonly IgnitionFilesystem[];
}

// Bytes left as they are in a data URL; everything else is percent-encoded (RFC 2397 / RFC 3986
// unreserved characters plus '/').
const SAFE = /[A-Za-z0-9\-_.~/]/;

function percentEncode(bytes: Buffer): string {
  let out = '';
  for (const b of bytes) {
    const c = String.fromCharCode(b);
    out += b < 0x80 && SAFE.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * File contents as an Ignition resource: a plain `data:,` URL, or gzip + base64 when that is
 * shorter (as butane does), with `compression: gzip`. gzip output is deterministic (no mtime).
 */
export function ignitionContents(contents: Buffer): { source: string; compression?: string } {
  const plain = `data:,${percentEncode(contents)}`;
  // Up to 64 bytes stay plain: this covers every /etc/hostname (a label of at most 63 characters
  // and a newline), so a libvirt fleet can derive each host's payload from one render.
  if (contents.length <= 64) return { source: plain };
  const gz = gzipSync(contents, { level: 9 });
  const packed = `data:;base64,${gz.toString('base64')}`;
  return packed.length < plain.length ? { source: packed, compression: 'gzip' } : { source: plain };
}

function owner(user?: string, group?: string) {
  return {
    user: user ? { name: user } : undefined,
    group: group ? { name: group } : undefined,
  };
}

/**
 * Renders an Ignition 3.3.0 config as JSON with sorted keys and sorted entries: byte-stable.
 * Raw fragments (FirstBootFragment.ignition) are merged over it in order, as the last child layers.
 */
export function renderIgnition(plan: IgnitionPlan, fragments: readonly Record<string, unknown>[] = []): string {
  const byPath = <T extends { path: string }>(xs: readonly T[]) => [...xs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const byName = <T extends { name: string }>(xs: readonly T[]) => [...xs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const users = plan.users.map((u) => ({
    name: u.name,
    sshAuthorizedKeys: u.sshAuthorizedKeys.length ? [...u.sshAuthorizedKeys] : undefined,
    groups: u.groups.length ? [...u.groups] : undefined,
  }));
  const config = {
    ignition: { version: IGNITION_SPEC_VERSION },
    passwd: users.length ? { users } : undefined,
    storage: {
      directories: plan.directories.length
        ? byPath(plan.directories).map((d) => ({ path: d.path, mode: d.mode, overwrite: true })) : undefined,
      files: plan.files.length ? byPath(plan.files).map((f) => ({
        path: f.path,
        mode: f.mode,
        overwrite: true,
        contents: ignitionContents(f.contents),
        ...owner(f.user, f.group),
      })) : undefined,
      links: plan.links.length
        ? byPath(plan.links).map((l) => ({ path: l.path, target: l.target, hard: false, overwrite: true })) : undefined,
      filesystems: plan.filesystems.length ? [...plan.filesystems].sort((a, b) => a.device.localeCompare(b.device)).map((fs) => ({
        device: fs.device,
        format: fs.format,
        label: fs.label,
        // Never wipe: an existing file system with this label and format is reused, so the
        // Docker data survives re-provisioning (Ignition configuration-v3_3 `wipeFilesystem`).
        wipeFilesystem: false,
      })) : undefined,
    },
    systemd: plan.units.length ? {
      units: byName(plan.units).map((u) => ({
        name: u.name,
        contents: u.contents,
        enabled: u.enabled,
        mask: u.mask ? true : undefined,
        dropins: u.dropIns.length ? byName(u.dropIns).map((d) => ({ name: d.name, contents: d.contents })) : undefined,
      })),
    } : undefined,
  };
  if (fragments.length === 0) return stableStringify(checkNoDuplicates(config));
  let merged = JSON.parse(stableStringify(config)) as Record<string, unknown>;
  for (const f of fragments) {
    const version = (f.ignition as Record<string, unknown> | undefined)?.version;
    if (version !== undefined && version !== IGNITION_SPEC_VERSION) {
      throw BootConfigErrors.badFragment('fragment', version, `an Ignition fragment of spec ${IGNITION_SPEC_VERSION}`,
        'the library renders this spec version; leave ignition.version out or set it to it');
    }
    merged = mergeFragment(merged, f);
  }
  return stableStringify(checkNoDuplicates(merged));
}

/**
 * Ignition refuses a config with two entries for one path (files, directories and links
 * together), one unit name, one user name or one filesystem device ("duplicate entry defined"),
 * and then no host boots: refused at synth instead.
 */
function checkNoDuplicates<T>(config: T): T {
  const c = config as any;
  const seen = new Map<string, string>();
  const check = (kind: string, list: unknown, key: string, group: string) => {
    if (!Array.isArray(list)) return;
    for (const e of list) {
      const k = e?.[key];
      if (typeof k !== 'string') continue;
      const id = `${group}:${k}`;
      const first = seen.get(id);
      if (first !== undefined) throw BootConfigErrors.duplicateIgnitionEntry(kind, k, first);
      seen.set(id, kind);
    }
  };
  check('storage.files', c.storage?.files, 'path', 'path');
  check('storage.directories', c.storage?.directories, 'path', 'path');
  check('storage.links', c.storage?.links, 'path', 'path');
  check('storage.filesystems', c.storage?.filesystems, 'device', 'device');
  check('systemd.units', c.systemd?.units, 'name', 'unit');
  check('passwd.users', c.passwd?.users, 'name', 'user');
  check('passwd.groups', c.passwd?.groups, 'name', 'group');
  return config;
}

/**
 * A small config that tells Ignition to fetch the real one (`ignition.config.replace`), for
 * payloads above the EC2 user-data limit. Compression cannot be used with s3:// sources
 * (Ignition configuration-v3_3.md), so the referenced object is plain JSON.
 */
export function renderIgnitionPointer(source: string, sha512?: string): string {
  return stableStringify({
    ignition: {
      version: IGNITION_SPEC_VERSION,
      config: { replace: { source, verification: sha512 ? { hash: `sha512-${sha512}` } : undefined } },
    },
  });
}
