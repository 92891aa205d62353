/**
 * What a change to a dmacvicar/libvirt 0.9.7 fleet does, planned by real Terraform on stand-ins
 * (test/cli/terraform-standin.ts) that follow 0.9.7's update rules: its RequiresReplace arguments
 * replace, the fleet's `ignore_changes` and `replace_triggered_by` apply. After each change no
 * volume or pool may be planned as an in-place update (0.9.7 refuses every one at apply) and no
 * Docker data volume may be replaced or destroyed.
 */
import { LibvirtImage, LibvirtImageFormat } from '../../../../lib';
import { describeWithTools, requireTools } from '../../../helpers/tools';
import { StandIn, findTerraformBinary, plannedActions, standIn } from '../../../cli/terraform-standin';
import { flatcar, synth09, webHost } from './fixtures-09';

const terraform = findTerraformBinary();

/** Planned actions without the logical ids' hash: `libvirt_volume.fleet_root["fleet-0"]` → action. */
function actionsOf(plan: any): Record<string, string> {
  return Object.fromEntries(Object.entries(plannedActions(plan)).map(([k, v]) => [k.replace(/_[0-9A-F]{8}(\[|$)/, '$1'), v]));
}

/** The instances planned with an action other than no-op, sorted. */
function changed(actions: Record<string, string>): string[] {
  return Object.entries(actions).filter(([, a]) => a !== 'no-op').map(([k, a]) => `${k} ${a}`).sort();
}

/** No volume or pool is updated in place, and no Docker data volume is replaced or destroyed. */
function expectSafe(actions: Record<string, string>): void {
  for (const [k, a] of Object.entries(actions)) {
    if (/^libvirt_(volume|pool)\./.test(k)) expect(`${k} ${a}`).not.toMatch(/ update$/);
    if (k.includes('_docker-data')) expect(`${k} ${a}`).toMatch(/ (no-op|create)$/);
  }
}

const hosts = (...names: string[]) => (res: string) => names.map((h) => `${res}["${h}"]`);

describeWithTools([['terraform', terraform]])('LibvirtDockerFleet 0.9.7 changes through real Terraform (stand-ins with 0.9.7\'s update rules)', () => {
  let s: StandIn;

  beforeAll(async () => {
    requireTools([['terraform', terraform]]);
    s = await standIn(terraform, synth09(flatcar()).doc);
    await s.apply();
  }, 300000);

  afterAll(() => s?.remove());

  const planOf = async (doc: any) => {
    s.write(doc);
    const actions = actionsOf(await s.plan());
    expectSafe(actions);
    return actions;
  };

  test('planning the same fleet again changes nothing', async () => {
    expect(changed(await planOf(synth09(flatcar()).doc))).toEqual([]);
  });

  test('adding a host creates only its instances: the network and hosts 0-2 stay', async () => {
    const actions = await planOf(synth09(flatcar({ hostCount: 4 })).doc);
    expect(changed(actions)).toEqual([
      'libvirt_domain.fleet_host["fleet-3"] create', 'libvirt_ignition.fleet_ignition["fleet-3"] create',
      'libvirt_volume.fleet_docker-data["fleet-3"] create', 'libvirt_volume.fleet_ignition-volume["fleet-3"] create',
      'libvirt_volume.fleet_root["fleet-3"] create',
    ]);
  });

  test('a HostConfig change re-provisions every host: new root volume, first-boot media and domain, the same data volume', async () => {
    const actions = await planOf(synth09(flatcar({ hostConfig: webHost((h) => h.addFile({ path: '/etc/motd', content: 'changed\n' })) })).doc);
    const all = hosts('fleet-0', 'fleet-1', 'fleet-2');
    expect(changed(actions)).toEqual([
      ...all('libvirt_domain.fleet_host'), ...all('libvirt_ignition.fleet_ignition'),
      ...all('libvirt_volume.fleet_ignition-volume'), ...all('libvirt_volume.fleet_root'),
    ].map((k) => `${k} delete+create`).sort());
  });

  test('a new root disk size replaces every root volume and domain through root-settings, and no data volume', async () => {
    const actions = await planOf(synth09(flatcar({ diskSizeGiB: 40 })).doc);
    const all = hosts('fleet-0', 'fleet-1', 'fleet-2');
    expect(changed(actions)).toEqual([
      ...[...all('libvirt_domain.fleet_host'), ...all('libvirt_volume.fleet_root')].map((k) => `${k} delete+create`),
      'terraform_data.fleet_root-settings update',
    ].sort());
  });

  test('a new Docker data volume size or image URL changes nothing on existing hosts', async () => {
    expect(changed(await planOf(synth09(flatcar({ dockerVolumeSizeGiB: 80 })).doc))).toEqual([]);
    const url = LibvirtImage.fromUrl('https://example.org/flatcar-4152.2.3.img');
    expect(changed(await planOf(synth09(flatcar({ image: url })).doc))).toEqual([]);
  });

  test('another image format replaces the base volume, and with it every root volume and domain', async () => {
    const raw = LibvirtImage.fromUrl('https://stable.release.flatcar-linux.net/amd64-usr/current/flatcar_production_qemu_image.img', LibvirtImageFormat.RAW);
    const actions = await planOf(synth09(flatcar({ image: raw })).doc);
    expect(actions['libvirt_volume.fleet_base']).toBe('delete+create');
    expect(actions['terraform_data.fleet_root-settings']).toBe('update');
    for (const k of hosts('fleet-0', 'fleet-1', 'fleet-2')('libvirt_volume.fleet_root')) expect(actions[k]).toBe('delete+create');
  });

  test('a new network CIDR or DNS domain replaces the network and every domain (plugged into the new bridge), and no volume', async () => {
    for (const more of [{ networkCidr: '10.17.9.0/24' }, { domainName: 'lab.example' }]) {
      const actions = await planOf(synth09(flatcar(more)).doc);
      expect(changed(actions)).toEqual([
        ...hosts('fleet-0', 'fleet-1', 'fleet-2')('libvirt_domain.fleet_host').map((k) => `${k} delete+create`),
        'libvirt_network.fleet_network delete+create', 'terraform_data.fleet_network-settings update',
      ].sort());
    }
  });
});
