/**
 * Host ports the containers of one host publish: two containers cannot bind one host port (the
 * second fails to start with "Bind for 0.0.0.0:80 failed: port is already allocated" and
 * restart-loops; on ECS the second daemon task is never placed), and a container on host port 22
 * takes the port the host's own SSH daemon listens on.
 *
 * Two published ports meet when their protocols are equal, their host port ranges overlap, and
 * their host addresses can be the same socket: equal, or either one unspecified (Docker binds an
 * unspecified address on 0.0.0.0 and [::], which holds the port on every address).
 * Sources: docs.docker.com/engine/network/#published-ports (an unspecified address publishes on
 * all of them), bind(2) (EADDRINUSE: a listening socket on the wildcard address holds the port on
 * every address of its family).
 */
import { parsePort, PortSpec } from './container';
import { BootConfigErrors } from './errors';
import { ContainerModel } from './model';

/** The SSH port the OS's own sshd (or Bottlerocket's admin container) listens on. */
const SSH_PORT = 22;

const ANY_ADDRESS = new Set(['0.0.0.0', '[::]', '[0:0:0:0:0:0:0:0]']);

interface Published {
  readonly spec: PortSpec & { readonly host: readonly [number, number] };
  readonly text: string;
  readonly property: string;
  readonly container: string;
}

function publishedOf(c: ContainerModel): Published[] {
  return c.ports.flatMap((text, i) => {
    const spec = parsePort(text);
    // without a host port Docker picks a free one: it cannot conflict
    return spec?.host ? [{ spec: spec as Published['spec'], text, property: `${c.origin}.ports[${i}]`, container: c.name }] : [];
  });
}

function meet(a: Published['spec'], b: Published['spec']): boolean {
  if (a.protocol !== b.protocol) return false;
  if (a.host[0] > b.host[1] || b.host[0] > a.host[1]) return false;
  const any = (ip?: string) => ip === undefined || ANY_ADDRESS.has(ip);
  return any(a.ip) || any(b.ip) || a.ip === b.ip;
}

/**
 * Throws when `added` publishes a host port one of `existing` (or `added` itself) already
 * publishes, naming both containers and ports.
 */
export function checkPublishedPorts(existing: readonly ContainerModel[], added: ContainerModel): void {
  const before = existing.flatMap(publishedOf);
  for (const p of publishedOf(added)) {
    const other = before.find((q) => meet(p.spec, q.spec));
    if (other) throw BootConfigErrors.hostPortTaken(p.property, p.text, other.container, other.text);
    before.push(p);
  }
}

/**
 * Warnings about the containers a host runs: host port 22, and images that are not pinned (no
 * tag, or `:latest`: what runs changes with every pull, and hosts that pulled at different times
 * run different code).
 */
export function containerWarnings(containers: readonly ContainerModel[]): string[] {
  return [...sshPortWarnings(containers), ...containers.filter((c) => !pinned(c.image)).map((c) =>
    `container '${c.name}': image '${c.image}' has ${/:latest$/.test(c.image) ? 'the tag latest' : 'no tag'}, so each host runs whatever `
    + 'the registry serves when it pulls; pin a version tag or a digest (e.g. nginx:1.27 or nginx@sha256:...)')];
}

/** True when the reference names a digest, or a tag other than `latest`. */
function pinned(image: string): boolean {
  if (image.includes('@')) return true;
  const last = image.slice(image.lastIndexOf('/') + 1);
  const colon = last.indexOf(':');
  return colon >= 0 && last.slice(colon + 1) !== 'latest';
}

/** A warning for each container that publishes host port 22. */
export function sshPortWarnings(containers: readonly ContainerModel[]): string[] {
  return containers.flatMap(publishedOf)
    .filter((p) => p.spec.host[0] <= SSH_PORT && SSH_PORT <= p.spec.host[1] && p.spec.protocol === 'tcp')
    .map((p) => `container '${p.container}' publishes host port 22 (${p.property} '${p.text}'), where the host's own SSH daemon listens: `
      + 'one of the two fails to bind it, and SSH to the host may reach the container instead; publish another host port (e.g. 2222:22)');
}
