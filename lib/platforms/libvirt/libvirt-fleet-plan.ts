/**
 * The plan step of `LibvirtDockerFleet` (pure: props in, a plain plan out, no resources): every
 * prop checked (all problems of the fleet reported together), host names, addresses, MACs and
 * WWNs derived from the names, and each host's first-boot payload with its hash.
 *
 * The payload is rendered once per fleet, with placeholders for what differs per host (its name
 * and its data disk's WWN), and each host's payload is the template with its own values put in.
 * A second, real render of the first host proves the substitution exact; if it ever differed
 * (a placeholder hidden inside compressed content) every host is rendered on its own instead,
 * and the plan has no template. So the cost per host is a string replace and a hash, not a
 * render, and the resources can leave the replace to Terraform (`firstBootTemplate`).
 */
import { Token } from 'cdktf';
import { HostConfig, requireHostConfig } from '../../bootconfig/host-config';
import { CoreErrors } from '../../core/errors';
import { rejectUnknownProps } from '../../core/unknown-props';
import { LibvirtErrors } from './errors';
import type { FleetConfigError } from '../../core/fleet-config-error';
import { Problems } from '../../core/problems';
import { requireAbsolutePath, requireArray, requireBoolean, requireInteger } from '../../core/validation';
import { ContainerOs, requireContainerOs } from '../../os/container-os';
import { Platform } from '../../os/enums';
import { LibvirtTraits } from '../../os/libvirt-traits';
import { UpdatePolicy, requirePolicy } from '../../os/update-policy';
import { libvirtBaseVolumeName } from './artefact-names';
import { dataDiskWwn, parseLibvirtCidr, payloadHash, planAddresses, planMacs } from './host-identity';
import type { LibvirtDockerFleetProps } from './libvirt-docker-fleet-props';
import { LibvirtImage } from './libvirt-image';

const DEFAULT_CIDR = '10.17.3.0/24';
const DNS_LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;
const LIBVIRT_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/;
/** More hosts than a /8 network holds make no sense on one libvirt host (and would exhaust memory). */
export const MAX_LIBVIRT_HOSTS = 4096;

/** One host of the plan. */
export interface LibvirtHostPlan {
  readonly name: string;
  readonly mac: string;
  /** undefined when the network CIDR is a token (DHCP assigns addresses) */
  readonly address?: string;
  readonly wwn: string;
  /**
   * The first-boot payload, as the host receives it, when the plan has no `firstBootTemplate`;
   * with one, the payload is `fillTemplate(firstBootTemplate, name, wwn)`.
   */
  readonly content?: string;
  /** the payload's hash (`fingerprintOf(payload)`): it names the host's root volume and first-boot media */
  readonly hash: string;
}

export interface LibvirtFleetPlan {
  readonly os: ContainerOs;
  readonly traits: LibvirtTraits;
  readonly image: LibvirtImage;
  readonly baseVolumeName: string;
  readonly hosts: LibvirtHostPlan[];
  readonly plannedAddresses: { [hostName: string]: string };
  readonly memoryMiB: number;
  readonly vcpus: number;
  readonly diskSizeGiB: number;
  readonly dataSizeGiB: number;
  readonly retainDataVolumes: boolean;
  readonly autostart: boolean;
  /** an existing pool to use, or undefined: the fleet creates `createPool` */
  readonly existingPool?: string;
  readonly createPool?: { readonly name: string; readonly path: string };
  readonly networkName: string;
  readonly domainName: string;
  readonly cidr: string;
  /**
   * Every host's payload as one text: `HOST_MARK` where the host's name goes and `WWN_MARK` where
   * its data disk's WWN goes (each host's `content` is exactly that replace). Undefined when the
   * replace would not be exact, and each host's `content` is then its own render.
   */
  readonly firstBootTemplate?: string;
  readonly warnings: string[];
  readonly infos: string[];
}

/** The props the fleet knows (its props interface's members): any other is refused, with a suggestion. */
export const LIBVIRT_FLEET_PROPS: readonly string[] = [
  'os', 'hostCount', 'hostNames', 'hostConfig', 'updatePolicy', 'image', 'memoryMiB', 'vcpus', 'diskSizeGiB',
  'dockerVolumeSizeGiB', 'retainDataVolumes', 'poolName', 'poolPath', 'networkName', 'networkCidr', 'domainName', 'autostart',
  'providerVersion',
];

/**
 * Checks the props and decides the fleet (see the file comment). `path` is the construct path, for
 * messages; `report` is told of the error thrown for bad props.
 */
export function planLibvirtFleet(id: string, path: string, props: LibvirtDockerFleetProps, report?: (error: FleetConfigError) => void): LibvirtFleetPlan {
  return Problems.collect(path, (problems) => {
    if (props === null || typeof props !== 'object') throw CoreErrors.notAnObject('props', props);
    rejectUnknownProps(props, LIBVIRT_FLEET_PROPS);
    return checkProps(id, path, props, problems);
  }, report);
}

function checkProps(id: string, path: string, props: LibvirtDockerFleetProps, p: Problems): LibvirtFleetPlan {
  const warnings: string[] = [];
  const infos: string[] = [];
  const what = whatToRun(p, props);
  const sizes = checkSizes(p, props, what);
  const names = checkNames(p, props, id, sizes.hostCount);
  const network = checkNetwork(p, props, names.hostNames, infos);
  p.throwIfAny();
  const boot = planFirstBoot(p, path, what, names.hostNames, warnings);
  const macs = planMacs(names.hostNames);
  const hosts = names.hostNames.map((name): LibvirtHostPlan => {
    const wwn = dataDiskWwn(name);
    const content = boot.payloadOf(name, wwn);
    // the payload itself is kept only without a template (then it is what the resources write)
    return {
      name, mac: macs.get(name)!, address: network.plannedAddresses[name], wwn, hash: payloadHash(content),
      ...(boot.template === undefined ? { content } : {}),
    };
  });
  const { os, traits, image } = what;
  return {
    os, traits, image, baseVolumeName: libvirtBaseVolumeName(id, os.name, os.channel, image.format), hosts,
    plannedAddresses: network.plannedAddresses, memoryMiB: sizes.memoryMiB, vcpus: sizes.vcpus, diskSizeGiB: sizes.diskSizeGiB,
    dataSizeGiB: sizes.dataSizeGiB, retainDataVolumes: sizes.retainDataVolumes, autostart: sizes.autostart,
    existingPool: names.existingPool, createPool: names.createPool,
    networkName: names.networkName, domainName: names.domainName, cidr: network.cidr, firstBootTemplate: boot.template, warnings, infos,
  };
}

/** What the hosts run: the OS (which must run on libvirt), its image, config and update policy. */
function whatToRun(p: Problems, props: LibvirtDockerFleetProps) {
  const os = p.run(() => requireContainerOs('os', props.os));
  // The OS decides first: Bottlerocket (no libvirt record) fails here with its own message.
  const traits = p.run(() => os._traits(Platform.LIBVIRT));
  const image = p.check(() => {
    if (props.image !== undefined && !(props.image instanceof LibvirtImage)) {
      throw CoreErrors.notOneOf('image', props.image, ['LibvirtImage.fromUrl(url)', 'LibvirtImage.fromPath(path)']);
    }
    return props.image ?? LibvirtImage.ofOs(os);
  }, undefined as unknown as LibvirtImage);
  const host = p.check(() => requireHostConfig('hostConfig', props.hostConfig), new HostConfig());
  const policy = p.optional<UpdatePolicy | undefined>('updatePolicy', props.updatePolicy, undefined, (_, v) => requirePolicy(v));
  return { os, traits, image, host, policy };
}

/** The host count (a literal: hosts are keyed by name at synth time) and each host's size. */
function checkSizes(p: Problems, props: LibvirtDockerFleetProps, what: ReturnType<typeof whatToRun>) {
  const hostCount = p.run(() => {
    if (Token.isUnresolved(props.hostCount)) throw CoreErrors.literalRequired('hostCount', props.hostCount,
      'hosts are keyed by name at synth time');
    return requireInteger('hostCount', props.hostCount, 0, MAX_LIBVIRT_HOSTS);
  });
  const { minMemoryMiB } = what.traits;
  const memoryMiB = p.optional('memoryMiB', props.memoryMiB, Math.max(2048, minMemoryMiB), (name, v) => {
    const m = requireInteger(name, v, 1);
    if (m < minMemoryMiB) throw LibvirtErrors.memoryBelowMinimum(what.os.displayName, v, minMemoryMiB);
    return m;
  });
  const vcpus = p.optional('vcpus', props.vcpus, 2, (name, v) => requireInteger(name, v, 1, 256));
  const diskSizeGiB = p.optional('diskSizeGiB', props.diskSizeGiB, 20, (name, v) => requireInteger(name, v, 1, 65536));
  const dataSizeGiB = p.optional('dockerVolumeSizeGiB', props.dockerVolumeSizeGiB, 20, (name, v) => requireInteger(name, v, 1, 65536));
  const retainDataVolumes = p.optional('retainDataVolumes', props.retainDataVolumes, false, requireBoolean);
  const autostart = p.optional('autostart', props.autostart, true, requireBoolean);
  return { hostCount, memoryMiB, vcpus, diskSizeGiB, dataSizeGiB, retainDataVolumes, autostart };
}

/** Host names, the pool (an existing one, or the one the fleet creates), the network's name and DNS domain. */
function checkNames(p: Problems, props: LibvirtDockerFleetProps, id: string, hostCount: number) {
  const hostNames = p.run(() => resolveHostNames(id, hostCount, props.hostNames));
  const existingPool = p.optional<string | undefined>('poolName', props.poolName, undefined, requireLibvirtName);
  const createPool = p.check(() => {
    if (existingPool !== undefined && props.poolPath !== undefined) {
      throw CoreErrors.conflictingProps('poolPath', props.poolPath, 'poolName',
        'poolPath is the directory of the pool the fleet creates, and with poolName the fleet uses an existing pool');
    }
    if (existingPool !== undefined) return undefined;
    const poolPath = props.poolPath === undefined ? `/var/lib/libvirt/images/${id}` : requireAbsolutePath('poolPath', props.poolPath);
    return { name: requireLibvirtName('poolName (default: the construct id)', id), path: poolPath };
  }, undefined);
  const networkName = p.check(() => (props.networkName === undefined ? requireLibvirtName('networkName (default: the construct id)', id)
    : requireLibvirtName('networkName', props.networkName)), id);
  const domainName = p.check(() => {
    const d = props.domainName === undefined ? `${id.toLowerCase()}.internal` : props.domainName;
    if (!Token.isUnresolved(d) && (typeof d !== 'string' || d.length > 253 || !d.split('.').every((l) => DNS_LABEL.test(l)))) {
      throw LibvirtErrors.badDnsDomain(props.domainName === undefined ? 'domainName (default: <construct id>.internal)' : 'domainName', d);
    }
    return d;
  }, '');
  return { hostNames, existingPool, createPool, networkName, domainName };
}

/** The network's CIDR and, when it is a literal, each host's fixed address. */
function checkNetwork(p: Problems, props: LibvirtDockerFleetProps, hostNames: string[], infos: string[]) {
  const cidr = props.networkCidr === undefined ? DEFAULT_CIDR : props.networkCidr;
  const plannedAddresses: { [hostName: string]: string } = {};
  p.check(() => {
    if (Token.isUnresolved(cidr)) return;
    const net = parseLibvirtCidr('networkCidr', cidr);
    if (hostNames.length > net.usable) throw LibvirtErrors.cidrTooSmall('networkCidr', cidr, hostNames.length, net.usable);
    const addressPlan = planAddresses(hostNames, net);
    for (const name of hostNames) plannedAddresses[name] = addressPlan.addresses.get(name)!;
    for (const [name, first] of addressPlan.collisions) {
      infos.push(`host ${name}'s hashed address was taken by ${first}, so it got the next free one (${plannedAddresses[name]}); `
        + `it moves if ${first} is removed`);
    }
  }, undefined);
  return { cidr, plannedAddresses };
}

/** The fleet's first-boot payloads: one render for all hosts (see the file comment). */
function planFirstBoot(p: Problems, path: string, what: ReturnType<typeof whatToRun>, hostNames: string[], warnings: string[]) {
  const { os, host, policy } = what;
  const userModel = host._toModel();
  // No instance role on libvirt: nothing on the host could fetch a ContainerSecret.
  p.check(() => userModel.containers.forEach((c) => {
    if (c.secrets.length) throw LibvirtErrors.secretsWithoutInstanceRole(`hostConfig.${c.origin}.secrets`, c.secrets.map((s) => s.env));
  }), undefined);
  p.throwIfAny();
  if (userModel.hostname !== undefined) {
    warnings.push(`hostConfig.hostname '${userModel.hostname}' is replaced by each host's own name `
      + `(${hostNames.slice(0, 3).join(', ')}${hostNames.length > 3 ? ', …' : ''})`);
  }
  const render = (name: string, wwn: string) => os._render(userModel, host._fragments(), Platform.LIBVIRT, policy,
    os._platformLayers(Platform.LIBVIRT, { dataVolume: true, hostname: name, diskId: wwn }));
  const payloads = p.run(() => perHostRenderer(render, warnings, hostNames[0]));
  host._consume(path);
  return payloads;
}

/**
 * Placeholders: a valid host name and a WWN-shaped token that no real value takes. Terraform
 * puts the real values in with `replace` (no slashes around them: a plain substring, every
 * occurrence), exactly what `fillTemplate` does.
 */
export const HOST_MARK = 'hxq7placeholderzq';
export const WWN_MARK = 'wxq7placeholderzq';

/** A host's payload from the fleet's template: every HOST_MARK and WWN_MARK replaced. */
export function fillTemplate(template: string, name: string, wwn: string): string {
  return templateFiller(template)(name, wwn);
}

const MARKS = new RegExp(`(${HOST_MARK}|${WWN_MARK})`);

/** `fillTemplate` for one template and many hosts: the template is split once. */
function templateFiller(template: string): (name: string, wwn: string) => string {
  // odd indices are the marks
  const parts = template.split(MARKS);
  return (name, wwn) => {
    let out = parts[0];
    for (let i = 1; i < parts.length; i += 2) out += (parts[i] === HOST_MARK ? name : wwn) + parts[i + 1];
    return out;
  };
}

/**
 * Renders the fleet's payload once as a template and returns it with a function giving each
 * host's payload; falls back to rendering each host, without a template, when the template is
 * not exact (see the file comment). Exported for the fallback's test.
 */
export function perHostRenderer(render: (name: string, wwn: string) => { content: string; warnings: string[] }, warnings: string[],
  first?: string): { template?: string; payloadOf: (name: string, wwn: string) => string } {
  const rendered = render(HOST_MARK, WWN_MARK);
  warnings.push(...rendered.warnings);
  const template = rendered.content;
  const fill = templateFiller(template);
  if (first === undefined) return { template, payloadOf: fill };
  const firstWwn = dataDiskWwn(first);
  if (render(first, firstWwn).content === fill(first, firstWwn)) return { template, payloadOf: fill };
  return { payloadOf: (name, wwn) => render(name, wwn).content };
}

function requireLibvirtName(property: string, value: unknown): string {
  if (typeof value === 'string' && Token.isUnresolved(value)) throw CoreErrors.literalRequired(property, value,
    'the fleet derives names from it at synth time');
  if (typeof value !== 'string' || !LIBVIRT_NAME.test(value)) throw LibvirtErrors.badLibvirtName(property, value);
  return value;
}

function resolveHostNames(id: string, hostCount: number, names: string[] | undefined): string[] {
  if (names === undefined) {
    const out = Array.from({ length: hostCount }, (_, i) => `${id}-${i}`);
    const bad = out.find((n) => !DNS_LABEL.test(n));
    if (bad !== undefined) throw LibvirtErrors.badDefaultHostName(id, bad);
    return out;
  }
  const list = requireArray('hostNames', names);
  if (list.length !== hostCount) throw LibvirtErrors.hostNamesCount(list, hostCount);
  const seen = new Map<string, string>();
  return list.map((n, i) => {
    const p = `hostNames[${i}]`;
    if (typeof n === 'string' && Token.isUnresolved(n)) throw CoreErrors.literalRequired(p, n, 'hosts are keyed by name at synth time');
    if (typeof n !== 'string' || !DNS_LABEL.test(n)) throw LibvirtErrors.badHostLabel(p, n);
    const first = seen.get(n.toLowerCase());
    if (first !== undefined) throw LibvirtErrors.duplicateHostName(p, n, first);
    seen.set(n.toLowerCase(), p);
    return n;
  });
}
