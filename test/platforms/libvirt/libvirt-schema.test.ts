import { Fn, TerraformIterator, TerraformStack, Testing, Token } from 'cdktf';
import { CloudinitDisk } from '../../../lib/platforms/libvirt/gen/providers/libvirt/cloudinit-disk';
import { Domain } from '../../../lib/platforms/libvirt/gen/providers/libvirt/domain';
import { Ignition } from '../../../lib/platforms/libvirt/gen/providers/libvirt/ignition';
import { Network } from '../../../lib/platforms/libvirt/gen/providers/libvirt/network';
import { Pool } from '../../../lib/platforms/libvirt/gen/providers/libvirt/pool';
import { Volume } from '../../../lib/platforms/libvirt/gen/providers/libvirt/volume';
import { LibvirtProvider } from '../../../lib/platforms/libvirt/provider';
import { checkLibvirtSchema, expectValidLibvirtStack } from '../../helpers/libvirt-schema';

type Json = Record<string, any>;

/** A hand-written, valid Terraform JSON document using most shapes the checker has to accept. */
function validStack(): Json {
  return {
    terraform: { required_providers: { libvirt: { source: 'dmacvicar/libvirt', version: '0.8.3' } } },
    provider: { libvirt: [{ uri: 'qemu:///system' }, { alias: 'remote', uri: 'qemu+ssh://core@kvm1/system' }] },
    data: {
      libvirt_node_info: { host: { '//': { metadata: { path: 'fleet/host' } } } },
      libvirt_network_dns_host_template: {
        hosts: { for_each: '${var.hosts}', hostname: '${each.key}', ip: '${each.value}' },
      },
    },
    resource: {
      libvirt_pool: {
        fleet: { name: 'fleet', type: 'dir', target: { path: '/var/lib/libvirt/fleet' } },
      },
      libvirt_network: {
        fleet: {
          name: 'fleet',
          mode: 'nat',
          domain: 'fleet.local',
          addresses: ['10.17.3.0/24'],
          autostart: true,
          mtu: '1500', // a numeric string is a number in Terraform JSON
          dhcp: { enabled: 'true' }, // "true" is a bool in Terraform JSON
          dns: [{ enabled: true, local_only: false, hosts: [{ hostname: 'a', ip: '10.17.3.10' }, { hostname: 'b', ip: '10.17.3.11' }] }],
          dnsmasq_options: { options: [{ option_name: 'cname', option_value: 'x,y' }] },
        },
      },
      libvirt_volume: {
        base: { name: 'fcos.qcow2', pool: '${libvirt_pool.fleet.name}', source: '/srv/fcos.qcow2', format: 'qcow2' },
        disk: {
          for_each: '${var.hosts}',
          name: '${each.key}.qcow2',
          pool: '${libvirt_pool.fleet.name}',
          base_volume_id: '${libvirt_volume.base.id}',
          size: 21474836480,
          lifecycle: { create_before_destroy: true },
        },
      },
      libvirt_ignition: {
        ign: { for_each: '${var.hosts}', name: '${each.key}.ign', pool: 'fleet', content: '{"ignition":{"version":"3.3.0"}}' },
      },
      libvirt_cloudinit_disk: {
        init: { name: 'init.iso', user_data: '#cloud-config\n', meta_data: 'instance-id: a\n' },
      },
      libvirt_domain: {
        web_host: {
          '//': { metadata: { path: 'fleet/web_host', uniqueId: 'web_host' } },
          for_each: '${var.hosts}',
          depends_on: ['libvirt_network.fleet'],
          provider: 'libvirt.remote',
          name: '${each.key}',
          memory: 2048,
          vcpu: '2',
          running: true,
          qemu_agent: 'false',
          coreos_ignition: '${libvirt_ignition.ign[each.key].id}',
          fw_cfg_name: 'opt/com.coreos/config',
          cmdline: [{ console: 'ttyS0' }],
          cpu: { mode: 'host-passthrough' },
          disk: [
            { volume_id: '${libvirt_volume.disk[each.key].id}' },
            { volume_id: '${libvirt_volume.base.id}', scsi: true },
          ],
          network_interface: [{ network_id: '${libvirt_network.fleet.id}', hostname: '${each.key}', wait_for_lease: true }],
          console: [
            { type: 'pty', target_port: '0', target_type: 'serial' },
            { type: 'pty', target_port: '1', target_type: 'virtio' },
          ],
          graphics: [{ type: 'vnc', listen_type: 'address' }],
          boot_device: { dev: ['hd', 'network'] },
          timeouts: { create: '10m' },
          dynamic: {
            filesystem: {
              for_each: '${var.shares}',
              content: { source: '${filesystem.value}', target: '${filesystem.key}', readonly: true },
            },
          },
        },
        alpine: {
          name: 'alpine',
          cloudinit: '${libvirt_cloudinit_disk.init.id}',
          network_interface: { network_name: 'fleet', addresses: '${var.alpine_addresses}' },
        },
      },
      // other providers' resources are not this checker's business
      null_resource: { x: { anything: true } },
    },
  };
}

function clone(j: Json): Json {
  return JSON.parse(JSON.stringify(j));
}

/** The problems of the valid stack after `mutate` was applied to a copy of it. */
function problemsAfter(mutate: (j: Json) => void): string[] {
  const j = clone(validStack());
  mutate(j);
  return checkLibvirtSchema(j);
}

const DOMAIN = 'resource.libvirt_domain.web_host';

describe('checkLibvirtSchema', () => {
  test('a valid hand-written stack has no problems', () => {
    expect(checkLibvirtSchema(validStack())).toEqual([]);
  });

  test('a valid stack given as JSON text has no problems', () => {
    expect(checkLibvirtSchema(JSON.stringify(validStack()))).toEqual([]);
    expect(() => expectValidLibvirtStack(JSON.stringify(validStack()))).not.toThrow();
  });

  test('fails an unknown attribute in a nested block and names its path', () => {
    expect(problemsAfter((j) => {
      j.resource.libvirt_domain.web_host.disk[0].volumeId = 'x';
    })).toEqual([`${DOMAIN}.disk[0].volumeId: unknown attribute or block`]);
  });

  test('fails an unknown top-level attribute of a resource', () => {
    expect(problemsAfter((j) => {
      j.resource.libvirt_volume.base.base_image = '/srv/x';
    })).toEqual(['resource.libvirt_volume.base.base_image: unknown attribute or block']);
  });

  test('fails an unknown libvirt resource type', () => {
    expect(problemsAfter((j) => {
      j.resource.libvirt_domian = { x: { name: 'x' } };
    })).toEqual(['resource.libvirt_domian: unknown resource type in dmacvicar/libvirt 0.8.3']);
  });

  test.each([
    ['a boolean for a string', (j: Json) => { j.resource.libvirt_domain.web_host.disk[1].volume_id = true; }, `${DOMAIN}.disk[1].volume_id: expected string, got true`],
    ['a number for a string', (j: Json) => { j.resource.libvirt_domain.web_host.console[0].target_port = 0; }, `${DOMAIN}.console[0].target_port: expected string, got 0`],
    ['a non-numeric string for a number', (j: Json) => { j.resource.libvirt_domain.web_host.memory = 'abc'; }, `${DOMAIN}.memory: expected number, got "abc"`],
    ['a non-boolean string for a bool', (j: Json) => { j.resource.libvirt_domain.web_host.running = 'yes'; }, `${DOMAIN}.running: expected bool, got "yes"`],
    ['a plain string for a list', (j: Json) => { j.resource.libvirt_network.fleet.addresses = '10.17.3.0/24'; }, 'resource.libvirt_network.fleet.addresses: expected list(string), got "10.17.3.0/24"'],
    ['a wrong list element', (j: Json) => { j.resource.libvirt_network.fleet.addresses = ['10.17.3.0/24', 24]; }, 'resource.libvirt_network.fleet.addresses[1]: expected string, got 24'],
    ['a wrong map value in a list of maps', (j: Json) => { j.resource.libvirt_domain.web_host.cmdline = [{ console: false }]; }, `${DOMAIN}.cmdline[0]["console"]: expected string, got false`],
    ['a wrong type inside a dynamic block', (j: Json) => { j.resource.libvirt_domain.web_host.dynamic.filesystem.content.readonly = 'no'; }, `${DOMAIN}.dynamic.filesystem.content.readonly: expected bool, got "no"`],
    ['a wrong provider attribute type', (j: Json) => { j.provider.libvirt[1].uri = 5; }, 'provider.libvirt[1].uri: expected string, got 5'],
  ])('fails %s and names the path', (_what, mutate, expected) => {
    expect(problemsAfter(mutate)).toEqual([expected]);
  });

  test('fails a libvirt_domain without name', () => {
    expect(problemsAfter((j) => {
      delete j.resource.libvirt_domain.web_host.name;
    })).toEqual([`${DOMAIN}.name: missing required attribute`]);
  });

  test('fails a null required attribute and a missing required attribute in a block', () => {
    expect(problemsAfter((j) => {
      j.resource.libvirt_pool.fleet.type = null;
      delete j.resource.libvirt_domain.web_host.console[1].target_port;
    })).toEqual([
      `${DOMAIN}.console[1].target_port: missing required attribute`,
      'resource.libvirt_pool.fleet.type: missing required attribute',
    ]);
  });

  test('fails a provider configuration without uri', () => {
    expect(problemsAfter((j) => {
      j.provider.libvirt = { alias: 'x' };
    })).toEqual(['provider.libvirt.uri: missing required attribute']);
  });

  test('fails a single block given as an array', () => {
    expect(problemsAfter((j) => {
      j.resource.libvirt_domain.web_host.timeouts = [{ create: '10m' }];
    })).toEqual([`${DOMAIN}.timeouts: expected a single block (an object), got an array of 1`]);
  });

  test('fails a string, even an expression, where a block is expected', () => {
    expect(problemsAfter((j) => {
      j.resource.libvirt_domain.web_host.disk = '${var.disks}';
      j.resource.libvirt_domain.web_host.cpu = 'host-passthrough';
    })).toEqual([
      `${DOMAIN}.cpu: expected a block (an object) or an array of blocks, got "host-passthrough"`,
      `${DOMAIN}.disk: expected a block (an object) or an array of blocks, got "\${var.disks}"`,
    ]);
  });

  test('fails a block element that is not an object', () => {
    expect(problemsAfter((j) => {
      j.resource.libvirt_domain.web_host.disk[1] = 'vda';
    })).toEqual([`${DOMAIN}.disk[1]: expected a block (an object), got "vda"`]);
  });

  test('fails too many items for a max_items 1 block', () => {
    expect(problemsAfter((j) => {
      j.resource.libvirt_domain.web_host.graphics = [{ type: 'vnc' }, { type: 'spice' }];
    })).toEqual([`${DOMAIN}.graphics: too many blocks: 2 given, at most 1 allowed`]);
  });

  test('fails a computed-only attribute set by the user', () => {
    expect(problemsAfter((j) => {
      j.data.libvirt_node_info.host.cpu_model = 'EPYC';
    })).toEqual(['data.libvirt_node_info.host.cpu_model: computed-only attribute cannot be set']);
  });

  test('fails a dynamic block for an unknown block type or without content', () => {
    expect(problemsAfter((j) => {
      j.resource.libvirt_domain.web_host.dynamic = {
        disks: { for_each: '${var.x}', content: {} },
        console: { for_each: '${var.x}' },
      };
    })).toEqual([
      `${DOMAIN}.dynamic.console.content: missing required dynamic block argument`,
      `${DOMAIN}.dynamic.disks: unknown block type for dynamic block`,
    ]);
  });

  test('fails a required provider other than dmacvicar/libvirt 0.8.3', () => {
    expect(problemsAfter((j) => {
      j.terraform.required_providers.libvirt = { source: 'hashicorp/libvirt', version: '0.9.7' };
    })).toEqual([
      'terraform.required_providers.libvirt.source: expected "dmacvicar/libvirt", got "hashicorp/libvirt"',
      'terraform.required_providers.libvirt.version: the schema is for 0.8.3, got "0.9.7"',
    ]);
  });

  test('reports every problem of a stack at once, and expectValidLibvirtStack lists them', () => {
    const j = clone(validStack());
    delete j.resource.libvirt_domain.alpine.name;
    j.resource.libvirt_domain.alpine.vcpu = 'two';
    j.resource.libvirt_domain.alpine.network_interface.wait_for_lease = 'sometimes';
    expect(checkLibvirtSchema(j)).toEqual([
      'resource.libvirt_domain.alpine.name: missing required attribute',
      'resource.libvirt_domain.alpine.network_interface.wait_for_lease: expected bool, got "sometimes"',
      'resource.libvirt_domain.alpine.vcpu: expected number, got "two"',
    ]);
    expect(() => expectValidLibvirtStack(j)).toThrow(/found 3 problem\(s\):\n {2}- resource\.libvirt_domain\.alpine\.name: missing/);
  });
});

/** A small fleet built with the generated bindings. */
function synthFleet(tweak?: (host: Domain, alpine: Domain) => void): string {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'fleet');
  new LibvirtProvider(stack, 'libvirt', { uri: 'qemu:///system' });
  const pool = new Pool(stack, 'pool', { name: 'fleet', type: 'dir', target: { path: '/var/lib/libvirt/fleet' } });
  const net = new Network(stack, 'net', {
    name: 'fleet',
    mode: 'nat',
    addresses: ['10.17.3.0/24'],
    dhcp: { enabled: true },
    dns: { enabled: true, localOnly: true },
  });
  const base = new Volume(stack, 'base', { name: 'fcos.qcow2', pool: pool.name, source: '/srv/fcos.qcow2', format: 'qcow2' });

  const hosts = TerraformIterator.fromMap({
    'docker-1': { memory: 2048, vcpu: 2 },
    'docker-2': { memory: 4096, vcpu: 4 },
  });
  const disk = new Volume(stack, 'disk', {
    forEach: hosts,
    name: `${hosts.key}.qcow2`,
    pool: pool.name,
    baseVolumeId: base.id,
    size: 20 * 1024 ** 3,
  });
  const ign = new Ignition(stack, 'ign', {
    forEach: hosts,
    name: `${hosts.key}.ign`,
    pool: pool.name,
    content: JSON.stringify({ ignition: { version: '3.3.0' } }),
  });
  const perHost = (r: { fqn: string }) => Token.asString(Fn.lookupNested(Token.asAny(r.fqn), [hosts.key, 'id']));
  const domain = new Domain(stack, 'host', {
    forEach: hosts,
    name: hosts.key,
    memory: hosts.getNumber('memory'),
    vcpu: hosts.getNumber('vcpu'),
    qemuAgent: true,
    coreosIgnition: perHost(ign),
    disk: [{ volumeId: perHost(disk) }],
    networkInterface: [{ networkId: net.id, hostname: hosts.key, waitForLease: true }],
    console: [
      { type: 'pty', targetPort: '0', targetType: 'serial' },
      { type: 'pty', targetPort: '1', targetType: 'virtio' },
    ],
    graphics: { type: 'vnc', listenType: 'address' },
  });

  const init = new CloudinitDisk(stack, 'init', {
    name: 'alpine-init.iso',
    pool: pool.name,
    userData: '#cloud-config\nhostname: alpine-1\n',
    metaData: 'instance-id: alpine-1\n',
  });
  const alpineDisk = new Volume(stack, 'alpine-disk', { name: 'alpine.qcow2', pool: pool.name, size: 8 * 1024 ** 3 });
  const alpine = new Domain(stack, 'alpine', {
    name: 'alpine-1',
    memory: 1024,
    cloudinit: init.id,
    disk: [{ volumeId: alpineDisk.id }],
    networkInterface: [{ networkName: net.name }],
    console: [{ type: 'pty', targetPort: '0', targetType: 'serial' }],
  });

  tweak?.(domain, alpine);
  return Testing.synth(stack);
}

describe('a stack synthesized with the generated libvirt bindings', () => {
  test('passes the schema check', () => {
    const json = synthFleet();
    expectValidLibvirtStack(json);

    // make sure the check saw what we think it saw
    const doc = JSON.parse(json);
    expect(Object.keys(doc.resource).sort()).toEqual([
      'libvirt_cloudinit_disk', 'libvirt_domain', 'libvirt_ignition', 'libvirt_network', 'libvirt_pool', 'libvirt_volume',
    ]);
    const host = doc.resource.libvirt_domain.host;
    expect(host.for_each).toBeDefined();
    expect(host.disk).toEqual([{ volume_id: '${libvirt_volume.disk[each.key].id}' }]);
    expect(host.coreos_ignition).toBe('${libvirt_ignition.ign[each.key].id}');
    expect(host.console).toHaveLength(2);
    expect(host.graphics).toEqual({ listen_type: 'address', type: 'vnc' });
  });

  test('synthesizing a LibvirtProvider pins dmacvicar/libvirt 0.8.3', () => {
    const doc = JSON.parse(synthFleet());
    expect(doc.terraform.required_providers.libvirt).toEqual({ source: 'dmacvicar/libvirt', version: '0.8.3' });
    expect(doc.provider.libvirt).toEqual([{ uri: 'qemu:///system' }]);
  });

  // (on the domain without for_each: cdktf names a dynamic block's iterator `each`, which would
  // shadow the resource's own `each`)
  test('a dynamic block built from an iterator passes the schema check', () => {
    const json = synthFleet((_host, alpine) => {
      const shares = TerraformIterator.fromMap({ '/srv/data': 'data', '/srv/logs': 'logs' });
      alpine.putFilesystem(shares.dynamic({ source: shares.key, target: shares.value, readonly: true }));
    });
    const dyn = JSON.parse(json).resource.libvirt_domain.alpine.dynamic.filesystem;
    expect(dyn.for_each).toBeDefined();
    expect(dyn.content).toEqual({ readonly: true, source: '${each.key}', target: '${each.value}' });
    expectValidLibvirtStack(json);
  });

  test('fails a dynamic block built from an iterator with camelCase keys', () => {
    const json = synthFleet((_host, alpine) => {
      const nics = TerraformIterator.fromList(['fleet', 'storage']);
      alpine.putNetworkInterface(nics.dynamic({ networkName: nics.value }));
    });
    expect(checkLibvirtSchema(json)).toEqual([
      'resource.libvirt_domain.alpine.dynamic.network_interface.content.networkName: unknown attribute or block',
    ]);
  });

  test('fails when an override adds a wrong attribute to a synthesized domain', () => {
    const json = synthFleet((d) => {
      d.addOverride('vcpu', 'four');
      d.addOverride('autostart_on_boot', true);
    });
    expect(checkLibvirtSchema(json)).toEqual([
      'resource.libvirt_domain.host.autostart_on_boot: unknown attribute or block',
      'resource.libvirt_domain.host.vcpu: expected number, got "four"',
    ]);
    expect(() => expectValidLibvirtStack(json)).toThrow(/autostart_on_boot: unknown attribute or block/);
  });
});
