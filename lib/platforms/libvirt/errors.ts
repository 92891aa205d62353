/**
 * The messages of the libvirt platform: images, networks, host names, libvirt object names,
 * sizes, and what libvirt hosts cannot do.
 */
import { defineErrors, problem } from '../../core/define-errors';

/** The messages of the libvirt platform. */
export const LibvirtErrors = defineErrors({
  compressedImageUrl: (p: string, v: unknown) =>
    problem(p, v, "libvirt cannot use a compressed image (.xz, .bz2, .gz, .zst, .zip, .tar*) as a volume source; download and decompress "
      + "it on the libvirt host (e.g. 'xz -d image.qcow2.xz'), then use LibvirtImage.fromPath('/var/lib/libvirt/images/image.qcow2')"),
  badImageUrl: (p: string, v: unknown) =>
    problem(p, v, "expected an http://, https:// or file:// URL of an uncompressed qcow2 or raw image (e.g. "
      + "'https://stable.release.flatcar-linux.net/amd64-usr/current/flatcar_production_qemu_image.img')"),
  badImagePath: (p: string, v: unknown) =>
    problem(p, v, "expected an absolute path of an uncompressed qcow2 or raw image on the machine running Terraform (e.g. "
      + "'/var/lib/libvirt/images/fedora-coreos.qcow2')"),
  badLibvirtCidr: (p: string, v: unknown, why?: string) =>
    problem(p, v, `${why ? `${why}; ` : ''}expected an IPv4 CIDR block in network form with a prefix from /8 to /29, e.g. '10.17.3.0/24' `
      + `(host bits zero)`),
  cidrTooSmall: (p: string, v: unknown, hostCount: number, usable: number) =>
    problem(p, v, `this network has ${usable} addresses for hosts (the network address, the libvirt gateway .1 and the broadcast address `
      + `are reserved), but hostCount is ${hostCount}; use a larger block (smaller prefix) or fewer hosts`),
  memoryBelowMinimum: (os: string, v: unknown, minMiB: number) =>
    problem('memoryMiB', v, `${os} needs at least ${minMiB} MiB on libvirt; pass ${minMiB} or more, or leave it unset`),
  duplicateHostName: (p: string, v: unknown, first: string) =>
    problem(p, v, `the same host name (ignoring case) is already used by ${first}; host names must be unique`),
  hostNamesCount: (v: unknown, hostCount: number) =>
    problem('hostNames', v, `expected exactly hostCount (${hostCount}) names; give one name per host or leave hostNames unset`),
  badHostLabel: (p: string, v: unknown) =>
    problem(p, v, "expected a host name that is one DNS label: 1-63 letters, digits and hyphens, not starting or ending with a hyphen "
      + "(e.g. 'docker-0'); the network's DNS domain is appended"),
  badDefaultHostName: (id: string, v: unknown) =>
    problem('hostNames', v, `the default host names are '<construct id>-<n>', and the id '${id}' does not make a DNS label; pass `
      + `hostNames (e.g. ['docker-0', 'docker-1']) or use an id of letters, digits and hyphens`),
  badLibvirtName: (p: string, v: unknown) =>
    problem(p, v, "expected a libvirt object name of 1-64 characters from [A-Za-z0-9_.-], not starting with '.' or '-'"),
  badDnsDomain: (p: string, v: unknown) =>
    problem(p, v, "expected a DNS domain of labels (letters, digits, hyphens), e.g. 'fleet.internal'"),
  secretsWithoutInstanceRole: (p: string, v: unknown) =>
    problem(p, v, 'libvirt hosts have no instance role to fetch secrets with, so container secrets are AWS only; on libvirt put the '
      + 'values in a root-only file you provision on the host yourself (e.g. with your configuration management) and pass it to the '
      + 'container with a volume, or use environment (which is stored in the first-boot payload and Terraform state in plain text)'),
  sharedOnLibvirtHost: (p: string, v: unknown, kind: string, other: string) =>
    problem(p, v, `the fleet '${other}' in this stack already uses this ${kind} on the same libvirt host, where libvirt refuses the `
      + `second one at apply; pass a different ${p} to one of them`),
  overlappingNetworks: (p: string, v: unknown, other: string, otherCidr: string) =>
    problem(p, v, `overlaps ${otherCidr}, the network of the fleet '${other}' in this stack: libvirt refuses a second network over the `
      + `same addresses at apply, and hosts on both could not reach each other; give each fleet its own block (e.g. '10.17.4.0/24')`),
});
