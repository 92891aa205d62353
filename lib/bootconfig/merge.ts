/**
 * The one merge of the library (butane's rule): layers are applied parent first, and on a clash
 * the child wins: files, directories and links by path, units by name (drop-ins by name),
 * users and containers by name, Docker settings (daemon-settings.ts: log options follow their
 * driver) and sysctls by key, the data volume field by
 * field. SSH keys, packages and first-boot commands accumulate in order, without repeats.
 *
 * The render pipeline uses it once: platform layer → OS layer → user layer (→ raw fragment, which
 * is merged into the rendered format instead: see fragment.ts).
 */
import { mergeDaemonSettings } from './daemon-settings';
import { DataVolumeModel, HostModel, UnitModel, emptyHostModel } from './model';

/** Merges layers, parent first; the later (child) layer wins every clash. */
export function mergeLayers(...layers: HostModel[]): HostModel {
  return layers.reduce(mergeTwo, emptyHostModel());
}

function mergeTwo(parent: HostModel, child: HostModel): HostModel {
  // A path is one entry whatever its kind: the child's file, directory or link at a path replaces
  // the parent's entry of any kind there (two entries at one path fail Ignition at boot).
  const childPaths = new Set([...child.files, ...child.directories, ...child.links].map((x) => x.path));
  const kept = <T extends { path: string }>(xs: readonly T[]) => xs.filter((x) => !childPaths.has(x.path));
  parent = { ...parent, files: kept(parent.files), directories: kept(parent.directories), links: kept(parent.links) };
  return {
    hostname: child.hostname ?? parent.hostname,
    timeZone: child.timeZone ?? parent.timeZone,
    sshAuthorizedKeys: unique([...parent.sshAuthorizedKeys, ...child.sshAuthorizedKeys]),
    users: byKey(parent.users, child.users, (u) => u.name),
    files: byKey(parent.files, child.files, (f) => f.path),
    directories: byKey(parent.directories, child.directories, (d) => d.path),
    links: byKey(parent.links, child.links, (l) => l.path),
    units: mergeUnits(parent.units, child.units),
    dockerDaemonSettings: mergeDaemonSettings(parent.dockerDaemonSettings, child.dockerDaemonSettings),
    sysctls: { ...parent.sysctls, ...child.sysctls },
    containers: byKey(parent.containers, child.containers, (c) => c.name),
    dockerDataVolume: mergeDataVolume(parent.dockerDataVolume, child.dockerDataVolume),
    packages: unique([...parent.packages, ...child.packages]),
    bootCommands: [...parent.bootCommands, ...child.bootCommands],
  };
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** The child's entries replace the parent's of the same key, in the parent's place order after the parent's others. */
function byKey<T>(parent: readonly T[], child: readonly T[], key: (t: T) => string): T[] {
  const childKeys = new Set(child.map(key));
  return [...parent.filter((x) => !childKeys.has(key(x))), ...child];
}

/** Units by name, the child's fields winning; drop-ins merged by name. */
function mergeUnits(parent: readonly UnitModel[], child: readonly UnitModel[]): UnitModel[] {
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
      dropIns: byKey(p.dropIns, u.dropIns, (d) => d.name),
    };
  }
  return units;
}

/** Field by field: a user's volume without a device keeps the platform's device (or disk model). */
function mergeDataVolume(parent?: DataVolumeModel, child?: DataVolumeModel): DataVolumeModel | undefined {
  if (!parent || !child) return child ?? parent;
  return { ...child, device: child.device ?? parent.device, diskModel: child.diskModel ?? parent.diskModel };
}
