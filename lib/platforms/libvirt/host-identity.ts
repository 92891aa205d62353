/**
 * Stable per-host identities on libvirt, all derived from the host name (internal, not part of
 * the public API):
 *
 * - **IPv4 address**: a hash of the name picks a slot in the network's host range; a slot taken by
 *   a host listed *earlier* sends the name on to the next free slot (linear probing in list
 *   order). Appending hosts therefore never moves an existing host, and a host's address does not
 *   depend on its index. Only a host whose slot collided depends on the earlier host it collided
 *   with (removing that one would move it on the next apply); such hosts are reported so the
 *   construct can say so.
 * - **MAC address**: `52:54:00` (QEMU's prefix; 0x52 has the locally-administered bit set) and
 *   three bytes of the name's hash, probed the same way inside the fleet.
 * - **WWN** of the Docker data disk: `5` (NAA 5, IEEE Registered) and 15 hex digits of the hash:
 *   16 hex digits, what libvirt's `<wwn>` accepts. udev links it as
 *   `/dev/disk/by-id/wwn-0x<wwn>`, also in the initramfs where Ignition runs.
 */
import * as crypto from 'crypto';
import { parseCidr } from '../../core/cidr';
import { LibvirtErrors } from './errors';
import { libvirtDataDiskWwn } from '../../os/libvirt-traits';

// crypto.hash (Node >= 20.12): the one-shot digest, about twice as fast as createHash for the
// short inputs hashed here per host.
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: string) => Buffer | string }).hash;

function sha256(text: string): Buffer {
  return oneShot ? oneShot('sha256', text, 'buffer') as Buffer : crypto.createHash('sha256').update(text, 'utf8').digest();
}

/** The hash that names a host's root volume and first-boot media: `fingerprintOf(payload)` (core/fingerprint.ts). */
export function payloadHash(payload: string): string {
  const hex = oneShot ? oneShot('sha256', payload, 'hex') as string : crypto.createHash('sha256').update(payload, 'utf8').digest('hex');
  return hex.slice(0, 12);
}

/** A parsed IPv4 network. */
export interface Ipv4Network {
  /** the network address as an unsigned 32-bit number */
  readonly base: number;
  readonly prefix: number;
  /** addresses usable by hosts: all but the network, the libvirt gateway (.1) and broadcast */
  readonly usable: number;
}

/** Parses an IPv4 CIDR in network form with a prefix from 8 to 29, or throws a clear error. */
export function parseLibvirtCidr(property: string, value: unknown): Ipv4Network {
  let parsed;
  try {
    parsed = parseCidr(property, value);
  } catch {
    throw LibvirtErrors.badLibvirtCidr(property, value);
  }
  if (parsed.ipv6 || parsed.prefix < 8 || parsed.prefix > 29) throw LibvirtErrors.badLibvirtCidr(property, value);
  // Ranges a libvirt NAT network cannot use (RFC 6890): "this network" 0/8, loopback 127/8,
  // multicast 224/4 and reserved 240/4.
  const first = parsed.ipv4Base! >>> 24;
  if (first === 0 || first === 127 || first >= 224) {
    const why = first === 0 ? '0.0.0.0/8 is "this network"' : first === 127 ? '127.0.0.0/8 is loopback'
      : first < 240 ? '224.0.0.0/4 is multicast' : '240.0.0.0/4 is reserved';
    throw LibvirtErrors.badLibvirtCidr(property, value, why);
  }
  return { base: parsed.ipv4Base!, prefix: parsed.prefix, usable: 2 ** (32 - parsed.prefix) - 3 };
}

function ipToString(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** The address plan of a fleet: name → address, plus the hosts whose hashed slot was taken. */
export interface AddressPlan {
  readonly addresses: Map<string, string>;
  /** host → the earlier host whose slot it collided with first */
  readonly collisions: Map<string, string>;
}

/**
 * Assigns addresses in list order by hash with linear probing (see the file comment). The
 * caller has checked that the network holds the hosts.
 */
export function planAddresses(hostNames: readonly string[], net: Ipv4Network): AddressPlan {
  const taken = new Map<number, string>();
  const addresses = new Map<string, string>();
  const collisions = new Map<string, string>();
  for (const name of hostNames) {
    let slot = sha256(`address:${name}`).readUInt32BE(0) % net.usable;
    while (taken.has(slot)) {
      if (!collisions.has(name)) collisions.set(name, taken.get(slot)!);
      slot = (slot + 1) % net.usable;
    }
    taken.set(slot, name);
    // offset 0 is the network address, 1 the gateway libvirt gives itself
    addresses.set(name, ipToString(net.base + 2 + slot));
  }
  return { addresses, collisions };
}

/** MAC addresses `52:54:00:xx:xx:xx` from the names' hashes, unique inside the fleet. */
export function planMacs(hostNames: readonly string[]): Map<string, string> {
  const taken = new Set<string>();
  const macs = new Map<string, string>();
  for (const name of hostNames) {
    let mac: string;
    let attempt = 0;
    do {
      const h = sha256(attempt === 0 ? `mac:${name}` : `mac:${name}#${attempt}`);
      mac = ['52', '54', '00', ...[0, 1, 2].map((i) => h[i].toString(16).padStart(2, '0'))].join(':').toUpperCase();
      attempt++;
    } while (taken.has(mac));
    taken.add(mac);
    macs.set(name, mac);
  }
  return macs;
}

/** The WWN of a host's Docker data disk: 16 lower-case hex digits, NAA type 5 (see libvirtDataDiskWwn). */
export const dataDiskWwn = libvirtDataDiskWwn;
