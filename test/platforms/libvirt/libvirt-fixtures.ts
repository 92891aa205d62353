/** Stacks the libvirt and evaluator tests share. */
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { ContainerOs, HostConfig, LibvirtProvider } from '../../../lib';
import { fillTemplate, planLibvirtFleet } from '../../../lib/platforms/libvirt/libvirt-fleet-plan';
import { domainsFor, hostLocalsFor, networkFor, volumesFor } from '../../../lib/platforms/libvirt/libvirt-fleet-resources';
import { ED25519_KEY } from '../../helpers/fixtures';

/**
 * A 3-host Flatcar fleet's resources written from a plan without a template, as the fleet
 * writes them when replacing the placeholders would not be exact (each host rendered alone):
 * `local.first-boot` is then a map from host name to payload.
 */
export function perHostPayloadStack(): TerraformStack {
  const s = new TerraformStack(new App({ outdir: '/tmp/unused-outdir' }), 'lab');
  new LibvirtProvider(s, 'libvirt', { uri: 'qemu:///system' });
  const planned = planLibvirtFleet('lab', 'lab/lab', { os: ContainerOs.flatcar(), hostCount: 3, hostConfig: new HostConfig({ sshAuthorizedKeys: [ED25519_KEY] }) });
  const plan = { ...planned, firstBootTemplate: undefined, hosts: planned.hosts.map((h) => ({ ...h, content: fillTemplate(planned.firstBootTemplate!, h.name, h.wwn) })) };
  const fleet = new Construct(s, 'lab');
  const locals = hostLocalsFor(fleet, plan);
  const volumes = volumesFor(fleet, plan, 'default', locals);
  domainsFor(fleet, plan, 'default', networkFor(fleet, plan), volumes, locals);
  return s;
}
