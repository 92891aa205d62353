/**
 * Reads an Ignition config (lib/bootconfig/ignition.ts writes it) back into a host view.
 */
import { FLATCAR_UPDATE_CONF, LOCALTIME_LINK } from '../../bootconfig/paths';
import { CliError } from '../errors';
import { decodeDataUrl, gunzip, keyInfo } from '../util';
import { RawFile, ZINCATI_DIR, assemble, fileView } from './assemble';
import { HostView, UnitView } from './view';

interface IgnFile {
  path: string; mode?: number; contents?: { source?: string; compression?: string };
  user?: { name?: string; id?: number }; group?: { name?: string; id?: number };
}
interface IgnUnit { name: string; enabled?: boolean; mask?: boolean; contents?: string; dropins?: { name: string; contents?: string }[] }

export function fromIgnition(text: string, where: string, osHint?: string): HostView {
  const cfg = JSON.parse(text) as {
    passwd?: { users?: { name: string; sshAuthorizedKeys?: string[] }[] };
    storage?: {
      files?: IgnFile[]; directories?: { path: string; mode?: number }[]; links?: { path: string; target: string }[];
      filesystems?: { device: string; format?: string; label?: string; path?: string; wipeFilesystem?: boolean }[];
    };
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
  const fsLines = (cfg.storage?.filesystems ?? []).map((fs) => `file system: ${fs.format ?? '?'} label ${fs.label ?? '-'} on `
    + `${fs.device}${fs.wipeFilesystem === false ? ' (never wiped)' : ''}`);
  const group = /^GROUP=(\S+)$/m.exec(files.get(FLATCAR_UPDATE_CONF)?.text ?? '')?.[1];
  const fcos = [...files.keys()].some((p) => p.startsWith(ZINCATI_DIR));
  const os = osHint ?? (group ? `Flatcar Container Linux (${group})` : files.has(FLATCAR_UPDATE_CONF) ? 'Flatcar Container Linux'
    : fcos ? 'Fedora CoreOS' : 'an Ignition OS');
  return assemble({
    os, format: 'ignition', files, units, links: links.filter((l) => l.path !== LOCALTIME_LINK), timeZone,
    directories: (cfg.storage?.directories ?? []).map((d) => ({ path: d.path, mode: `0${((d.mode ?? 0o755) & 0o7777).toString(8)}` })),
    users: (cfg.passwd?.users ?? []).map((u) => ({ name: u.name, keys: (u.sshAuthorizedKeys ?? []).map(keyInfo) })),
    dataVolumeExtra: fsLines, packages: [], commands: [], settings: [], systemd: true,
  });
}
