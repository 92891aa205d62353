/**
 * What two fleets of one stack must not share on their libvirt host: the names libvirt keeps
 * host-wide (networks, pools, domains) and the addresses of the NAT networks. libvirt refuses
 * the second network, pool or domain of a name ("already exists") and a network whose range
 * overlaps an active one ("Network is already in use by interface ...") at apply: this refuses
 * them at synth, naming both fleets.
 *
 * One stack's fleets share the stack's libvirt provider, so they land on one libvirt host. Fleets
 * of different stacks may well run on different hosts (staging and prod), where the same names
 * and addresses are legitimate, so they are not compared.
 */
import { parseLibvirtCidr } from './host-identity';
import { LibvirtErrors } from './errors';

interface Claims {
  readonly names: Map<string, string>;
  readonly networks: { readonly base: number; readonly end: number; readonly cidr: string; readonly path: string }[];
}

const CLAIMS = new WeakMap<object, Claims>();

function claimsOf(stack: object): Claims {
  let c = CLAIMS.get(stack);
  if (!c) CLAIMS.set(stack, (c = { names: new Map(), networks: [] }));
  return c;
}

/**
 * Records that the fleet at `path` uses `name` as a `kind` (e.g. 'network name') on the libvirt
 * host of `stack`, and throws when another fleet of the stack already does. Domain names compare
 * without case (libvirt's are case-sensitive, but they are also host names).
 */
export function claimLibvirtName(stack: object, path: string, kind: string, name: string, property: string): void {
  const { names } = claimsOf(stack);
  const key = `${kind}\u0000${kind === 'domain (host) name' ? name.toLowerCase() : name}`;
  const other = names.get(key);
  if (other !== undefined && other !== path) throw LibvirtErrors.sharedOnLibvirtHost(property, name, kind, other);
  names.set(key, path);
}

/** Records the fleet's network block, and throws when it overlaps another fleet's in the stack. */
export function claimLibvirtNetwork(stack: object, path: string, cidr: string, property: string): void {
  const net = parseLibvirtCidr(property, cidr);
  const base = net.base;
  const end = base + 2 ** (32 - net.prefix);
  const { networks } = claimsOf(stack);
  const other = networks.find((n) => n.path !== path && n.base < end && base < n.end);
  if (other) throw LibvirtErrors.overlappingNetworks(property, cidr, other.path, other.cidr);
  if (!networks.some((n) => n.path === path)) networks.push({ base, end, cidr, path });
}
