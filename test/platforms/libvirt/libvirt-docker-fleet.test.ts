import { FleetConfigError } from '../../../lib/core/fleet-config-error';
import { TerraformOutput, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import {
  ContainerOs, FirstBootFormat, HostConfig, LibvirtDockerFleet, LibvirtDockerFleetProps, LibvirtImage,
  LibvirtProvider, UpdatePolicy,
} from '../../../lib';
import { CloudinitDisk } from '../../../lib/platforms/libvirt/gen/providers/libvirt/cloudinit-disk';
import { Domain } from '../../../lib/platforms/libvirt/gen/providers/libvirt/domain';
import { Ignition } from '../../../lib/platforms/libvirt/gen/providers/libvirt/ignition';
import { Network } from '../../../lib/platforms/libvirt/gen/providers/libvirt/network';
import { Pool } from '../../../lib/platforms/libvirt/gen/providers/libvirt/pool';
import { Volume } from '../../../lib/platforms/libvirt/gen/providers/libvirt/volume';
import { StackValues, Unknown } from '../../../lib/cli/terraform-eval';
import { fingerprintOf } from '../../../lib/core/fingerprint';
import { HOST_MARK, WWN_MARK, fillTemplate, perHostRenderer } from '../../../lib/platforms/libvirt/libvirt-fleet-plan';
import { expectValidLibvirtStack } from '../../helpers/libvirt-schema';
import { describeWithTools, requireTools } from '../../helpers/tools';
import { describeWithValidators, expectValid } from '../../helpers/validators';
import { findTerraformBinary, plannedActions, standIn } from '../../cli/terraform-standin';
import { perHostPayloadStack } from './libvirt-fixtures';

const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGz3Ck9dxQ7ttVYGXkNQ5c7iBJvjxWcBuhKL7lR8bM4N ops@example';
const FCOS_PATH = '/var/lib/libvirt/images/fedora-coreos.qcow2';

/** Every stack synthesized in this file, for the validator pass at the end. */
const synthesized: string[] = [];

function hostConfig(extra?: (h: HostConfig) => void): HostConfig {
  const h = new HostConfig({ sshAuthorizedKeys: [KEY] });
  h.addContainer({ name: 'web', image: 'nginx:1.27', ports: ['80:80'] });
  extra?.(h);
  return h;
}

function newStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'test');
  new LibvirtProvider(stack, 'libvirt', { uri: 'qemu:///system' });
  return stack;
}

/** Synthesizes one fleet, checks it against the pinned libvirt schema, and returns the JSON text. */
function synthFleet(props: LibvirtDockerFleetProps, id = 'fleet'): { json: string; doc: any; fleet: LibvirtDockerFleet; stack: TerraformStack } {
  const stack = newStack();
  const fleet = new LibvirtDockerFleet(stack, id, props);
  const json = Testing.synth(stack);
  expectValidLibvirtStack(json);
  synthesized.push(json);
  return { json, doc: JSON.parse(json), fleet, stack };
}

/** The one resource of a type in a synthesized document, by a part of its logical id. */
function resource(doc: any, type: string, idPart: string): any {
  const entries = Object.entries(doc.resource?.[type] ?? {}).filter(([k]) => k.includes(`_${idPart}_`));
  if (entries.length !== 1) throw new Error(`expected one ${type} with '${idPart}' in its id, found ${entries.length}`);
  return entries[0][1];
}

/** Terraform unescapes `$${` and `%%{` in JSON strings; so do we, to get the payload the provider receives. */
function unescape(s: string): string {
  return s.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
}

/**
 * The instances of a for_each resource as Terraform plans them: host name → attributes. What
 * differs per host lives in the fleet's locals (host table, payload template), and
 * lib/cli/terraform-eval.ts evaluates them as Terraform does (test/cli/terraform-eval.test.ts runs
 * Terraform on the same shapes). A value known only after apply reads `(known after apply: …)`.
 */
function instancesOf(doc: any, r: any): Record<string, any> {
  const v = new StackValues(doc.locals ?? {}).expand(r);
  if (v instanceof Unknown) throw new Error(`for_each is not known before apply: ${v.reference}`);
  return JSON.parse(JSON.stringify(v, (_k, x) => (x instanceof Unknown ? String(x) : x)));
}

/** `instancesOf` the one resource of a type whose logical id contains `idPart`. */
function instances(doc: any, type: string, idPart: string): Record<string, any> {
  return instancesOf(doc, resource(doc, type, idPart));
}

/** The fleet's local whose logical id contains `idPart` (`host-table`, `hosts`, `first-boot`). */
function local(doc: any, idPart: string): any {
  const entries = Object.entries(doc.locals ?? {}).filter(([k]) => k.includes(`_${idPart}_`));
  if (entries.length !== 1) throw new Error(`expected one local with '${idPart}' in its id, found ${entries.length}`);
  return entries[0][1];
}

/** The payloads of a synthesized document as each host receives them: Ignition `content` or cloud-init `user_data`. */
function payloadsOf(doc: any): { host: string; format: FirstBootFormat; content: string }[] {
  const out: { host: string; format: FirstBootFormat; content: string }[] = [];
  for (const r of Object.values<any>(doc.resource?.libvirt_ignition ?? {})) {
    for (const [host, v] of Object.entries<any>(instancesOf(doc, r))) out.push({ host, format: FirstBootFormat.IGNITION, content: v.content });
  }
  for (const r of Object.values<any>(doc.resource?.libvirt_cloudinit_disk ?? {})) {
    for (const [host, v] of Object.entries<any>(instancesOf(doc, r))) {
      out.push({ host, format: v.user_data.startsWith('#alpine-config') ? FirstBootFormat.ALPINE_CONFIG : FirstBootFormat.CLOUD_CONFIG, content: v.user_data });
    }
  }
  return out;
}

const flatcar = (more: Partial<LibvirtDockerFleetProps> = {}): LibvirtDockerFleetProps =>
  ({ os: ContainerOs.flatcar(), hostCount: 3, hostConfig: hostConfig(), ...more });

describe('LibvirtDockerFleet', () => {
  describe('storage', () => {
    test('creates a dir pool under /var/lib/libvirt/images named after the construct id', () => {
      const { json, fleet } = synthFleet(flatcar());
      expect(json).toHaveResourceWithProperties(Pool, { name: 'fleet', type: 'dir', target: { path: '/var/lib/libvirt/images/fleet' } });
      expect(fleet.pool).toBeDefined();
    });

    test('uses an existing pool by name and creates none when poolName is given', () => {
      const { json, doc, fleet } = synthFleet(flatcar({ poolName: 'default' }));
      expect(doc.resource.libvirt_pool).toBeUndefined();
      expect(fleet.pool).toBeUndefined();
      expect(json).toHaveResourceWithProperties(Volume, { name: '${each.key}-root-${each.value}.qcow2', pool: 'default', base_volume_id: expect.any(String) } as any);
      for (const r of Object.values<any>(doc.resource.libvirt_volume)) expect(r.pool).toBe('default');
      expect(resource(doc, 'libvirt_ignition', 'ignition').pool).toBe('default');
      for (const v of Object.values<any>(instances(doc, 'libvirt_volume', 'root'))) expect(v.pool).toBe('default');
    });

    test('honours poolPath for the pool it creates', () => {
      const { json } = synthFleet(flatcar({ poolPath: '/srv/vm/fleet' }));
      expect(json).toHaveResourceWithProperties(Pool, { target: { path: '/srv/vm/fleet' } });
    });

    test('uploads the base volume from the OS channel image and ignores later changes of its source', () => {
      const { json, doc } = synthFleet(flatcar());
      expect(json).toHaveResourceWithProperties(Volume, {
        name: 'fleet-flatcar-container-linux-stable-base.qcow2',
        source: 'https://stable.release.flatcar-linux.net/amd64-usr/current/flatcar_production_qemu_image.img',
        format: 'qcow2',
        lifecycle: { ignore_changes: ['source'] },
      } as any);
      expect(resource(doc, 'libvirt_volume', 'base').pool).toMatch(/^\$\{libvirt_pool\.fleet_pool_[0-9A-F]+\.name\}$/);
    });

    test('uploads a LibvirtImage.fromPath image for Fedora CoreOS', () => {
      const { json } = synthFleet({ os: ContainerOs.fedoraCoreOs(), hostCount: 1, image: LibvirtImage.fromPath(FCOS_PATH) });
      expect(json).toHaveResourceWithProperties(Volume, { source: FCOS_PATH, name: 'fleet-fedora-coreos-stable-base.qcow2' });
    });

    test('gives each host a copy-on-write qcow2 root volume on the base, sized in bytes and named after its payload hash', () => {
      const { doc } = synthFleet(flatcar({ diskSizeGiB: 30 }));
      const root = resource(doc, 'libvirt_volume', 'root');
      expect(root.base_volume_id).toMatch(/^\$\{libvirt_volume\.fleet_base_[0-9A-F]+\.id\}$/);
      expect(root.size).toBe(30 * 1024 ** 3);
      expect(root.format).toBe('qcow2');
      // the root volumes iterate a literal map from host name to payload hash
      expect(root.name).toBe('${each.key}-root-${each.value}.qcow2');
      expect(Object.keys(root.for_each)).toEqual(['fleet-0', 'fleet-1', 'fleet-2']);
      const roots = instances(doc, 'libvirt_volume', 'root');
      const ign = instances(doc, 'libvirt_ignition', 'ignition');
      expect(Object.keys(roots)).toEqual(['fleet-0', 'fleet-1', 'fleet-2']);
      for (const host of Object.keys(roots)) {
        const hash = /^fleet-\d-root-([0-9a-f]{12})\.qcow2$/.exec(roots[host].name)![1];
        expect(ign[host].name).toBe(`${host}-ignition-${hash}.ign`);
        // the hash is the host's own payload's, and the host table says the same
        expect(hash).toBe(fingerprintOf(ign[host].content));
        expect(root.for_each[host]).toBe(hash);
        expect(local(doc, 'host-table')).toContain(`\n${host},`);
        expect(local(doc, 'host-table')).toMatch(new RegExp(`\n${host},[^\n]*,${hash}\n`));
      }
    });

    test('gives each host a Docker data volume whose name does not depend on the payload, without prevent_destroy by default', () => {
      const { doc } = synthFleet(flatcar({ dockerVolumeSizeGiB: 50 }));
      const data = resource(doc, 'libvirt_volume', 'docker-data');
      expect(data.name).toBe('${each.key}-docker.qcow2');
      expect(Object.fromEntries(Object.entries<any>(instances(doc, 'libvirt_volume', 'docker-data')).map(([h, v]) => [h, { name: v.name }]))).toEqual({
        'fleet-0': { name: 'fleet-0-docker.qcow2' },
        'fleet-1': { name: 'fleet-1-docker.qcow2' },
        'fleet-2': { name: 'fleet-2-docker.qcow2' },
      });
      expect(data.size).toBe(50 * 1024 ** 3);
      expect(data.format).toBe('qcow2');
      expect(data.base_volume_id).toBeUndefined();
      // size is ForceNew in provider 0.8.3: ignored, so a new dockerVolumeSizeGiB keeps existing volumes.
      expect(data.lifecycle).toEqual({ ignore_changes: ['size'] });
    });

    test('protects the Docker data volumes with prevent_destroy when retainDataVolumes is true', () => {
      const { json } = synthFleet(flatcar({ retainDataVolumes: true }));
      expect(json).toHaveResourceWithProperties(Volume, { name: '${each.key}-docker.qcow2', lifecycle: { ignore_changes: ['size'], prevent_destroy: true } } as any);
    });
  });

  describe('data disk', () => {
    test('attaches the data volume as a SCSI disk with a WWN derived from the host name', () => {
      const { doc } = synthFleet(flatcar());
      const domain = resource(doc, 'libvirt_domain', 'host');
      // the volumes' ids are their paths in the pool the fleet creates (values, so plan reads no sibling instance)
      expect(domain.disk).toEqual([
        { volume_id: '/var/lib/libvirt/images/fleet/${each.key}-root-${each.value.hash}.qcow2' },
        { volume_id: '/var/lib/libvirt/images/fleet/${each.key}-docker.qcow2', scsi: true, wwn: '${each.value.wwn}' },
      ]);
      expect(domain.depends_on).toEqual([expect.stringMatching(/^libvirt_volume\.fleet_root_/), expect.stringMatching(/^libvirt_volume\.fleet_docker-data_/)]);
      const roots = instances(doc, 'libvirt_volume', 'root');
      const data = instances(doc, 'libvirt_volume', 'docker-data');
      for (const [host, d] of Object.entries<any>(instances(doc, 'libvirt_domain', 'host'))) {
        expect(d.disk[0].volume_id).toBe(`/var/lib/libvirt/images/fleet/${roots[host].name}`);
        expect(d.disk[1].volume_id).toBe(`/var/lib/libvirt/images/fleet/${data[host].name}`);
      }
      const wwns = Object.values<any>(instances(doc, 'libvirt_domain', 'host')).map((v) => v.disk[1].wwn);
      for (const w of wwns) expect(w).toMatch(/^5[0-9a-f]{15}$/);
      expect(new Set(wwns).size).toBe(3);
    });

    test('reads the volumes\' ids through one map per volume resource when the pool is not the fleet\'s own', () => {
      for (const props of [flatcar({ poolName: 'shared' })]) {
        const { doc } = synthFleet(props);
        const domain = resource(doc, 'libvirt_domain', 'host');
        expect(domain.disk.map((d: any) => d.volume_id)).toEqual([
          expect.stringMatching(/^\$\{local\.fleet_root-ids_[0-9A-F]+\[each\.key\]\}$/),
          expect.stringMatching(/^\$\{local\.fleet_docker-data-ids_[0-9A-F]+\[each\.key\]\}$/),
        ]);
        expect(local(doc, 'root-ids')).toMatch(/^\$\{\{ for key, val in libvirt_volume\.fleet_root_[0-9A-F]+: key => val\.id \}\}$/);
        expect(local(doc, 'docker-data-ids')).toMatch(/^\$\{\{ for key, val in libvirt_volume\.fleet_docker-data_[0-9A-F]+: key => val\.id \}\}$/);
      }
    });

    test('points Ignition at /dev/disk/by-id/wwn-0x<wwn> on Flatcar and Fedora CoreOS, never wiping an existing file system', () => {
      for (const props of [flatcar(), { os: ContainerOs.fedoraCoreOs(), hostCount: 2, image: LibvirtImage.fromPath(FCOS_PATH) }]) {
        const { doc } = synthFleet(props);
        const domains = instances(doc, 'libvirt_domain', 'host');
        for (const p of payloadsOf(doc)) {
          const fs = JSON.parse(p.content).storage.filesystems;
          expect(fs).toEqual([expect.objectContaining({ device: `/dev/disk/by-id/wwn-0x${domains[p.host].disk[1].wwn}`, format: 'ext4', label: 'docker-data', wipeFilesystem: false })]);
        }
      }
    });

    test('leaves the data disk to be found at boot on Alpine (no stable disk names in its early boot)', () => {
      const { doc } = synthFleet({ os: ContainerOs.alpine(), hostCount: 1 });
      const [p] = payloadsOf(doc);
      expect(p.content).not.toContain('wwn-0x');
      expect(p.content).toContain('/etc/docker-fleet/prepare-data-volume');
    });

    test("keeps a user's dockerDataVolume label and file system, filling in the WWN device", () => {
      const { doc } = synthFleet(flatcar({ hostConfig: new HostConfig({ dockerDataVolume: { label: 'dockerfs', fileSystem: 'xfs' as any } }) }));
      const [p] = payloadsOf(doc);
      expect(JSON.parse(p.content).storage.filesystems).toEqual([expect.objectContaining({ label: 'dockerfs', format: 'xfs', device: expect.stringMatching(/^\/dev\/disk\/by-id\/wwn-0x5[0-9a-f]{15}$/) })]);
    });
  });

  describe('network', () => {
    test('creates a NAT network with DHCP, local-only DNS, a DNS domain and autostart', () => {
      const { json } = synthFleet(flatcar());
      expect(json).toHaveResourceWithProperties(Network, {
        name: 'fleet', mode: 'nat', addresses: ['10.17.3.0/24'], domain: 'fleet.internal', autostart: true,
        dhcp: { enabled: true }, dns: { enabled: true, local_only: true },
      } as any);
    });

    test('uses networkName, networkCidr and domainName', () => {
      const { json, fleet } = synthFleet(flatcar({ networkName: 'docker-net', networkCidr: '192.168.130.0/28', domainName: 'docker.lan' }));
      expect(json).toHaveResourceWithProperties(Network, { name: 'docker-net', addresses: ['192.168.130.0/28'], domain: 'docker.lan' });
      for (const ip of Object.values(fleet.plannedAddresses)) expect(ip).toMatch(/^192\.168\.130\.([2-9]|1[0-4])$/);
    });

    test('gives each host a locally administered MAC and a fixed address derived from its name', () => {
      const { doc, fleet } = synthFleet(flatcar());
      const domain = resource(doc, 'libvirt_domain', 'host');
      expect(domain.network_interface).toEqual([{
        network_id: expect.stringMatching(/^\$\{libvirt_network\.fleet_network_[0-9A-F]+\.id\}$/),
        hostname: '${each.key}', mac: '${each.value.mac}', addresses: ['${each.value.address}'], wait_for_lease: true,
      }]);
      const values = Object.values<any>(instances(doc, 'libvirt_domain', 'host')).map((d) => ({ mac: d.network_interface[0].mac, address: d.network_interface[0].addresses[0] }));
      expect(values).toHaveLength(3);
      for (const v of values) {
        expect(v.mac).toMatch(/^52:54:00(:[0-9A-F]{2}){3}$/);
        expect(v.address).toMatch(/^10\.17\.3\.(\d+)$/);
        const last = Number(v.address.split('.')[3]);
        expect(last).toBeGreaterThanOrEqual(2);
        expect(last).toBeLessThanOrEqual(254);
      }
      expect(new Set(values.map((v) => v.mac)).size).toBe(3);
      expect(new Set(values.map((v) => v.address)).size).toBe(3);
      expect(fleet.plannedAddresses).toEqual(Object.fromEntries(Object.entries<any>(instances(doc, 'libvirt_domain', 'host')).map(([k, v]) => [k, v.network_interface[0].addresses[0]])));
    });

    test('the address depends on the host name, not on its position in the fleet', () => {
      const a = synthFleet(flatcar({ hostCount: 2, hostNames: ['alpha', 'beta'] })).fleet.plannedAddresses;
      const b = synthFleet(flatcar({ hostCount: 2, hostNames: ['gamma', 'alpha'] })).fleet.plannedAddresses;
      expect(b.alpha).toBe(a.alpha);
    });

    test('fills a small network completely with distinct addresses, resolving hash collisions in list order', () => {
      const { fleet, stack } = synthFleet(flatcar({ hostCount: 5, networkCidr: '10.0.0.0/29' }));
      expect(Object.values(fleet.plannedAddresses).sort()).toEqual(['10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5', '10.0.0.6']);
      // 5 names in 5 slots: collisions are all but certain, and each is reported as info
      const infos = stackMessages(stack, '@cdktf/info');
      expect(infos.length).toBeGreaterThan(0);
      for (const i of infos) expect(i).toMatch(/^host fleet-\d's hashed address was taken by fleet-\d, so it got the next free one \(10\.0\.0\.\d\); it moves if fleet-\d is removed$/);
    });

    test('lets DHCP assign addresses when networkCidr is a token', () => {
      const stack = newStack();
      const cidr = new TerraformVariable(stack, 'cidr', { type: 'string' });
      const fleet = new LibvirtDockerFleet(stack, 'fleet', flatcar({ networkCidr: cidr.stringValue }));
      const json = Testing.synth(stack);
      expectValidLibvirtStack(json);
      const domain = resource(JSON.parse(json), 'libvirt_domain', 'host');
      expect(domain.network_interface[0].addresses).toBeUndefined();
      expect(domain.network_interface[0].wait_for_lease).toBe(true);
      const doc = JSON.parse(json);
      expect(local(doc, 'host-table').split('\n')[0]).toBe('name,mac,wwn,hash');
      expect(Object.values<any>(new StackValues(doc.locals).evaluate(`\${local.${Object.keys(doc.locals).find((k) => k.includes('_hosts_'))}}`) as any)[0].address).toBeUndefined();
      expect(Object.values<any>(instancesOf(doc, domain))[0].network_interface[0].addresses).toBeUndefined();
      expect(fleet.plannedAddresses).toEqual({});
    });
  });

  describe('first boot', () => {
    test('delivers Flatcar Ignition through fw_cfg opt/org.flatcar-linux/config from a libvirt_ignition per host', () => {
      const { json, doc } = synthFleet(flatcar());
      expect(json).toHaveResourceWithProperties(Domain, { fw_cfg_name: 'opt/org.flatcar-linux/config' } as any);
      const domain = resource(doc, 'libvirt_domain', 'host');
      // the id has a random part: read through one map of the instances' ids, evaluated once per plan
      expect(domain.coreos_ignition).toMatch(/^\$\{local\.fleet_ignition-ids_[0-9A-F]+\[each\.key\]\}$/);
      expect(local(doc, 'ignition-ids')).toMatch(/^\$\{\{ for key, val in libvirt_ignition\.fleet_ignition_[0-9A-F]+: key => val\.id \}\}$/);
      expect(domain.cloudinit).toBeUndefined();
      // the payload: the fleet's template with the host's name and WWN put in, marked sensitive
      const ign = resource(doc, 'libvirt_ignition', 'ignition');
      const template = Object.keys(doc.locals).find((k) => k.includes('_first-boot_'));
      expect(json).toHaveResourceWithProperties(Ignition, {
        name: '${each.key}-ignition-${each.value.hash}.ign',
        content: `\${sensitive(replace(replace(local.${template}, "${HOST_MARK}", each.key), "${WWN_MARK}", each.value.wwn))}`,
      });
      expect(ign.for_each).toBe(`\${local.${Object.keys(doc.locals).find((k) => k.includes('_hosts_'))}}`);
      expect(Object.keys(instancesOf(doc, ign))).toEqual(['fleet-0', 'fleet-1', 'fleet-2']);
      expect(doc.resource.libvirt_cloudinit_disk).toBeUndefined();
    });

    test('delivers Fedora CoreOS Ignition through fw_cfg opt/com.coreos/config', () => {
      const { json } = synthFleet({ os: ContainerOs.fedoraCoreOs(), hostCount: 1, image: LibvirtImage.fromPath(FCOS_PATH) });
      expect(json).toHaveResourceWithProperties(Domain, { fw_cfg_name: 'opt/com.coreos/config' } as any);
    });

    test('renders each host with its own host name', () => {
      const { doc } = synthFleet(flatcar({ hostCount: 2, hostNames: ['web-a', 'web-b'] }));
      for (const p of payloadsOf(doc)) {
        const files = JSON.parse(p.content).storage.files;
        const hostname = files.find((f: any) => f.path === '/etc/hostname');
        expect(decodeURIComponent(hostname.contents.source.split(',')[1])).toBe(`${p.host}\n`);
      }
    });

    test('delivers Alpine cloud-init NoCloud ISOs with instance-id and local-hostname meta-data', () => {
      const { json, doc } = synthFleet({ os: ContainerOs.alpine(), hostCount: 2 });
      expect(json).toHaveResourceWithProperties(CloudinitDisk, {
        name: '${each.key}-cloudinit-${each.value.hash}.iso',
        user_data: expect.stringMatching(/^\$\{sensitive\(replace\(replace\(local\.fleet_first-boot_[0-9A-F]+, "hxq7placeholderzq", each\.key\), "wxq7placeholderzq", each\.value\.wwn\)\)\}$/),
        meta_data: 'instance-id: ${each.key}-${each.value.hash}\nlocal-hostname: ${each.key}\n',
      } as any);
      const ci = instances(doc, 'libvirt_cloudinit_disk', 'cloudinit');
      expect(Object.keys(ci)).toEqual(['fleet-0', 'fleet-1']);
      for (const [host, v] of Object.entries<any>(ci)) {
        const hash = /-cloudinit-([0-9a-f]{12})\.iso$/.exec(v.name)![1];
        expect(v.meta_data).toBe(`instance-id: ${host}-${hash}\nlocal-hostname: ${host}\n`);
        expect(v.user_data.startsWith('#alpine-config\n')).toBe(true);
      }
      const domain = resource(doc, 'libvirt_domain', 'host');
      expect(domain.cloudinit).toMatch(/^\$\{local\.fleet_cloudinit-ids_[0-9A-F]+\[each\.key\]\}$/);
      expect(local(doc, 'cloudinit-ids')).toMatch(/^\$\{\{ for key, val in libvirt_cloudinit_disk\.fleet_cloudinit_[0-9A-F]+: key => val\.id \}\}$/);
      expect(domain.coreos_ignition).toBeUndefined();
      expect(domain.fw_cfg_name).toBeUndefined();
      expect(doc.resource.libvirt_ignition).toBeUndefined();
    });

    test('escapes Terraform template syntax in payloads so the host receives them as written', () => {
      const text = 'echo ${HOME} %{ if x } $${kept}\n';
      const { doc } = synthFleet({ os: ContainerOs.alpine(), hostCount: 1, hostConfig: hostConfig((h) => h.addFile({ path: '/etc/demo.sh', content: text })) });
      // the template in the locals is what Terraform reads as a template: escaped
      const raw = local(doc, 'first-boot') as string;
      expect(raw).not.toMatch(/(^|[^$])\$\{/);
      expect(raw).not.toMatch(/(^|[^%])%\{/);
      expect(unescape(raw)).toContain('echo ${HOME} %{ if x } $${kept}');
      expect(instances(doc, 'libvirt_cloudinit_disk', 'cloudinit')['fleet-0'].user_data).toContain('echo ${HOME} %{ if x } $${kept}');
    });

    test('renders once with placeholders when putting the values in is exact, and renders each host alone when it is not', () => {
      const warnings: string[] = [];
      const exact = perHostRenderer((n, w) => ({ content: `{"h":"${n}","w":"${w}"}`, warnings: ['once'] }), warnings, 'a');
      expect(exact.template).toBe(`{"h":"${HOST_MARK}","w":"${WWN_MARK}"}`);
      expect(exact.payloadOf('b', '5abc')).toBe('{"h":"b","w":"5abc"}');
      expect(warnings).toEqual(['once']);
      // a placeholder hidden inside encoded content: no template, each host its own render
      const encoded = (n: string, w: string) => ({ content: `{"h":"${Buffer.from(n).toString('base64')}","w":"${w}"}`, warnings: [] });
      const alone = perHostRenderer(encoded, [], 'a');
      expect(alone.template).toBeUndefined();
      expect(alone.payloadOf('b', '5abc')).toBe(encoded('b', '5abc').content);
      expect(fillTemplate(`${HOST_MARK}-${WWN_MARK}-${HOST_MARK}`, 'h', 'w')).toBe('h-w-h');
    });

    test('without a template, the payloads are a map by host name in the locals, each host reading its own', () => {
      const json = Testing.synth(perHostPayloadStack());
      expectValidLibvirtStack(json);
      const doc = JSON.parse(json);
      const payloads = local(doc, 'first-boot');
      expect(Object.keys(payloads)).toEqual(['lab-0', 'lab-1', 'lab-2']);
      const ign = resource(doc, 'libvirt_ignition', 'ignition');
      expect(ign.content).toMatch(/^\$\{sensitive\(local\.lab_first-boot_[0-9A-F]+\[each\.key\]\)\}$/);
      const got = instancesOf(doc, ign);
      for (const host of ['lab-0', 'lab-1', 'lab-2']) {
        expect(got[host].content).toBe(unescape(payloads[host]));
        expect(JSON.parse(got[host].content).storage.files.find((f: any) => f.path === '/etc/hostname').contents.source).toBe(`data:,${host}%0A`);
        expect(got[host].name).toBe(`${host}-ignition-${fingerprintOf(got[host].content)}.ign`);
      }
    });

    test('turns OS render warnings into warning annotations, once per fleet', () => {
      const stack = newStack();
      new LibvirtDockerFleet(stack, 'fleet', flatcar({ updatePolicy: UpdatePolicy.disabled() }));
      Testing.synth(stack);
      const warnings = stackMessages(stack, '@cdktf/warn');
      expect(warnings.filter((w) => w.includes('updates are disabled'))).toHaveLength(1);
    });
  });

  describe('domains', () => {
    test('defines one domain per host name with memory, vcpus, a serial console, autostart and no guest agent or machine type', () => {
      const { json, doc } = synthFleet(flatcar({ memoryMiB: 4096, vcpus: 4 }));
      expect(json).toHaveResourceWithProperties(Domain, {
        name: '${each.key}', memory: 4096, vcpu: 4, autostart: true, qemu_agent: false,
        console: [{ type: 'pty', target_port: '0', target_type: 'serial' }],
      } as any);
      const domain = resource(doc, 'libvirt_domain', 'host');
      expect(domain.machine).toBeUndefined();
      expect(Object.keys(instancesOf(doc, domain))).toEqual(['fleet-0', 'fleet-1', 'fleet-2']);
    });

    test('defaults to 2048 MiB and 2 vCPUs and honours autostart: false', () => {
      const { json } = synthFleet({ os: ContainerOs.alpine(), hostCount: 1, autostart: false });
      expect(json).toHaveResourceWithProperties(Domain, { memory: 2048, vcpu: 2, autostart: false } as any);
    });

    test('uses the given host names as for_each keys and domain names', () => {
      const { doc, fleet } = synthFleet(flatcar({ hostCount: 2, hostNames: ['docker-a', 'docker-b'] }));
      expect(fleet.hostNames).toEqual(['docker-a', 'docker-b']);
      let n = 0;
      for (const t of ['libvirt_domain', 'libvirt_volume', 'libvirt_ignition']) {
        for (const r of Object.values<any>(doc.resource[t])) {
          if (r.for_each) expect(Object.keys(instancesOf(doc, r))).toEqual(['docker-a', 'docker-b']);
          if (r.for_each) n++;
        }
      }
      expect(n).toBe(4);
      for (const d of Object.values<any>(instances(doc, 'libvirt_domain', 'host'))) expect(d.name).toBe(d.network_interface[0].hostname);
      expect(Object.keys(instances(doc, 'libvirt_domain', 'host'))).toEqual(Object.values<any>(instances(doc, 'libvirt_domain', 'host')).map((d) => d.name));
    });
  });

  describe('outputs', () => {
    test('outputs the host names and a map from host name to address read from the domains', () => {
      const { doc, fleet } = synthFleet(flatcar());
      const outputs = Object.entries<any>(doc.output);
      const names = outputs.find(([k]) => k.endsWith('host_names'))![1];
      const addresses = outputs.find(([k]) => k.endsWith('host_addresses'))![1];
      // read from the host table, in the fleet's order (a literal list would cost a value per host)
      expect(new StackValues(doc.locals).evaluate(names.value)).toEqual(['fleet-0', 'fleet-1', 'fleet-2']);
      const named = synthFleet(flatcar({ hostCount: 3, hostNames: ['zeta', 'alpha', 'mid'] })).doc;
      expect(new StackValues(named.locals).evaluate(Object.entries<any>(named.output).find(([k]) => k.endsWith('host_names'))![1].value)).toEqual(['zeta', 'alpha', 'mid']);
      expect(addresses.value).toMatch(/^\$\{\{ for key, val in libvirt_domain\.fleet_host_[0-9A-F]+: key => val\.network_interface\[0\]\.addresses\[0\] \}\}$/);
      expect(fleet.hostNamesOutput).toBeDefined();
      expect(fleet.hostAddressesOutput).toBeDefined();
    });

    test('addressOf gives a per-host reference to the domain address', () => {
      const stack = newStack();
      const fleet = new LibvirtDockerFleet(stack, 'fleet', flatcar());
      new TerraformOutput(stack, 'ip', { value: fleet.addressOf('fleet-1') });
      expect(JSON.parse(Testing.synth(stack)).output.ip.value).toMatch(/^\$\{libvirt_domain\.fleet_host_[0-9A-F]+\["fleet-1"\]\.network_interface\.0\.addresses\.0\}$/);
      expect(() => fleet.addressOf('nope')).toThrow(FleetConfigError);
    });
  });

  describe('what changes what', () => {
    /** Each for_each resource's instance for `host`, every attribute as Terraform plans it. */
    const perHost = (doc: any, host: string) => {
      const out: Record<string, string> = {};
      for (const [type, rs] of Object.entries<any>(doc.resource)) {
        for (const [id, r] of Object.entries<any>(rs)) {
          if (r.for_each) out[`${type}.${id}`] = JSON.stringify(instancesOf(doc, r)[host]);
        }
      }
      return out;
    };

    test.each([
      ['Flatcar', () => ({ os: ContainerOs.flatcar() })],
      ['Fedora CoreOS', () => ({ os: ContainerOs.fedoraCoreOs(), image: LibvirtImage.fromPath(FCOS_PATH) })],
      ['Alpine', () => ({ os: ContainerOs.alpine() })],
    ])('going from 3 to 4 hosts leaves the entries of hosts 0-2 byte-identical (%s)', (_name, os) => {
      const three = synthFleet({ ...os(), hostCount: 3, hostConfig: hostConfig() }).doc;
      const four = synthFleet({ ...os(), hostCount: 4, hostConfig: hostConfig() }).doc;
      for (const host of ['fleet-0', 'fleet-1', 'fleet-2']) {
        const before = perHost(three, host);
        expect(Object.keys(before).length).toBeGreaterThanOrEqual(4);
        expect(perHost(four, host)).toEqual(before);
      }
      expect(Object.values(perHost(four, 'fleet-3')).every((v) => v !== undefined)).toBe(true);
      // everything outside the for_each maps is unchanged too
      const strip = (doc: any) => JSON.stringify(doc.resource, (k, v) => (k === 'for_each' ? undefined : v));
      expect(strip(four)).toBe(strip(three));
      // and in the locals, the host table only gains the new host's line
      for (const k of Object.keys(three.locals)) {
        if (k.includes('_host-table_')) expect(four.locals[k].startsWith(three.locals[k])).toBe(true);
        else expect(four.locals[k]).toBe(three.locals[k]);
      }
      expect(four.locals[Object.keys(four.locals).find((k) => k.includes('_host-table_'))!].split('\n')).toHaveLength(6);
    });

    test('changing the HostConfig renames root and Ignition volumes but keeps data volume names, MACs and addresses', () => {
      const a = synthFleet(flatcar()).doc;
      const b = synthFleet(flatcar({ hostConfig: hostConfig((h) => h.addFile({ path: '/etc/motd', content: 'changed\n' })) })).doc;
      const names = (doc: any, type: string, id: string) => Object.values<any>(instances(doc, type, id)).map((v) => v.name);
      const rootA = names(a, 'libvirt_volume', 'root');
      const rootB = names(b, 'libvirt_volume', 'root');
      rootA.forEach((n, i) => expect(rootB[i]).not.toBe(n));
      const ignA = names(a, 'libvirt_ignition', 'ignition');
      const ignB = names(b, 'libvirt_ignition', 'ignition');
      ignA.forEach((n, i) => expect(ignB[i]).not.toBe(n));
      expect(names(b, 'libvirt_volume', 'docker-data')).toEqual(names(a, 'libvirt_volume', 'docker-data'));
      // MAC, address, WWN, name: every domain attribute but the paths of the new root volumes
      const hashless = (doc: any) => JSON.parse(JSON.stringify(instances(doc, 'libvirt_domain', 'host')).replace(/-root-[0-9a-f]{12}\./g, '-root-HASH.'));
      expect(hashless(b)).toEqual(hashless(a));
      expect(JSON.stringify(instances(b, 'libvirt_domain', 'host'))).not.toEqual(JSON.stringify(instances(a, 'libvirt_domain', 'host')));
      expect(Object.values<any>(instances(a, 'libvirt_domain', 'host')).map((d) => d.network_interface[0].mac)).toHaveLength(3);
    });

    test('changing the update policy re-provisions hosts too (the policy is in the payload)', () => {
      const a = synthFleet(flatcar()).doc;
      const b = synthFleet(flatcar({ updatePolicy: UpdatePolicy.immediate() })).doc;
      expect(resource(b, 'libvirt_volume', 'root').for_each).not.toEqual(resource(a, 'libvirt_volume', 'root').for_each);
    });

    test('zero hosts synthesize the shared resources and empty per-host maps', () => {
      const { doc } = synthFleet(flatcar({ hostCount: 0 }));
      expect(instances(doc, 'libvirt_domain', 'host')).toEqual({});
      expect(instances(doc, 'libvirt_volume', 'docker-data')).toEqual({});
      expect(instances(doc, 'libvirt_ignition', 'ignition')).toEqual({});
      expect(resource(doc, 'libvirt_volume', 'root').for_each).toEqual({});
      expect(doc.resource.libvirt_network).toBeDefined();
    });

    test('synthesis is deterministic: the same input gives byte-identical JSON', () => {
      expect(synthFleet(flatcar()).json).toBe(synthFleet(flatcar()).json);
    });
  });

  describe('snapshots', () => {
    test('Fedora CoreOS from a local image', () => {
      expect(synthFleet({ os: ContainerOs.fedoraCoreOs(), hostCount: 2, hostConfig: hostConfig(), image: LibvirtImage.fromPath(FCOS_PATH) }, 'fcos').json).toMatchSnapshot();
    });

    test('Flatcar with its default image', () => {
      expect(synthFleet({ os: ContainerOs.flatcar(), hostCount: 2, hostConfig: hostConfig() }, 'flatcar').json).toMatchSnapshot();
    });

    test('Alpine with its default image', () => {
      expect(synthFleet({ os: ContainerOs.alpine(), hostCount: 2, hostConfig: hostConfig() }, 'alpine').json).toMatchSnapshot();
    });
  });

  describe('bad input', () => {
    const build = (props: Partial<LibvirtDockerFleetProps>, id = 'fleet') => () => new LibvirtDockerFleet(newStack(), id, { ...flatcar(), ...props } as LibvirtDockerFleetProps);

    test('fails for a compressed image URL (LibvirtImage.fromUrl with .xz)', () => {
      expect(() => LibvirtImage.fromUrl('https://builds.coreos.fedoraproject.org/prod/streams/stable/builds/42.1/x86_64/fedora-coreos-42.1-qemu.x86_64.qcow2.xz'))
        .toThrow(/image: got ".*qcow2\.xz"; libvirt cannot use a compressed image.*LibvirtImage\.fromPath/);
      for (const ext of ['bz2', 'gz', 'zst']) expect(() => LibvirtImage.fromUrl(`https://example.com/disk.qcow2.${ext}`)).toThrow(/compressed image/);
    });

    test('fails for an image URL that is not http(s) or file', () => {
      expect(() => LibvirtImage.fromUrl('ftp://example.com/disk.qcow2')).toThrow(/image: got "ftp:.*expected an http:\/\/, https:\/\/ or file:\/\/ URL/);
      expect(() => LibvirtImage.fromUrl('not a url')).toThrow(FleetConfigError);
    });

    test('fails for a relative image path (LibvirtImage.fromPath)', () => {
      expect(() => LibvirtImage.fromPath('images/fcos.qcow2')).toThrow(/image: got "images\/fcos\.qcow2"; expected an absolute path/);
      expect(() => LibvirtImage.fromPath('/var/lib/libvirt/images/fcos.qcow2.xz')).toThrow(/compressed image/);
    });

    test('fails for Fedora CoreOS without an image, pointing at LibvirtImage.fromPath', () => {
      expect(build({ os: ContainerOs.fedoraCoreOs() })).toThrow(/image: .*compressed.*LibvirtImage\.fromPath/);
    });

    test('fails for Bottlerocket on libvirt', () => {
      expect(build({ os: ContainerOs.bottlerocket() })).toThrow(/platform: got "libvirt"; Bottlerocket .* is not available on this platform/);
      expect(build({ os: ContainerOs.bottlerocket(), image: LibvirtImage.fromPath('/var/lib/libvirt/images/br.qcow2') })).toThrow(/Bottlerocket/);
    });

    test.each(['10.17.3.0', '10.17.3.1/24', '10.17.3.0/30', '10.17.256.0/24', '2001:db8::/64', '10.0.0.0/7', ''])('fails for the networkCidr %p', (cidr) => {
      expect(build({ networkCidr: cidr })).toThrow(/networkCidr: got .*; expected an IPv4 CIDR block in network form with a prefix from \/8 to \/29/);
    });

    test('fails when hostCount exceeds the addresses of the network', () => {
      expect(build({ hostCount: 6, networkCidr: '10.0.0.0/29' })).toThrow(/networkCidr: got "10\.0\.0\.0\/29"; this network has 5 addresses for hosts .* but hostCount is 6/);
    });

    test('fails for memory below the OS minimum', () => {
      expect(build({ os: ContainerOs.fedoraCoreOs(), image: LibvirtImage.fromPath(FCOS_PATH), memoryMiB: 1024 }))
        .toThrow(/memoryMiB: got 1024; Fedora CoreOS \(stable\) needs at least 2048 MiB on libvirt/);
      expect(build({ memoryMiB: 512 })).toThrow(/memoryMiB: got 512; Flatcar Container Linux \(stable\) needs at least 1024 MiB/);
    });

    test('fails for duplicate host names (ignoring case)', () => {
      expect(build({ hostCount: 3, hostNames: ['a', 'b', 'A'] })).toThrow(/hostNames\[2\]: got "A"; the same host name \(ignoring case\) is already used by hostNames\[0\]/);
    });

    test('fails when hostNames and hostCount disagree', () => {
      expect(build({ hostCount: 3, hostNames: ['a', 'b'] })).toThrow(/hostNames: got \["a","b"\]; expected exactly hostCount \(3\) names/);
    });

    test('fails for host names that are not single DNS labels', () => {
      expect(build({ hostCount: 1, hostNames: ['web.example.com'] })).toThrow(/hostNames\[0\]: got "web\.example\.com"; expected a host name that is one DNS label/);
      expect(build({ hostCount: 1, hostNames: ['-web'] })).toThrow(/hostNames\[0\]/);
      expect(build({ hostCount: 1 }, 'my_fleet')).toThrow(/hostNames: got "my_fleet-0"; the default host names are '<construct id>-<n>'/);
    });

    test('fails for a hostCount that is not a non-negative whole number', () => {
      expect(build({ hostCount: -1 })).toThrow(/hostCount: got -1; expected a whole number from 0 to 4096/);
      expect(build({ hostCount: 1e9 })).toThrow(/hostCount: got 1000000000; expected a whole number from 0 to 4096/);
      expect(build({ hostCount: 1.5 })).toThrow(/hostCount: got 1\.5/);
    });

    test('fails for vcpus and sizes out of range', () => {
      expect(build({ vcpus: 0 })).toThrow(/vcpus: got 0; expected a whole number from 1 to 256/);
      expect(build({ vcpus: 257 })).toThrow(/vcpus: got 257/);
      expect(build({ diskSizeGiB: 0 })).toThrow(/diskSizeGiB: got 0/);
      expect(build({ dockerVolumeSizeGiB: 2.5 })).toThrow(/dockerVolumeSizeGiB: got 2\.5/);
    });

    test('fails for poolPath together with poolName, and for a relative poolPath', () => {
      expect(build({ poolName: 'default', poolPath: '/srv/x' })).toThrow(/poolPath: got "\/srv\/x"; cannot be combined with poolName/);
      expect(build({ poolPath: 'relative/dir' })).toThrow(/poolPath: got "relative\/dir"; expected an absolute path/);
    });

    test('fails for bad libvirt names and DNS domains', () => {
      expect(build({ networkName: 'a/b' })).toThrow(/networkName: got "a\/b"; expected a libvirt object name/);
      expect(build({ poolName: '' })).toThrow(/poolName: got ""/);
      expect(build({ domainName: 'bad_domain' })).toThrow(/domainName: got "bad_domain"; expected a DNS domain/);
    });

    test('fails with nothing synthesized half-valid: the error is thrown at construction', () => {
      const stack = newStack();
      expect(() => new LibvirtDockerFleet(stack, 'fleet', { ...flatcar(), networkCidr: 'nope' })).toThrow(FleetConfigError);
    });
  });
});

function stackMessages(stack: TerraformStack, type: string): string[] {
  const out: string[] = [];
  for (const c of stack.node.findAll()) {
    for (const m of c.node.metadata) if (m.type === type) out.push(String(m.data));
  }
  return out;
}

describeWithValidators('LibvirtDockerFleet payloads', () => {
  test('every payload in the synthesized libvirt stacks passes the real validator', () => {
    // also on its own (jest -t): one stack per OS
    synthFleet({ os: ContainerOs.fedoraCoreOs(), hostCount: 2, hostConfig: hostConfig(), image: LibvirtImage.fromPath(FCOS_PATH) });
    synthFleet({ os: ContainerOs.flatcar(), hostCount: 2, hostConfig: hostConfig() });
    synthFleet({ os: ContainerOs.alpine(), hostCount: 2, hostConfig: hostConfig() });
    const payloads = synthesized.flatMap((json) => payloadsOf(JSON.parse(json)));
    expect(payloads.length).toBeGreaterThanOrEqual(6);
    expect(new Set(payloads.map((p) => p.format))).toEqual(new Set([FirstBootFormat.IGNITION, FirstBootFormat.ALPINE_CONFIG]));
    // validate each distinct payload once
    const unique = [...new Map(payloads.map((p) => [p.content, { format: p.format, content: p.content }])).values()];
    expectValid(unique);
  });
});

const terraform = findTerraformBinary();
describeWithTools([['terraform', terraform]])('LibvirtDockerFleet changes through real Terraform (terraform_data stand-ins, test/cli/terraform-standin.ts)', () => {
  test('after applying 3 hosts, planning 4 creates the new host\'s instances and leaves every instance of hosts 0-2 as it is', async () => {
    requireTools([['terraform', terraform]]);
    const three = synthFleet(flatcar({ hostCount: 3 })).doc;
    const four = synthFleet(flatcar({ hostCount: 4 })).doc;
    const s = await standIn(terraform, three);
    try {
      await s.apply();
      s.write(four);
      const actions = plannedActions(await s.plan());
      const changed = Object.entries(actions).filter(([, a]) => a !== 'no-op');
      expect(changed.map(([k]) => k.replace(/_[0-9A-F]{8}\[/, '[')).sort()).toEqual([
        'libvirt_domain.fleet_host["fleet-3"]', 'libvirt_ignition.fleet_ignition["fleet-3"]',
        'libvirt_volume.fleet_docker-data["fleet-3"]', 'libvirt_volume.fleet_root["fleet-3"]',
      ]);
      expect(changed.every(([, a]) => a === 'create')).toBe(true);
      expect(Object.keys(actions).filter((k) => /\["fleet-[012]"\]$/.test(k))).toHaveLength(12);
    } finally {
      s.remove();
    }
  });

  test('after applying, a HostConfig change touches the root and Ignition volumes of every host and no Docker data volume', async () => {
    requireTools([['terraform', terraform]]);
    const a = synthFleet(flatcar()).doc;
    const b = synthFleet(flatcar({ hostConfig: hostConfig((h) => h.addFile({ path: '/etc/motd', content: 'changed\n' })) })).doc;
    const s = await standIn(terraform, a);
    try {
      await s.apply();
      s.write(b);
      const actions = plannedActions(await s.plan());
      const of = (part: string) => Object.entries(actions).filter(([k]) => k.includes(part)).map(([, v]) => v);
      expect(of('_root_')).toEqual(['update', 'update', 'update']);
      expect(of('_ignition_')).toEqual(['update', 'update', 'update']);
      expect(of('_docker-data_')).toEqual(['no-op', 'no-op', 'no-op']);
    } finally {
      s.remove();
    }
  });
});
