/**
 * Property test (fast-check): random valid libvirt fleets and swarms synthesized for
 * dmacvicar/libvirt 0.9.7 match the pinned 0.9.7 schema (names at every depth, required
 * attributes, object or array per nested attribute, native literals), and none of their volumes,
 * pools or networks can be planned as an in-place update 0.9.7 refuses.
 */
import fc from 'fast-check';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import {
  ContainerOs, HostConfig, LibvirtDockerFleet, LibvirtDockerSwarm, LibvirtImage, LibvirtImageFormat, LibvirtProvider09, UpdatePolicy, Weekday,
} from '../../lib';
import { NETWORK_IGNORED_09, POOL_IGNORED_09, VOLUME_IGNORED_09 } from '../../lib/platforms/libvirt/v09/update-rules-09';
import { ED25519_KEY } from '../helpers/fixtures';
import { checkLibvirtSchema } from '../helpers/libvirt-schema';

const RUNS = 40;
const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/);
const os = fc.constantFrom(
  () => ({ os: ContainerOs.flatcar() }),
  () => ({ os: ContainerOs.fedoraCoreOs(), image: LibvirtImage.fromPath('/var/lib/libvirt/images/fcos.qcow2') }),
  () => ({ os: ContainerOs.alpine() }),
  () => ({ os: ContainerOs.flatcar(), image: LibvirtImage.fromUrl('https://example.org/flatcar.img', LibvirtImageFormat.RAW) }),
);
const host = fc.record({
  files: fc.array(fc.record({ name: label, content: fc.string({ maxLength: 60 }) }), { maxLength: 3 }),
  env: fc.dictionary(fc.stringMatching(/^[A-Z][A-Z0-9_]{0,8}$/), fc.string({ maxLength: 30 }).filter((v) => !/[\r\n\0]/.test(v)), { maxKeys: 3 }),
});
const fleet = fc.record({
  os,
  host,
  hostNames: fc.uniqueArray(label, { maxLength: 6, selector: (n) => n.toLowerCase() }),
  memoryMiB: fc.integer({ min: 2048, max: 8192 }),
  vcpus: fc.integer({ min: 1, max: 8 }),
  diskSizeGiB: fc.integer({ min: 10, max: 200 }),
  dockerVolumeSizeGiB: fc.integer({ min: 1, max: 500 }),
  retainDataVolumes: fc.boolean(),
  autostart: fc.boolean(),
  pool: fc.constantFrom<'create' | 'existing' | 'path'>('create', 'existing', 'path'),
  cidr: fc.constantFrom('10.17.3.0/24', '192.168.200.0/28', '172.20.0.0/16', 'token'),
  policy: fc.constantFrom(UpdatePolicy.immediate(), UpdatePolicy.disabled(), UpdatePolicy.maintenanceWindow({ days: [Weekday.SUNDAY], startTime: '03:00', durationMinutes: 60 })),
});

type HostSpec = typeof host extends fc.Arbitrary<infer T> ? T : never;

function hostConfig(h: HostSpec): HostConfig {
  const c = new HostConfig({ sshAuthorizedKeys: [ED25519_KEY] });
  h.files.forEach((f: { name: string; content: string }) => c.addFile({ path: `/srv/${f.name}`, content: f.content }));
  c.addContainer({ name: 'app', image: 'nginx:1.27', environment: h.env });
  return c;
}

/** Problems of a 0.9.7 document: the schema check, plus arguments 0.9.7 could only update in place. */
function problems(json: string): string[] {
  const doc = JSON.parse(json);
  const out = checkLibvirtSchema(doc, { version: '0.9.7' });
  const rules: Record<string, readonly string[]> = { libvirt_volume: VOLUME_IGNORED_09, libvirt_pool: POOL_IGNORED_09, libvirt_network: NETWORK_IGNORED_09 };
  for (const [type, ignored] of Object.entries(rules)) {
    for (const [name, r] of Object.entries<any>(doc.resource?.[type] ?? {})) {
      if (JSON.stringify(r.lifecycle?.ignore_changes) !== JSON.stringify(ignored)) out.push(`${type}.${name}: ignore_changes ${JSON.stringify(r.lifecycle?.ignore_changes)}`);
    }
  }
  return out;
}

describe('random libvirt stacks on dmacvicar/libvirt 0.9.7', () => {
  test('every fleet matches the pinned 0.9.7 schema and ignores what 0.9.7 cannot update', () => {
    fc.assert(fc.property(fleet, (f) => {
      const stack = new TerraformStack(Testing.app(), 'p');
      new LibvirtProvider09(stack, 'libvirt');
      const cidr = f.cidr === 'token' ? new TerraformVariable(stack, 'cidr', { type: 'string' }).stringValue : f.cidr;
      new LibvirtDockerFleet(stack, 'fleet', {
        ...f.os(), hostCount: f.hostNames.length, hostNames: f.hostNames.length ? f.hostNames : undefined, hostConfig: hostConfig(f.host),
        memoryMiB: f.memoryMiB, vcpus: f.vcpus, diskSizeGiB: f.diskSizeGiB, dockerVolumeSizeGiB: f.dockerVolumeSizeGiB,
        retainDataVolumes: f.retainDataVolumes, autostart: f.autostart, updatePolicy: f.policy, networkCidr: cidr,
        ...(f.pool === 'existing' ? { poolName: 'default' } : f.pool === 'path' ? { poolPath: '/srv/vms' } : {}),
      });
      expect(problems(Testing.synth(stack))).toEqual([]);
    }), { numRuns: RUNS });
  });

  test('every swarm matches the pinned 0.9.7 schema', () => {
    fc.assert(fc.property(fc.constantFrom(1, 3, 5), fc.integer({ min: 0, max: 3 }), os, (managerCount, workerCount, o) => {
      const stack = new TerraformStack(Testing.app(), 'p');
      new LibvirtProvider09(stack, 'libvirt');
      new LibvirtDockerSwarm(stack, 'swarm', { ...o(), managerCount, workerCount });
      expect(problems(Testing.synth(stack))).toEqual([]);
    }), { numRuns: 12 });
  });
});
