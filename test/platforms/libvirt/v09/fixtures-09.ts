/** What the dmacvicar/libvirt 0.9.7 fleet tests share: stacks on either provider line, and the values Terraform would plan. */
import { TerraformStack, Testing } from 'cdktf';
import {
  ContainerOs, HostConfig, LibvirtDockerFleet, LibvirtDockerFleetProps, LibvirtImage, LibvirtProvider, LibvirtProvider09,
} from '../../../../lib';
import { StackValues, Unknown } from '../../../../lib/cli/terraform-eval';
import { expectValidLibvirtStack } from '../../../helpers/libvirt-schema';
import { ED25519_KEY } from '../../../helpers/fixtures';

export const FCOS_PATH = '/var/lib/libvirt/images/fedora-coreos.qcow2';

/** The three OSes with a libvirt image, as fleet props (Fedora CoreOS from a local image). */
export const LIBVIRT_OSES: [string, () => Pick<LibvirtDockerFleetProps, 'os' | 'image'>][] = [
  ['Fedora CoreOS', () => ({ os: ContainerOs.fedoraCoreOs(), image: LibvirtImage.fromPath(FCOS_PATH) })],
  ['Flatcar', () => ({ os: ContainerOs.flatcar() })],
  ['Alpine', () => ({ os: ContainerOs.alpine() })],
];

export function webHost(extra?: (h: HostConfig) => void): HostConfig {
  const h = new HostConfig({ sshAuthorizedKeys: [ED25519_KEY] });
  h.addContainer({ name: 'web', image: 'nginx:1.27', ports: ['80:80'] });
  extra?.(h);
  return h;
}

export const flatcar = (more: Partial<LibvirtDockerFleetProps> = {}): LibvirtDockerFleetProps =>
  ({ os: ContainerOs.flatcar(), hostCount: 3, hostConfig: webHost(), ...more });

export type Line = '0.8.3' | '0.9.7';

/** A stack with the libvirt provider of a line (or none). */
export function stackFor(line: Line | 'none'): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'test');
  if (line === '0.8.3') new LibvirtProvider(stack, 'libvirt', { uri: 'qemu:///system' });
  if (line === '0.9.7') new LibvirtProvider09(stack, 'libvirt', { uri: 'qemu:///system' });
  return stack;
}

/** Synthesizes one fleet on a line, checks it against that line's pinned schema, and returns the JSON. */
export function synthOn(line: Line, props: LibvirtDockerFleetProps, id = 'fleet'): { json: string; doc: any; fleet: LibvirtDockerFleet; stack: TerraformStack } {
  const stack = stackFor(line);
  const fleet = new LibvirtDockerFleet(stack, id, props);
  const json = Testing.synth(stack);
  expectValidLibvirtStack(json);
  return { json, doc: JSON.parse(json), fleet, stack };
}

export const synth09 = (props: LibvirtDockerFleetProps, id?: string) => synthOn('0.9.7', props, id);

/** The one resource of a type in a synthesized document, by a part of its logical id. */
export function resource(doc: any, type: string, idPart: string, section = 'resource'): any {
  const entries = Object.entries(doc[section]?.[type] ?? {}).filter(([k]) => k.includes(`_${idPart}_`));
  if (entries.length !== 1) throw new Error(`expected one ${type} with '${idPart}' in its id, found ${entries.length}`);
  return entries[0][1];
}

/** The instances of a for_each resource as Terraform plans them: host name → attributes (unknowns as text). */
export function instancesOf(doc: any, r: any): Record<string, any> {
  const v = new StackValues(doc.locals ?? {}).expand(r);
  if (v instanceof Unknown) throw new Error(`for_each is not known before apply: ${v.reference}`);
  return JSON.parse(JSON.stringify(v, (_k, x) => (x instanceof Unknown ? String(x) : x)));
}

export function instances(doc: any, type: string, idPart: string): Record<string, any> {
  return instancesOf(doc, resource(doc, type, idPart));
}
