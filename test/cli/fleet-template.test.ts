/**
 * lib/cli/fleet-template.ts: a libvirt fleet's payloads read from one decoded template give, host
 * by host, what reading each host's payload on its own gives.
 */
import { App, Testing, TerraformStack } from 'cdktf';
import { ContainerOs, LibvirtDockerFleet, LibvirtProvider } from '../../lib';
import { fleetTemplate } from '../../lib/cli/fleet-template';
import { hostView } from '../../lib/cli/host-view';
import { StackValues, Value } from '../../lib/cli/terraform-eval';
import { richHostConfig } from '../helpers/fixtures';
import { perHostPayloadStack } from '../platforms/libvirt/libvirt-fixtures';

function ignitionOf(doc: any): { values: StackValues; content: unknown; each: Record<string, Value> } {
  const values = new StackValues(doc.locals);
  const r = Object.values<any>(doc.resource.libvirt_ignition)[0];
  return { values, content: r.content, each: values.instances(r) as Record<string, Value> };
}

function fleetDoc(hostNames: string[]): any {
  const stack = new TerraformStack(new App(), 'lab');
  new LibvirtProvider(stack, 'libvirt', { uri: 'qemu:///system' });
  new LibvirtDockerFleet(stack, 'web', { os: ContainerOs.flatcar(), hostCount: hostNames.length, hostNames, hostConfig: richHostConfig() });
  return JSON.parse(Testing.synth(stack));
}

describe('fleetTemplate', () => {
  test('gives every host the payload and the decoded view that reading that host alone gives, with its own name in it', () => {
    const hosts = ['web-a', 'web-b', 'web-c', 'db-1'];
    const { values, content, each } = ignitionOf(fleetDoc(hosts));
    const template = fleetTemplate(values, content, each, 'lab: web');
    expect(template).toBeDefined();
    for (const host of hosts) {
      const text = values.evaluate(content, { key: host, value: each[host] }) as string;
      const read = template!.host(host)!;
      expect(read.text).toBe(text);
      expect(read.view).toEqual(hostView(text, `lab: web host ${host}`));
      expect(JSON.stringify(read.view)).toContain(host);
      for (const other of hosts.filter((h) => h !== host)) expect(JSON.stringify(read.view)).not.toContain(`"${other}`);
    }
  });

  test('leaves hosts to be read on their own when the fleet writes one payload per host (no template)', () => {
    const doc = JSON.parse(Testing.synth(perHostPayloadStack()));
    const { values, content, each } = ignitionOf(doc);
    const template = fleetTemplate(values, content, each, 'lab: lab');
    for (const host of Object.keys(each)) expect(template?.host(host)).toBeUndefined();
  });
});
