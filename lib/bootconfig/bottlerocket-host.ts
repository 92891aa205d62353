import { Errors } from '../core/errors';
import { HostModel } from './model';

/** Host-container names Bottlerocket itself uses on AWS variants. */
const RESERVED_HOST_CONTAINERS = ['admin', 'control'];

/**
 * Bottlerocket `host-containers` need a fully qualified source (host-ctr pulls with containerd,
 * which resolves no short names; bottlerocket-core-kit sources/host-ctr; os-facts-2.md §3).
 */
function qualified(image: string): boolean {
  const first = image.split('/')[0];
  return image.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
}

/**
 * Turns the neutral host model into Bottlerocket settings (the `settings` table of the TOML
 * user data). Bottlerocket has no shell, package manager, files or units on the host: the OS's
 * capability table (lib/os/bottlerocket.ts) rejects those before this runs.
 *
 * - SSH keys go to the admin host container (`settings.host-containers.admin.user-data`, base64
 *   JSON `{"ssh":{"authorized-keys":[…]}}`; bottlerocket README "Admin container").
 * - Containers become host containers (`enabled`, `source`, `superpowered = false`): they run the
 *   image's own entrypoint with the host's network, restarted by systemd (`Restart=always`).
 * - sysctls go to `settings.kernel.sysctl` as quoted keys with string values.
 */
export function expandForBottlerocket(model: HostModel, osName: string): Record<string, unknown> {
  const reject = (property: string, value: unknown, alternative: string) => {
    throw Errors.unsupportedFeature(osName, property, value, alternative);
  };
  const hostContainers: Record<string, unknown> = {};
  if (model.sshAuthorizedKeys.length) {
    const userData = Buffer.from(JSON.stringify({ ssh: { 'authorized-keys': [...model.sshAuthorizedKeys] } }), 'utf8').toString('base64');
    hostContainers.admin = { 'enabled': true, 'user-data': userData };
  }
  for (const c of model.containers) {
    const p = `hostConfig.${c.origin}`;
    if (RESERVED_HOST_CONTAINERS.includes(c.name)) reject(`${p}.name`, c.name, `'admin' and 'control' are Bottlerocket's own host containers; choose another name`);
    if (!/^[a-z0-9][a-z0-9-]*$/.test(c.name)) reject(`${p}.name`, c.name, 'host-container names are lower-case letters, digits and hyphens');
    if (!qualified(c.image)) reject(`${p}.image`, c.image, `give a fully qualified image, e.g. 'docker.io/library/${c.image}'`);
    hostContainers[c.name] = { enabled: true, source: c.image, superpowered: false };
  }

  const settings: Record<string, unknown> = {};
  if (Object.keys(hostContainers).length) settings['host-containers'] = hostContainers;
  if (Object.keys(model.sysctls).length) settings.kernel = { sysctl: { ...model.sysctls } };
  if (model.hostname) settings.network = { hostname: model.hostname };
  return settings;
}
