/**
 * Reads Bottlerocket settings TOML (lib/bootconfig/bottlerocket-host.ts writes them) back into a
 * host view.
 */
import { CliError } from '../errors';
import { KeyInfo, fromBase64, keyInfo } from '../util';
import { ContainerView, HostView, PolicyView } from './view';

export function fromBottlerocket(text: string, where: string, osHint?: string): HostView {
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
    os: osHint ?? 'Bottlerocket', format: 'bottlerocket-toml', updatePolicy: policy, users,
    files: [], directories: [], links: [], units: [],
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
