import { CoreErrors } from '../core/errors';
import { BootConfigErrors } from './errors';
import { requireArray, requireBoolean, requireString } from '../core/validation';
import { HostModel } from './model';

/** Host-container names Bottlerocket itself uses on AWS variants. */
const RESERVED_HOST_CONTAINERS = ['admin', 'control'];

/** ECS cluster names (ECS API CreateCluster: up to 255 letters, numbers, underscores and hyphens). */
const ECS_CLUSTER_NAME = /^[A-Za-z0-9_-]{1,255}$/;

/** A validated Bottlerocket host container (see `BottlerocketHostContainer`). */
export interface HostContainerModel {
  readonly name: string;
  readonly source: string;
  readonly superpowered: boolean;
}

/**
 * Bottlerocket `host-containers` need a fully qualified source (host-ctr pulls with containerd,
 * which resolves no short names; bottlerocket-core-kit sources/host-ctr; docs/os-notes.md).
 */
function qualified(image: string): boolean {
  const first = image.split('/')[0];
  return image.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
}

export function requireEcsClusterName(property: string, value: unknown): string {
  const s = requireString(property, value, { literal: true });
  if (!ECS_CLUSTER_NAME.test(s)) throw BootConfigErrors.badEcsClusterName(property, value);
  return s;
}

/** Checks `BottlerocketOptions.hostContainers`. */
export function requireHostContainers(property: string, value: unknown): HostContainerModel[] {
  const seen = new Set<string>();
  return requireArray(property, value).map((raw, i) => {
    const p = `${property}[${i}]`;
    if (raw === null || typeof raw !== 'object') throw CoreErrors.notAnObject(p, raw);
    const o = raw as { name?: unknown; source?: unknown; superpowered?: unknown };
    const name = requireString(`${p}.name`, o.name, { literal: true });
    if (RESERVED_HOST_CONTAINERS.includes(name)) throw BootConfigErrors.badHostContainer(`${p}.name`, name,
      "'admin' and 'control' are Bottlerocket's own host containers; choose another name");
    if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(name)) throw BootConfigErrors.badHostContainer(`${p}.name`, name,
      'host-container names are lower-case letters, digits and hyphens');
    if (seen.has(name)) throw BootConfigErrors.badHostContainer(`${p}.name`, name, 'each host container needs its own name');
    seen.add(name);
    const source = requireString(`${p}.source`, o.source, { literal: true });
    if (!qualified(source) || /\s/.test(source)) throw BootConfigErrors.badHostContainer(`${p}.source`, source,
      `give a fully qualified image, e.g. 'docker.io/library/${source}'`);
    const superpowered = o.superpowered === undefined ? false : requireBoolean(`${p}.superpowered`, o.superpowered);
    return { name, source, superpowered };
  });
}

/**
 * Turns the neutral host model into Bottlerocket settings (the `settings` table of the TOML
 * user data). Bottlerocket has no shell, package manager, files or units on the host: the OS's
 * capability table (lib/os/bottlerocket.ts) rejects those before this runs. The model's
 * containers are not here: on Bottlerocket they are ECS daemon services (lib/platforms/aws).
 *
 * - SSH keys go to the admin host container (`settings.host-containers.admin.user-data`, base64
 *   JSON `{"ssh":{"authorized-keys":[…]}}`; bottlerocket README "Admin container").
 * - Host containers (`BottlerocketOptions.hostContainers`) get `enabled`, `source`,
 *   `superpowered` (bottlerocket README "Custom host containers").
 * - sysctls go to `settings.kernel.sysctl` as quoted keys with string values.
 */
export function expandForBottlerocket(model: HostModel, extraHostContainers: readonly HostContainerModel[]): Record<string, unknown> {
  const hostContainers: Record<string, unknown> = {};
  if (model.sshAuthorizedKeys.length) {
    const userData = Buffer.from(JSON.stringify({ ssh: { 'authorized-keys': [...model.sshAuthorizedKeys] } }), 'utf8').toString('base64');
    hostContainers.admin = { 'enabled': true, 'user-data': userData };
  }
  for (const c of extraHostContainers) hostContainers[c.name] = { enabled: true, source: c.source, superpowered: c.superpowered };

  const settings: Record<string, unknown> = {};
  if (Object.keys(hostContainers).length) settings['host-containers'] = hostContainers;
  if (Object.keys(model.sysctls).length) settings.kernel = { sysctl: { ...model.sysctls } };
  if (model.hostname) settings.network = { hostname: model.hostname };
  return settings;
}
