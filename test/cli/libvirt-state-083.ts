/**
 * The Terraform state dmacvicar/libvirt 0.8.3 leaves after applying a synthesized stack, built
 * offline: every instance Terraform would plan (the stack's expressions evaluated as Terraform
 * does, lib/cli/terraform-eval.ts) with the attributes of the 0.8.3 schema and the ids 0.8.3
 * gives (v0.8.3 libvirt/resource_libvirt_*.go): a domain, network or pool its UUID, a volume its
 * key (the path in a dir pool), an Ignition or cloud-init volume `<volume key>;<uuid>`.
 */
import { createHash } from 'crypto';
import { StackValues, Unknown } from '../../lib/cli/terraform-eval';

const PROVIDER = 'provider["registry.terraform.io/dmacvicar/libvirt"]';

function uuid(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function plain(v: unknown): any {
  return JSON.parse(JSON.stringify(v, (_k, x) => (x instanceof Unknown ? `(known after apply: ${x.reference})` : x)));
}

/** The 0.8.3 state of `doc` (a synthesized 0.8.3 stack) as `terraform state pull` prints it. */
export function state083(doc: any, lineage = '7d7f3c1e-7a0b-4b4e-9c6e-2b1d2f0a9e11', serial = 7): any {
  const values = new StackValues(doc.locals ?? {});
  /** a planned `pool` (a literal name, or the unknown name of a libvirt_pool of the stack) as name and directory */
  const poolOf = (pool: unknown): { name: string; path: string } => {
    const m = /libvirt_pool\.([^.\s)]+)\.name/.exec(String(pool));
    const r = m ? doc.resource.libvirt_pool[m[1]] : undefined;
    return r ? { name: r.name, path: r.target.path } : { name: String(pool), path: `/var/lib/libvirt/images/${String(pool)}` };
  };
  const pathIn = (pool: unknown, name: string) => `${poolOf(pool).path}/${name}`;
  const poolName = (pool: unknown) => poolOf(pool).name;

  const attributes: Record<string, (a: any, seed: string) => Record<string, unknown>> = {
    libvirt_pool: (a, seed) => ({ id: uuid(seed), name: a.name, type: a.type, allocation: 0, available: 0, capacity: 0, path: null, source: [], target: [{ path: a.target.path }], xml: [] }),
    libvirt_network: (a, seed) => ({
      id: uuid(seed), name: a.name, mode: a.mode, domain: a.domain, addresses: a.addresses, autostart: a.autostart, bridge: 'virbr1',
      dhcp: [a.dhcp], dns: [{ ...a.dns, forwarders: [], hosts: [], srvs: [] }], dnsmasq_options: [], mtu: null, routes: [], xml: [],
    }),
    libvirt_volume: (a) => ({
      id: pathIn(a.pool, a.name), name: a.name, pool: poolName(a.pool), size: a.size ?? 10 * 1024 ** 3,
      format: a.format ?? 'qcow2', source: a.source ?? null, base_volume_id: a.base_volume_id ?? null, base_volume_name: null, base_volume_pool: null, xml: [],
    }),
    libvirt_ignition: (a, seed) => ({ id: `${pathIn(a.pool, a.name)};${uuid(seed)}`, name: a.name, pool: poolName(a.pool), content: a.content }),
    libvirt_cloudinit_disk: (a, seed) => ({
      id: `${pathIn(a.pool, a.name)};${uuid(seed)}`, name: a.name, pool: poolName(a.pool), user_data: a.user_data, meta_data: a.meta_data, network_config: null,
    }),
    libvirt_domain: (a, seed) => ({ ...a, id: uuid(seed), arch: 'x86_64', machine: 'pc', emulator: '/usr/bin/qemu-system-x86_64', running: true, type: 'kvm' }),
  };

  const resources: any[] = [];
  for (const [type, rs] of Object.entries<any>(doc.resource ?? {})) {
    if (!type.startsWith('libvirt_')) continue;
    for (const [name, r] of Object.entries<any>(rs)) {
      const each = r.for_each !== undefined ? values.expand(r) : { '': values.evaluate(Object.fromEntries(Object.entries(r).filter(([k]) => k !== '//' && k !== 'lifecycle'))) };
      if (each instanceof Unknown) throw new Error(`${type}.${name}: for_each unknown`);
      const instances = Object.entries<any>(plain(each)).map(([key, a]) => ({
        ...(r.for_each !== undefined ? { index_key: key } : {}),
        schema_version: 0,
        attributes: attributes[type](a, `${type}.${name}[${key}]`),
        sensitive_attributes: [],
        private: 'bnVsbA==',
      }));
      resources.push({ mode: 'managed', type, name, provider: PROVIDER, instances });
    }
  }
  return { version: 4, terraform_version: '1.11.4', serial, lineage, outputs: {}, resources, check_results: null };
}
