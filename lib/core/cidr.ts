/**
 * CIDR parsing shared by the platforms: IPv4 or IPv6 in network form (host bits zero, which the
 * EC2 API and libvirt networks both require). No cdktf imports: callers skip tokens first.
 */
import { isIPv4, isIPv6 } from 'net';
import { CoreErrors } from './errors';

/** A CIDR block: IPv4 or IPv6, in network form (host bits zero, which the EC2 API requires). */
export interface ParsedCidr {
  readonly cidr: string;
  readonly ipv6: boolean;
  readonly prefix: number;
  /** IPv4 only: the network address as an unsigned 32-bit number */
  readonly ipv4Base?: number;
}

export function parseCidr(property: string, value: unknown): ParsedCidr {
  if (typeof value !== 'string') throw CoreErrors.badCidr(property, value);
  const m = /^([^/\s]+)\/(\d{1,3})$/.exec(value);
  if (!m) throw CoreErrors.badCidr(property, value);
  const [, addr, lenText] = m;
  const len = Number(lenText);
  if (isIPv4(addr)) {
    if (len > 32) throw CoreErrors.badCidr(property, value, 'an IPv4 prefix length is 0 to 32');
    const bytes = addr.split('.').map(Number);
    const network = maskBytes(bytes, len);
    if (network.some((b, i) => b !== bytes[i])) {
      throw CoreErrors.badCidr(property, value, `host bits are set; the network is '${network.join('.')}/${len}'`);
    }
    return { cidr: value, ipv6: false, prefix: len, ipv4Base: bytes.reduce((n, b) => n * 256 + b, 0) };
  }
  if (isIPv6(addr) && !addr.includes('.')) {
    if (len > 128) throw CoreErrors.badCidr(property, value, 'an IPv6 prefix length is 0 to 128');
    const bytes = ipv6Bytes(addr);
    const network = maskBytes(bytes, len);
    if (network.some((b, i) => b !== bytes[i])) throw CoreErrors.badCidr(property, value, 'host bits are set after the prefix length');
    return { cidr: value, ipv6: true, prefix: len };
  }
  throw CoreErrors.badCidr(property, value);
}

function maskBytes(bytes: number[], len: number): number[] {
  return bytes.map((b, i) => {
    const bits = Math.max(0, Math.min(8, len - i * 8));
    return b & ((0xff << (8 - bits)) & 0xff);
  });
}

function ipv6Bytes(addr: string): number[] {
  const [head, tail] = addr.includes('::') ? addr.split('::') : [addr, undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  return groups.flatMap((g) => {
    const n = parseInt(g, 16);
    return [n >> 8, n & 0xff];
  });
}

