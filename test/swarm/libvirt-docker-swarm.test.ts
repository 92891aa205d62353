/**
 * LibvirtDockerSwarm: a lab swarm that matches the pinned dmacvicar/libvirt 0.8.3 schema, with the
 * token share as a per-host `filesystem` device and nothing secret in the payloads.
 */
import { TerraformStack, Testing } from 'cdktf';
import { gunzipSync } from 'zlib';
import { FleetConfigError } from '../../lib/core/fleet-config-error';
import { ContainerOs, HostConfig, LibvirtDockerSwarm, LibvirtDockerSwarmProps, LibvirtImage, LibvirtProvider } from '../../lib';
import { SWARM_ENV } from '../../lib/swarm/swarm-script';
import { StackValues } from '../../lib/cli/terraform-eval';
import { expectValidLibvirtStack } from '../helpers/libvirt-schema';
import { describeWithValidators, expectValid } from '../helpers/validators';
import { managerPolicies, slotFiles } from '../../lib/swarm/update-turns';
import { swarmAdditions } from '../../lib/swarm/swarm-host';
import { Platform, UpdatePolicy } from '../../lib';

function synth(props: Partial<LibvirtDockerSwarmProps> = {}): { doc: any; swarm: LibvirtDockerSwarm } {
  const stack = new TerraformStack(Testing.app(), 'lab');
  new LibvirtProvider(stack, 'libvirt', { uri: 'qemu:///system' });
  const swarm = new LibvirtDockerSwarm(stack, 'lab', {
    os: ContainerOs.flatcar(), managerCount: 3, workerCount: 2, hostConfig: new HostConfig(), ...props,
  });
  const json = Testing.synth(stack);
  expectValidLibvirtStack(json);
  return { doc: JSON.parse(json), swarm };
}

describe('LibvirtDockerSwarm', () => {
  test.each([
    ['Flatcar', ContainerOs.flatcar(), 'coreos_ignition'],
    ['Fedora CoreOS', ContainerOs.fedoraCoreOs(), 'coreos_ignition'],
    ['Alpine', ContainerOs.alpine(), 'cloudinit'],
  ])('a 3-manager / 2-worker %s lab matches the pinned schema; each domain mounts only its share', (_n, os, media) => {
    const image = os.name.includes('Fedora') ? LibvirtImage.fromPath('/var/lib/images/fcos.qcow2') : undefined;
    const { doc, swarm } = synth({ os, image });
    expect(swarm.managerNames).toEqual(['lab-m0', 'lab-m1', 'lab-m2']);
    expect(swarm.workerNames).toEqual(['lab-w0', 'lab-w1']);
    const domains = Object.values<any>(doc.resource.libvirt_domain);
    expect(domains).toHaveLength(1);
    const d = domains[0];
    expect(d[media]).toBeDefined();
    expect(d.filesystem).toEqual([{
      source: '${each.key == "lab-m0" ? "/var/lib/libvirt/docker-swarm/lab" : (contains(["lab-m0", "lab-m1", "lab-m2"], each.key) ? "/var/lib/libvirt/docker-swarm/lab/managers" : "/var/lib/libvirt/docker-swarm/lab/workers")}',
      target: 'docker-swarm', accessmode: 'mapped', readonly: '${each.key != "lab-m0"}',
    }]);
    // one network for all nodes; addresses planned from the names
    expect(Object.keys(doc.resource.libvirt_network)).toHaveLength(1);
    expect(Object.keys(swarm.fleet.plannedAddresses).sort()).toEqual(['lab-m0', 'lab-m1', 'lab-m2', 'lab-w0', 'lab-w1']);
    expect(JSON.stringify(doc)).not.toMatch(/SWMTKN/);
  });

  test('the roster in every payload names the first manager as leader and the planned addresses', () => {
    const { doc, swarm } = synth();
    const ign = Object.values<any>(doc.resource.libvirt_ignition)[0];
    // each node's payload as Terraform computes it from the fleet's locals
    const contents = new StackValues(doc.locals).expand(ign) as Record<string, any>;
    expect(Object.keys(contents)).toEqual(['lab-m0', 'lab-m1', 'lab-m2', 'lab-w0', 'lab-w1']);
    const first = JSON.parse(Object.values<any>(contents)[0].content);
    const env = first.storage.files.find((f: any) => f.path === SWARM_ENV);
    const src: string = env.contents.source;
    const raw = src.startsWith('data:,') ? Buffer.from(decodeURIComponent(src.slice(6)), 'utf8') : Buffer.from(src.split(',')[1], 'base64');
    const text = (env.contents.compression === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
    expect(text).toContain("SWARM_LEADER='lab-m0'");
    expect(text).toContain(`SWARM_MANAGERS='lab-m0=${swarm.fleet.plannedAddresses['lab-m0']} lab-m1=${swarm.fleet.plannedAddresses['lab-m1']}`);
    expect(text).toContain("SWARM_BACKEND='share'");
  });

  test('manager counts other than 1, 3, 5 and Bottlerocket are clear errors', () => {
    expect(() => synth({ managerCount: 2 })).toThrow(expect.objectContaining({ code: 'BAD_MANAGER_COUNT' }));
    let err: unknown;
    try { synth({ os: ContainerOs.bottlerocket() }); } catch (e) { err = e; }
    expect(FleetConfigError.isFleetConfigError(err) && (err as FleetConfigError).code).toBe('SWARM_UNSUPPORTED_OS');
  });
});

describeWithValidators('swarm payloads through the real validators', () => {
  test('manager and worker payloads (AWS and libvirt) pass ignition-validate and cloud-init schema', () => {
    const payloads = [];
    for (const os of [ContainerOs.fedoraCoreOs(), ContainerOs.flatcar(), ContainerOs.alpine()]) {
      const policies = managerPolicies(UpdatePolicy.defaultWindow(), 3);
      for (const [platform, settings] of [
        [Platform.AWS, { backend: 'ssm', role: 'manager', managerCount: 3, parameterPath: '/docker-swarm/v', lifecycleHook: 'h', slots: slotFiles(os, Platform.AWS, policies), workerDownMinutes: 60 }],
        [Platform.AWS, { backend: 'ssm', role: 'worker', managerCount: 3, parameterPath: '/docker-swarm/v', slots: [], workerDownMinutes: 60 }],
        [Platform.LIBVIRT, { backend: 'share', role: 'auto', managerCount: 1, managers: [{ name: 'm0', address: '10.0.0.2' }], workers: [], slots: [], workerDownMinutes: 60 }],
      ] as const) {
        const host = new HostConfig()._extend(swarmAdditions(os, settings as any));
        payloads.push(os.renderFirstBoot(host, { platform, hostname: 'node-0' }));
      }
    }
    expectValid(payloads);
  });
});
