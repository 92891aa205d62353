/**
 * LibvirtDockerSwarm on dmacvicar/libvirt 0.9.7: the pinned 0.9.7 schema, the token share as a
 * 9p `devices.filesystems` entry per domain, and the same payloads as on 0.8.3.
 */
import { TerraformStack, Testing } from 'cdktf';
import { ContainerOs, HostConfig, LibvirtDockerSwarm, LibvirtDockerSwarmProps, LibvirtImage, LibvirtProviderVersion } from '../../../../lib';
import { SHARE_TAG } from '../../../../lib/swarm/swarm-host';
import { thrownCode } from '../../../helpers/error-codes';
import { expectValidLibvirtStack } from '../../../helpers/libvirt-schema';
import { FCOS_PATH, instancesOf, stackFor } from './fixtures-09';

function synthSwarm(line: '0.8.3' | '0.9.7', props: Partial<LibvirtDockerSwarmProps> = {}): { doc: any; swarm: LibvirtDockerSwarm; stack: TerraformStack } {
  const stack = stackFor(line);
  const swarm = new LibvirtDockerSwarm(stack, 'lab', { os: ContainerOs.flatcar(), managerCount: 3, workerCount: 2, hostConfig: new HostConfig(), ...props });
  const json = Testing.synth(stack);
  expectValidLibvirtStack(json);
  return { doc: JSON.parse(json), swarm, stack };
}

describe('LibvirtDockerSwarm on dmacvicar/libvirt 0.9.7', () => {
  test.each([
    ['Flatcar', () => ContainerOs.flatcar(), undefined],
    ['Fedora CoreOS', () => ContainerOs.fedoraCoreOs(), LibvirtImage.fromPath(FCOS_PATH)],
    ['Alpine', () => ContainerOs.alpine(), undefined],
  ])('a 3-manager / 2-worker %s lab matches the pinned 0.9.7 schema; each domain mounts only its share over 9p', (_n, os, image) => {
    const { doc, swarm } = synthSwarm('0.9.7', { os: os(), image });
    // the default share: under /var/lib/libvirt/docker-swarm, named by the swarm's default name
    const DIR = swarm.tokenDirectory;
    expect(DIR).toMatch(/^\/var\/lib\/libvirt\/docker-swarm\/lab-[0-9a-f]{6}$/);
    expect(swarm.fleet.providerVersion).toBe(LibvirtProviderVersion.V0_9_7);
    const [domain] = Object.values<any>(doc.resource.libvirt_domain);
    expect(domain.filesystem).toBeUndefined();
    expect(domain.devices.filesystems).toEqual([{
      source: { mount: { dir: `\${each.key == "lab-m0" ? "${DIR}" : (contains(["lab-m0", "lab-m1", "lab-m2"], each.key) ? "${DIR}/managers" : "${DIR}/workers")}` } },
      target: { dir: SHARE_TAG }, access_mode: 'mapped', read_only: '${each.key != "lab-m0"}',
    }]);
    // the fleet's own devices are still there next to the share
    expect(domain.devices.disks.length).toBeGreaterThanOrEqual(2);
    expect(domain.devices.interfaces).toHaveLength(1);
    const perNode = instancesOf(doc, domain);
    expect(Object.keys(perNode)).toEqual(['lab-m0', 'lab-m1', 'lab-m2', 'lab-w0', 'lab-w1']);
    expect(perNode['lab-m0'].devices.filesystems[0]).toEqual(expect.objectContaining({ source: { mount: { dir: DIR } }, read_only: false }));
    expect(perNode['lab-m1'].devices.filesystems[0]).toEqual(expect.objectContaining({ source: { mount: { dir: `${DIR}/managers` } }, read_only: true }));
    expect(perNode['lab-w1'].devices.filesystems[0]).toEqual(expect.objectContaining({ source: { mount: { dir: `${DIR}/workers` } }, read_only: true }));
    expect(JSON.stringify(doc)).not.toMatch(/SWMTKN/);
  });

  test('every node gets the payload it gets on 0.8.3, so moving a swarm re-provisions no node', () => {
    const payloads = (doc: any) => {
      const [ign] = Object.values<any>(doc.resource.libvirt_ignition);
      return Object.fromEntries(Object.entries<any>(instancesOf(doc, ign)).map(([k, v]) => [k, v.content]));
    };
    const next = payloads(synthSwarm('0.9.7').doc);
    expect(Object.keys(next)).toHaveLength(5);
    expect(next).toEqual(payloads(synthSwarm('0.8.3').doc));
  });

  test('keeps the 0.8.3 filesystem block on a stack with LibvirtProvider', () => {
    const { doc, swarm } = synthSwarm('0.8.3');
    expect(swarm.fleet.providerVersion).toBe(LibvirtProviderVersion.V0_8_3);
    const [domain] = Object.values<any>(doc.resource.libvirt_domain);
    expect(domain.filesystem).toHaveLength(1);
    expect(domain.devices).toBeUndefined();
  });

  test('fails for a providerVersion other than the stack\'s provider', () => {
    expect(thrownCode(() => synthSwarm('0.8.3', { providerVersion: LibvirtProviderVersion.V0_9_7 }))).toBe('LIBVIRT_PROVIDER_MISMATCH');
  });
});
