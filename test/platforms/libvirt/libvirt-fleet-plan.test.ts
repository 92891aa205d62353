/**
 * One render per libvirt fleet (lib/platforms/libvirt/libvirt-fleet-plan.ts): each host's payload,
 * as Terraform computes it from the fleet's template, is what rendering that host alone gives.
 */
import { App, TerraformStack, Testing } from 'cdktf';
import {
  ContainerOs, FirstBootFormat, HostConfig, LibvirtDockerFleet, LibvirtImage, LibvirtProvider, OsFeature, Platform,
} from '../../../lib';
import { StackValues } from '../../../lib/cli/terraform-eval';
import { findTerraformBinary, plannedInputs, standIn } from '../../cli/terraform-standin';
import { richHostConfig } from '../../helpers/fixtures';
import { describeWithTools, requireTools } from '../../helpers/tools';

describe('libvirt payloads rendered once per fleet', () => {
  const names = ['a', 'x'.repeat(63), '123', 'true', 'NULL', 'host-with-hyphens'];
  const cases = [
    ['Flatcar', () => ContainerOs.flatcar(), undefined],
    ['Fedora CoreOS', () => ContainerOs.fedoraCoreOs(), LibvirtImage.fromPath('/var/lib/libvirt/images/fcos.qcow2')],
    ['Alpine tiny', () => ContainerOs.alpine(), undefined],
    ['Alpine cloud-init', () => ContainerOs.alpine({ bootstrap: 'cloudinit' as any }), undefined],
  ] as const;

  /** A fleet of `names` and, per host, the payload rendering that host alone gives (with its data disk's WWN). */
  function fleet(os: () => ContainerOs, image: LibvirtImage | undefined):
  { doc: any; attr: string; alone: (name: string, wwn: string) => string } {
    const s = new TerraformStack(new App({ outdir: '/tmp/unused-outdir' }), 'lab');
    new LibvirtProvider(s, 'libvirt', { uri: 'qemu:///system' });
    const host = richHostConfig({ units: os().canExpress(OsFeature.SYSTEMD_UNITS) });
    new LibvirtDockerFleet(s, 'lab', { os: os(), hostCount: names.length, hostNames: names, hostConfig: host, image });
    const doc = JSON.parse(Testing.synth(s));
    const alone = (name: string, wwn: string) => os()._render(host._toModel(), host._fragments(), Platform.LIBVIRT, undefined, {
      defaults: {
        ...new HostConfig()._toModel(),
        dockerDataVolume: {
          device: os()._traits(Platform.LIBVIRT).dataVolume.kind === 'by-disk-id' ? `/dev/disk/by-id/wwn-0x${wwn}` : undefined,
          label: 'docker-data', fileSystem: 'ext4', mountPoint: '/var/lib/docker',
        },
      },
      overrides: { ...new HostConfig()._toModel(), hostname: name },
    }).content;
    return { doc, attr: doc.resource.libvirt_ignition ? 'content' : 'user_data', alone };
  }

  test.each(cases)('%s: each host receives exactly what rendering it alone gives', (_n, os, image) => {
    const { doc, attr, alone } = fleet(os, image);
    // the payloads are Terraform expressions over the fleet's template (lib/cli/terraform-eval.ts
    // evaluates them as Terraform does; the test below runs Terraform itself)
    const values = new StackValues(doc.locals);
    const media = Object.values<any>(doc.resource.libvirt_ignition ?? doc.resource.libvirt_cloudinit_disk)[0];
    const entries = values.expand(media) as Record<string, any>;
    const domains = values.expand(Object.values<any>(doc.resource.libvirt_domain)[0]) as Record<string, any>;
    expect(Object.keys(entries).sort()).toEqual([...names].sort());
    for (const name of names) {
      const wwn = domains[name].disk[1].wwn;
      expect(wwn).toMatch(/^5[0-9a-f]{15}$/);
      expect(entries[name][attr]).toBe(alone(name, wwn));
    }
    expect(os().firstBootFormat).not.toBe(FirstBootFormat.BOTTLEROCKET_TOML);
  });

  const terraform = findTerraformBinary();
  describeWithTools([['terraform', terraform]])('through real Terraform', () => {
    test.each(cases)('%s: the payload Terraform computes for each host is exactly what rendering it alone gives', async (_n, os, image) => {
      requireTools([['terraform', terraform]]);
      const { doc, attr, alone } = fleet(os, image);
      const s = await standIn(terraform, doc);
      try {
        const planned = plannedInputs(await s.plan());
        const media = Object.entries(planned).find(([k]) => /^libvirt_(ignition|cloudinit_disk)\./.test(k))![1];
        const domains = Object.entries(planned).find(([k]) => k.startsWith('libvirt_domain.'))![1];
        expect(Object.keys(media).sort()).toEqual([...names].sort());
        for (const name of names) expect(media[name][attr]).toBe(alone(name, domains[name].disk[1].wwn));
      } finally {
        s.remove();
      }
    });
  });
});
