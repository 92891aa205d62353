/**
 * LibvirtDockerFleet on dmacvicar/libvirt 0.9.7: every OS with a libvirt image synthesizes for the
 * pinned 0.9.7 schema, with the same hosts, payloads and volume names as on 0.8.3, and nothing a
 * volume, pool or network of the fleet can be planned to update in place (0.9.7 refuses it).
 */
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import {
  ContainerOs, FirstBootFormat, LibvirtDockerFleet, LibvirtProvider09, LibvirtProviderVersion,
} from '../../../../lib';
import { StackValues } from '../../../../lib/cli/terraform-eval';
import { fingerprintOf } from '../../../../lib/core/fingerprint';
import { NETWORK_IGNORED_09, POOL_IGNORED_09, VOLUME_IGNORED_09 } from '../../../../lib/platforms/libvirt/v09/update-rules-09';
import { thrownCode } from '../../../helpers/error-codes';
import { checkLibvirtSchema, loadLibvirtSchema } from '../../../helpers/libvirt-schema';
import { describeWithValidators, expectValid } from '../../../helpers/validators';
import { REQUIRES_REPLACE_09 } from '../../../cli/terraform-standin';
import {
  LIBVIRT_OSES, flatcar, instances, instancesOf, resource, stackFor, synth09, synthOn, webHost,
} from './fixtures-09';

const GIB = 1024 ** 3;

/** Each host's payload as Terraform computes it: Ignition `content` or cloud-init `user_data`. */
function payloads(doc: any): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [type, attr] of [['libvirt_ignition', 'content'], ['libvirt_cloudinit_disk', 'user_data']]) {
    for (const r of Object.values<any>(doc.resource?.[type] ?? {})) {
      for (const [host, v] of Object.entries<any>(instancesOf(doc, r))) out[host] = v[attr];
    }
  }
  return out;
}

/** The settable top-level arguments of a 0.9.7 resource (not computed-only). */
function settable(type: string): string[] {
  const attrs = loadLibvirtSchema('0.9.7').resource_schemas[type].block.attributes ?? {};
  return Object.entries(attrs).filter(([, a]) => a.required || a.optional).map(([k]) => k).sort();
}

describe('LibvirtDockerFleet on dmacvicar/libvirt 0.9.7', () => {
  describe.each(LIBVIRT_OSES)('%s', (_name, os) => {
    test('synthesizes a fleet that matches the pinned 0.9.7 schema and pins provider 0.9.7', () => {
      const { doc, fleet } = synth09({ ...os(), hostCount: 2, hostConfig: webHost() });
      expect(fleet.providerVersion).toBe(LibvirtProviderVersion.V0_9_7);
      expect(doc.terraform.required_providers.libvirt).toEqual({ source: 'dmacvicar/libvirt', version: '0.9.7' });
      expect(Object.keys(doc.resource).sort()).toEqual(expect.arrayContaining(['libvirt_domain', 'libvirt_network', 'libvirt_pool', 'libvirt_volume', 'terraform_data']));
      expect(Object.keys(instances(doc, 'libvirt_domain', 'host'))).toEqual(['fleet-0', 'fleet-1']);
    });

    test('gives every host the payload, volume names, MAC, address and WWN it gets on 0.8.3', () => {
      const props = () => ({ ...os(), hostCount: 3, hostConfig: webHost() });
      const old = synthOn('0.8.3', props()).doc;
      const next = synth09(props()).doc;
      expect(payloads(next)).toEqual(payloads(old));
      expect(Object.keys(payloads(next))).toHaveLength(3);
      const names = (doc: any, id: string) => Object.values<any>(instances(doc, 'libvirt_volume', id)).map((v) => v.name);
      expect(names(next, 'root')).toEqual(names(old, 'root'));
      expect(names(next, 'docker-data')).toEqual(names(old, 'docker-data'));
      expect(resource(next, 'libvirt_volume', 'base').name).toBe(resource(old, 'libvirt_volume', 'base').name);
      const oldDomains = instances(old, 'libvirt_domain', 'host');
      for (const [host, d] of Object.entries<any>(instances(next, 'libvirt_domain', 'host'))) {
        expect(d.devices.interfaces[0].mac.address).toBe(oldDomains[host].network_interface[0].mac);
        expect(d.devices.disks[1].wwn).toBe(oldDomains[host].disk[1].wwn);
      }
    });
  });

  test('fails for Bottlerocket with the error it gets on 0.8.3', () => {
    const props = { os: ContainerOs.bottlerocket(), hostCount: 1 };
    expect(thrownCode(() => new LibvirtDockerFleet(stackFor('0.9.7'), 'fleet', props)))
      .toBe(thrownCode(() => new LibvirtDockerFleet(stackFor('0.8.3'), 'fleet', props)));
  });

  describe('first boot', () => {
    test.each([
      ['Flatcar', () => ({ os: ContainerOs.flatcar() }), 'opt/org.flatcar-linux/config'],
      ['Fedora CoreOS', () => ({ os: ContainerOs.fedoraCoreOs(), image: LIBVIRT_OSES[0][1]().image }), 'opt/com.coreos/config'],
    ])('delivers %s Ignition through a libvirt fw_cfg sysinfo entry reading a 0600 volume uploaded from libvirt_ignition', (_n, os, key) => {
      const { doc } = synth09({ ...os(), hostCount: 2, hostConfig: webHost() });
      const domain = resource(doc, 'libvirt_domain', 'host');
      expect(domain.sys_info).toEqual([{ fw_cfg: { entry: [{
        name: key, value: '', file: '/var/lib/libvirt/images/fleet/${each.key}-ignition-${each.value.hash}.ign',
      }] } }]);
      expect(domain.qemu_commandline).toBeUndefined();
      const ignition = resource(doc, 'libvirt_ignition', 'ignition');
      expect(ignition.pool).toBeUndefined();
      const volume = resource(doc, 'libvirt_volume', 'ignition-volume');
      expect(volume.create).toEqual({ content: { url: expect.stringMatching(/^\$\{local\.fleet_ignition-volume-sources_[0-9A-F]+\[each\.key\]\}$/) } });
      expect(doc.locals[Object.keys(doc.locals).find((k) => k.includes('ignition-volume-sources'))!])
        .toMatch(/^\$\{\{ for key, val in libvirt_ignition\.fleet_ignition_[0-9A-F]+: key => val\.path \}\}$/);
      const domains = instances(doc, 'libvirt_domain', 'host');
      expect(volume.target).toEqual({ format: { type: 'raw' }, permissions: { mode: '0600' } });
      const ign = instances(doc, 'libvirt_ignition', 'ignition');
      const vols = instances(doc, 'libvirt_volume', 'ignition-volume');
      for (const host of ['fleet-0', 'fleet-1']) {
        expect(vols[host].name).toBe(ign[host].name);
        expect(domains[host].sys_info[0].fw_cfg.entry[0].file).toBe(`/var/lib/libvirt/images/fleet/${vols[host].name}`);
        expect(ign[host].name).toBe(`${host}-ignition-${fingerprintOf(ign[host].content)}.ign`);
        expect(JSON.parse(ign[host].content).ignition.version).toBe('3.3.0');
      }
      expect(doc.resource.libvirt_cloudinit_disk).toBeUndefined();
    });

    test('delivers Alpine cloud-config as a NoCloud ISO uploaded 0600 and attached as a read-only SATA cdrom', () => {
      const { doc } = synth09({ os: ContainerOs.alpine(), hostCount: 2, hostConfig: webHost() });
      const domain = resource(doc, 'libvirt_domain', 'host');
      expect(domain.sys_info).toBeUndefined();
      expect(domain.devices.disks[2]).toEqual({
        device: 'cdrom', read_only: true, driver: { name: 'qemu', type: 'raw' }, target: { dev: 'sdb', bus: 'sata' },
        source: { volume: { pool: expect.any(String), volume: '${each.key}-cloudinit-${each.value.hash}.iso' } },
      });
      const iso = instances(doc, 'libvirt_cloudinit_disk', 'cloudinit');
      const vols = instances(doc, 'libvirt_volume', 'cloudinit-volume');
      for (const host of ['fleet-0', 'fleet-1']) {
        const hash = fingerprintOf(iso[host].user_data);
        expect(iso[host].meta_data).toBe(`instance-id: ${host}-${hash}\nlocal-hostname: ${host}\n`);
        expect(vols[host].name).toBe(`${host}-cloudinit-${hash}.iso`);
        expect(vols[host].target).toEqual({ format: { type: 'raw' }, permissions: { mode: '0600' } });
        expect(iso[host].user_data.startsWith('#alpine-config')).toBe(true);
      }
    });
  });

  describe('volumes', () => {
    test('uploads the base volume from the image URL and ignores every later change but its name', () => {
      const { doc } = synth09(flatcar());
      const base = resource(doc, 'libvirt_volume', 'base');
      expect(base).toEqual(expect.objectContaining({
        name: 'fleet-flatcar-container-linux-stable-base.qcow2',
        create: { content: { url: 'https://stable.release.flatcar-linux.net/amd64-usr/current/flatcar_production_qemu_image.img' } },
        target: { format: { type: 'qcow2' } },
        lifecycle: { ignore_changes: VOLUME_IGNORED_09 },
      }));
    });

    test('gives each host a 0600 qcow2 root volume backed by the base, sized in bytes, named after its payload hash, replaced with the disk size or base image', () => {
      const { doc } = synth09(flatcar({ diskSizeGiB: 30 }));
      const root = resource(doc, 'libvirt_volume', 'root');
      expect(root.name).toBe('${each.key}-root-${each.value}.qcow2');
      expect(root.capacity).toBe(30 * GIB);
      expect(root.backing_store).toEqual({ path: expect.stringMatching(/^\$\{libvirt_volume\.fleet_base_[0-9A-F]+\.path\}$/), format: { type: 'qcow2' } });
      expect(root.target).toEqual({ format: { type: 'qcow2' }, permissions: { mode: '0600' } });
      expect(root.lifecycle.ignore_changes).toEqual(VOLUME_IGNORED_09);
      expect(root.lifecycle.replace_triggered_by).toEqual([expect.stringMatching(/^terraform_data\.fleet_root-settings_[0-9A-F]+$/)]);
      expect(resource(doc, 'terraform_data', 'root-settings').input).toEqual({ capacity: 30 * GIB, base_volume: 'fleet-flatcar-container-linux-stable-base.qcow2' });
    });

    test('gives each host a 0600 Docker data volume that only its name replaces, with prevent_destroy when retainDataVolumes is true', () => {
      const data = resource(synth09(flatcar({ dockerVolumeSizeGiB: 50 })).doc, 'libvirt_volume', 'docker-data');
      expect(data).toEqual(expect.objectContaining({
        name: '${each.key}-docker.qcow2', capacity: 50 * GIB, target: { format: { type: 'qcow2' }, permissions: { mode: '0600' } },
        lifecycle: { ignore_changes: VOLUME_IGNORED_09 },
      }));
      expect(data.backing_store).toBeUndefined();
      expect(resource(synth09(flatcar({ retainDataVolumes: true })).doc, 'libvirt_volume', 'docker-data').lifecycle)
        .toEqual({ ignore_changes: VOLUME_IGNORED_09, prevent_destroy: true });
    });

    test('creates a dir pool that ignores later changes, or uses an existing one by name', () => {
      const { doc } = synth09(flatcar({ poolPath: '/srv/vm/fleet' }));
      expect(resource(doc, 'libvirt_pool', 'pool')).toEqual(expect.objectContaining({
        name: 'fleet', type: 'dir', target: { path: '/srv/vm/fleet' }, lifecycle: { ignore_changes: POOL_IGNORED_09 },
      }));
      const existing = synth09(flatcar({ poolName: 'default' }));
      expect(existing.doc.resource.libvirt_pool).toBeUndefined();
      expect(existing.fleet.poolName).toBe('default');
      for (const v of Object.values<any>(existing.doc.resource.libvirt_volume)) expect(v.pool).toBe('default');
    });
  });

  describe('what 0.9.7 can update in place', () => {
    // RequiresReplace per resource: internal/provider/*_resource.go at v0.9.7 (framework plan modifiers)
    test.each([
      ['libvirt_volume', VOLUME_IGNORED_09, []],
      ['libvirt_pool', POOL_IGNORED_09, []],
      ['libvirt_network', NETWORK_IGNORED_09, ['autostart']],
    ] as const)('every settable argument of %s is RequiresReplace, applied in place or ignored by the fleet', (type, ignored, inPlace) => {
      expect([...REQUIRES_REPLACE_09[type], ...ignored, ...inPlace].sort()).toEqual(settable(type));
    });

    test.each(LIBVIRT_OSES)('no volume, pool or network of a %s fleet can be planned as an in-place update', (_n, os) => {
      const { doc } = synth09({ ...os(), hostCount: 2, hostConfig: webHost(), retainDataVolumes: true });
      const rules: Record<string, readonly string[]> = { libvirt_volume: VOLUME_IGNORED_09, libvirt_pool: POOL_IGNORED_09, libvirt_network: NETWORK_IGNORED_09 };
      let checked = 0;
      for (const [type, ignored] of Object.entries(rules)) {
        for (const r of Object.values<any>(doc.resource[type] ?? {})) {
          const updatable = Object.keys(r).filter((k) => settable(type).includes(k) && !REQUIRES_REPLACE_09[type].includes(k) && k !== 'autostart');
          for (const k of updatable) expect(ignored).toContain(k);
          expect(r.lifecycle.ignore_changes).toEqual(ignored);
          checked++;
        }
      }
      expect(checked).toBeGreaterThanOrEqual(5);
    });
  });

  describe('network', () => {
    test('creates a NAT network with the gateway, a DHCP range, local-only DNS and a reservation per host from the locals', () => {
      const { doc, fleet } = synth09(flatcar());
      const net = resource(doc, 'libvirt_network', 'network');
      expect(net).toEqual(expect.objectContaining({
        name: 'fleet', autostart: true, forward: { mode: 'nat' }, domain: { name: 'fleet.internal', local_only: 'yes' }, dns: { enable: 'yes' },
      }));
      expect(net.ips).toEqual([{
        address: '10.17.3.1', prefix: 24,
        dhcp: { ranges: [{ start: '10.17.3.2', end: '10.17.3.254' }], hosts: expect.stringMatching(/^\$\{\[ for key, val in local\.fleet_hosts_[0-9A-F]+: \{ mac = val\.mac, ip = val\.address, name = key \}\]\}$/) },
      }]);
      expect(net.lifecycle.replace_triggered_by).toEqual([expect.stringMatching(/^terraform_data\.fleet_network-settings_[0-9A-F]+$/)]);
      expect(resource(doc, 'terraform_data', 'network-settings').input).toEqual({ cidr: '10.17.3.0/24', domain: 'fleet.internal' });
      // the planned addresses are in the host table the reservations read
      const hosts = new StackValues(doc.locals).evaluate(`\${local.${Object.keys(doc.locals).find((k) => k.includes('_hosts_'))}}`) as any;
      for (const [name, address] of Object.entries(fleet.plannedAddresses)) expect(hosts[name].address).toBe(address);
    });

    test('computes gateway, prefix and range in Terraform and reserves nothing when networkCidr is a token', () => {
      const stack = stackFor('0.9.7');
      const cidr = new TerraformVariable(stack, 'cidr', { type: 'string' });
      const fleet = new LibvirtDockerFleet(stack, 'fleet', flatcar({ networkCidr: cidr.stringValue }));
      const doc = JSON.parse(Testing.synth(stack));
      expect(checkLibvirtSchema(doc)).toEqual([]);
      expect(resource(doc, 'libvirt_network', 'network').ips).toEqual([{
        address: '${cidrhost(var.cidr, 1)}', prefix: '${tonumber(element(split("/", var.cidr), 1))}',
        dhcp: { ranges: [{ start: '${cidrhost(var.cidr, 2)}', end: '${cidrhost(var.cidr, -2)}' }] },
      }]);
      expect(fleet.plannedAddresses).toEqual({});
    });
  });

  describe('domains', () => {
    test('defines one running KVM domain per host with memory in MiB, its disks, MAC, serial console and entropy, replaced with its root volume or network', () => {
      const { doc } = synth09(flatcar({ memoryMiB: 3072, vcpus: 3, autostart: false }));
      const d = resource(doc, 'libvirt_domain', 'host');
      expect(d).toEqual(expect.objectContaining({
        name: '${each.key}', type: 'kvm', memory: 3072, memory_unit: 'MiB', vcpu: 3, running: true, autostart: false,
        os: { type: 'hvm', boot_devices: [{ dev: 'hd' }] }, features: { acpi: true, apic: {} },
        update: { shutdown: { timeout: 300 } }, destroy: { graceful: true, shutdown: { timeout: 300 } },
      }));
      expect(d.lifecycle).toEqual({ replace_triggered_by: [
        expect.stringMatching(/^libvirt_volume\.fleet_root_[0-9A-F]+\[each\.key\]$/), expect.stringMatching(/^terraform_data\.fleet_network-settings_[0-9A-F]+$/),
      ] });
      expect(d.devices.disks.slice(0, 2)).toEqual([
        { source: { volume: { pool: expect.any(String), volume: '${each.key}-root-${each.value.hash}.qcow2' } }, target: { dev: 'vda', bus: 'virtio' }, driver: { name: 'qemu', type: 'qcow2' } },
        { source: { volume: { pool: expect.any(String), volume: '${each.key}-docker.qcow2' } }, target: { dev: 'sda', bus: 'scsi' }, driver: { name: 'qemu', type: 'qcow2' }, wwn: '${each.value.wwn}' },
      ]);
      expect(d.depends_on).toEqual([expect.stringMatching(/^libvirt_volume\.fleet_root_/), expect.stringMatching(/^libvirt_volume\.fleet_docker-data_/),
        expect.stringMatching(/^libvirt_volume\.fleet_ignition-volume_/)]);
      const roots = instances(doc, 'libvirt_volume', 'root');
      for (const [host, v] of Object.entries<any>(instances(doc, 'libvirt_domain', 'host'))) expect(v.devices.disks[0].source.volume.volume).toBe(roots[host].name);
      expect(d.devices.controllers).toEqual([{ type: 'scsi', model: 'virtio-scsi' }]);
      expect(d.devices.interfaces).toEqual([{
        source: { network: { network: expect.stringMatching(/^\$\{libvirt_network\.fleet_network_[0-9A-F]+\.name\}$/) } },
        mac: { address: '${each.value.mac}' }, model: { type: 'virtio' }, wait_for_ip: { timeout: 300, source: 'lease' },
      }]);
      expect(d.devices.consoles).toEqual([{ target: { type: 'serial', port: 0 } }]);
      expect(d.devices.rngs).toEqual([{ model: 'virtio', backend: { random: '/dev/urandom' } }]);
      for (const v of Object.values<any>(instances(doc, 'libvirt_domain', 'host'))) {
        expect(v.devices.interfaces[0].mac.address).toMatch(/^52:54:00(:[0-9A-F]{2}){3}$/);
        expect(v.devices.disks[1].wwn).toMatch(/^5[0-9a-f]{15}$/);
      }
    });

    test('reads each host\'s address back from libvirt\'s DHCP leases for the output and addressOf', () => {
      const { doc, fleet, stack } = synth09(flatcar());
      const data = resource(doc, 'libvirt_domain_interface_addresses', 'addresses', 'data');
      expect(data).toEqual({
        for_each: expect.stringMatching(/^\$\{local\.fleet_hosts_[0-9A-F]+\}$/), source: 'lease',
        domain: expect.stringMatching(/^\$\{local\.fleet_domain-uuids_[0-9A-F]+\[each\.key\]\}$/),
      });
      const out = Object.entries<any>(doc.output).find(([k]) => k.endsWith('host_addresses'))![1];
      expect(out.value).toMatch(/^\$\{\{ for key, val in data\.libvirt_domain_interface_addresses\.fleet_addresses_[0-9A-F]+: key => try\(val\.interfaces\[0\]\.addrs\[0\]\.addr, null\) \}\}$/);
      new TerraformVariable(stack, 'probe', { default: fleet.addressOf('fleet-1') });
      const probe = JSON.parse(Testing.synth(stack)).variable.probe.default;
      expect(probe).toMatch(/^\$\{try\(data\.libvirt_domain_interface_addresses\.fleet_addresses_[0-9A-F]+\["fleet-1"\]\.interfaces\.0\.addrs\.0\.addr, null\)\}$/);
      expect(() => fleet.addressOf('nope')).toThrow(/hostName/);
    });
  });

  describe('choosing the provider version', () => {
    test('follows the stack\'s provider: LibvirtProvider09 gives 0.9.7, LibvirtProvider 0.8.3, none 0.9.7', () => {
      expect(new LibvirtDockerFleet(stackFor('0.9.7'), 'f', flatcar()).providerVersion).toBe('0.9.7');
      expect(new LibvirtDockerFleet(stackFor('0.8.3'), 'f', flatcar()).providerVersion).toBe('0.8.3');
      const none = stackFor('none');
      expect(new LibvirtDockerFleet(none, 'f', flatcar()).providerVersion).toBe('0.9.7');
      expect(JSON.parse(Testing.synth(none)).resource.libvirt_domain).toBeDefined();
    });

    test('0.8.3 chosen explicitly synthesizes byte for byte what a stack with LibvirtProvider always did', () => {
      const implicit = synthOn('0.8.3', flatcar()).json;
      const explicit = synthOn('0.8.3', flatcar({ providerVersion: LibvirtProviderVersion.V0_8_3 })).json;
      expect(explicit).toBe(implicit);
      expect(JSON.parse(explicit).resource.libvirt_domain).toBeDefined();
      expect(explicit).not.toContain('terraform_data');
    });

    test('LibvirtProvider09 synthesizes exactly what the class generated from the 0.9.7 schema does', () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { LibvirtProvider: Generated } = require('../../../../lib/platforms/libvirt/v09/gen/providers/libvirt/provider');
      const synthWith = (make: (s: TerraformStack) => void) => {
        const s = new TerraformStack(Testing.app(), 'p');
        make(s);
        return Testing.synth(s);
      };
      for (const config of [{}, { uri: 'qemu+ssh://core@kvm1/system' }, { uri: 'qemu:///system', alias: 'second' }]) {
        expect(synthWith((s) => new LibvirtProvider09(s, 'libvirt', config))).toBe(synthWith((s) => new Generated(s, 'libvirt', config)));
      }
    });

    test('fails for a providerVersion other than the stack\'s provider, naming both', () => {
      const stack = stackFor('0.8.3');
      let err: any;
      try { new LibvirtDockerFleet(stack, 'f', flatcar({ providerVersion: LibvirtProviderVersion.V0_9_7 })); } catch (e) { err = e; }
      expect(err.code).toBe('LIBVIRT_PROVIDER_MISMATCH');
      expect(err.message).toMatch(/^test\/f: providerVersion: got "0\.9\.7"; the stack's libvirt provider test\/libvirt is dmacvicar\/libvirt 0\.8\.3.*use LibvirtProvider09 for 0\.9\.7/);
      expect(thrownCode(() => new LibvirtDockerFleet(stackFor('0.9.7'), 'f', flatcar({ providerVersion: LibvirtProviderVersion.V0_8_3 })))).toBe('LIBVIRT_PROVIDER_MISMATCH');
    });

    test('fails for a providerVersion that is not a LibvirtProviderVersion', () => {
      let err: any;
      try { new LibvirtDockerFleet(stackFor('none'), 'f', flatcar({ providerVersion: '0.9.2' as any })); } catch (e) { err = e; }
      expect(err.code).toBe('BAD_LIBVIRT_PROVIDER_VERSION');
      expect(err.message).toMatch(/^test\/f: providerVersion: got "0\.9\.2"; allowed values: '0\.8\.3', '0\.9\.7'/);
    });

    test('fails for a stack holding libvirt providers of both versions', () => {
      const stack = stackFor('0.8.3');
      new LibvirtProvider09(stack, 'libvirt09', { alias: 'new' });
      expect(thrownCode(() => new LibvirtDockerFleet(stack, 'f', flatcar()))).toBe('LIBVIRT_PROVIDER_MISMATCH');
    });
  });

  describe('what changes what', () => {
    /** Each for_each resource's instance for `host`, every attribute as Terraform plans it. */
    const perHost = (doc: any, host: string) => {
      const out: Record<string, string> = {};
      for (const section of ['resource', 'data']) {
        for (const [type, rs] of Object.entries<any>(doc[section] ?? {})) {
          for (const [id, r] of Object.entries<any>(rs)) if (r.for_each) out[`${type}.${id}`] = JSON.stringify(instancesOf(doc, r)[host]);
        }
      }
      return out;
    };

    test.each(LIBVIRT_OSES)('going from 3 to 4 hosts leaves the entries of hosts 0-2 byte-identical (%s)', (_n, os) => {
      const three = synth09({ ...os(), hostCount: 3, hostConfig: webHost() }).doc;
      const four = synth09({ ...os(), hostCount: 4, hostConfig: webHost() }).doc;
      for (const host of ['fleet-0', 'fleet-1', 'fleet-2']) {
        const before = perHost(three, host);
        expect(Object.keys(before).length).toBeGreaterThanOrEqual(6);
        expect(perHost(four, host)).toEqual(before);
      }
      const strip = (doc: any) => JSON.stringify(doc.resource, (k, v) => (k === 'for_each' ? undefined : v));
      expect(strip(four)).toBe(strip(three));
    });

    test('changing the HostConfig renames root and first-boot volumes but keeps data volume names, MACs and addresses', () => {
      const a = synth09(flatcar()).doc;
      const b = synth09(flatcar({ hostConfig: webHost((h) => h.addFile({ path: '/etc/motd', content: 'changed\n' })) })).doc;
      const names = (doc: any, id: string) => Object.values<any>(instances(doc, 'libvirt_volume', id)).map((v) => v.name);
      names(a, 'root').forEach((n, i) => expect(names(b, 'root')[i]).not.toBe(n));
      names(a, 'ignition-volume').forEach((n, i) => expect(names(b, 'ignition-volume')[i]).not.toBe(n));
      expect(names(b, 'docker-data')).toEqual(names(a, 'docker-data'));
      // the domains name the new volumes, and nothing else of theirs changes
      const hashless = (doc: any) => JSON.parse(JSON.stringify(instances(doc, 'libvirt_domain', 'host')).replace(/-(root|ignition)-[0-9a-f]{12}\./g, '-$1-HASH.'));
      expect(hashless(b)).toEqual(hashless(a));
    });

    test('synthesis is deterministic: the same input gives byte-identical JSON', () => {
      expect(synth09(flatcar()).json).toBe(synth09(flatcar()).json);
    });
  });

  describe('snapshots', () => {
    test.each(LIBVIRT_OSES)('%s', (_n, os) => {
      expect(synth09({ ...os(), hostCount: 2, hostConfig: webHost() }, 'lab').json).toMatchSnapshot();
    });
  });
});

describeWithValidators('LibvirtDockerFleet 0.9.7 payloads', () => {
  test('every payload of a 0.9.7 fleet passes the real validator', () => {
    const all = LIBVIRT_OSES.flatMap(([, os]) => Object.values(payloads(synth09({ ...os(), hostCount: 2, hostConfig: webHost() }).doc)));
    const typed = [...new Set(all)].map((content) => ({
      content, format: content.startsWith('#alpine-config') ? FirstBootFormat.ALPINE_CONFIG : content.startsWith('#cloud-config') ? FirstBootFormat.CLOUD_CONFIG : FirstBootFormat.IGNITION,
    }));
    expect(typed.length).toBeGreaterThanOrEqual(6);
    expectValid(typed);
  });
});
