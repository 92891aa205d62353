/**
 * A HostConfig container as an ECS task definition, the way an ECS user writes one by hand for
 * a daemon on EC2: bridge networking with static host ports, `awslogs`, secrets by
 * `valueFrom`, host-path and named Docker volumes. Pure: the plan step calls it, the resource
 * step writes what it returns. Everything Docker's `-p`/`-v` syntax can say that a task
 * definition cannot is a clear error naming the property, never dropped.
 *
 * Sources (AWS "Amazon ECS task definition parameters", ecs API reference ContainerDefinition,
 * PortMapping, MountPoint, Volume, DockerVolumeConfiguration, Secret, ContainerRestartPolicy):
 * - container and volume names: up to 255 letters, digits, hyphens and underscores;
 * - PortMapping has containerPort, hostPort, protocol (tcp | udp) and no host IP; in `bridge`
 *   mode hostPort 0 (or none) is a dynamic host port, as Docker's `-p 80` publishes on a random one;
 * - MountPoint has sourceVolume, containerPath, readOnly and no SELinux label or propagation;
 * - a volume with `host.sourcePath` is a bind mount; with `dockerVolumeConfiguration`
 *   (scope `shared`, `autoprovision`) a named Docker volume that outlives the task; with neither
 *   an anonymous volume removed with the task (as Docker's `-v /path` under `--rm`);
 * - on EC2 a container needs `memory` or `memoryReservation` when the task sets no memory;
 * - Secret.valueFrom: an SSM parameter's name (same region) or ARN; a Secrets Manager secret's
 *   ARN, with `:<json-key>:<version-stage>:<version-id>` appended to pick one JSON key;
 * - restartPolicy (ECS agent 1.86.0+, 2024-05): restarts an exited essential container in place
 *   when it ran at least `restartAttemptPeriod` seconds (60-1800); otherwise the DAEMON service
 *   scheduler replaces the task, so the container comes back either way.
 */
import { EcsErrors } from './errors';
import { parsePort, parseVolume } from '../../../bootconfig/container';
import { ContainerModel } from '../../../bootconfig/model';

/** ECS's rule for container, volume, family and service names. */
const ECS_NAME = /^[A-Za-z0-9_-]{1,255}$/;

/** What a container reserves when its HostConfig says nothing (ECS on EC2 needs a figure). */
export const DEFAULT_MEMORY_RESERVATION_MIB = 128;

/** One port mapping of a container definition. */
export interface EcsPortMapping {
  readonly containerPort: number;
  readonly hostPort: number;
  readonly protocol: 'tcp' | 'udp';
}

/** One task-definition volume (Terraform `volume` block). */
export interface EcsVolume {
  readonly name: string;
  /** a bind mount of this host path */
  readonly hostPath?: string;
  /** a named Docker volume shared across tasks and kept after them */
  readonly dockerVolume?: boolean;
}

/** A container secret as the task definition references it. */
export interface EcsSecret {
  readonly name: string;
  readonly valueFrom: string;
}

/** The task definition of one container, decided (tokens for the log group and region come later). */
export interface EcsTaskPlan {
  /** the HostConfig container's name (also the container's name in the definition) */
  readonly container: string;
  readonly portMappings: EcsPortMapping[];
  readonly volumes: EcsVolume[];
  readonly mountPoints: Array<{ readonly sourceVolume: string; readonly containerPath: string; readonly readOnly: boolean }>;
  readonly environment: Array<{ readonly name: string; readonly value: string }>;
  readonly secrets: EcsSecret[];
  readonly image: string;
  readonly command: string[];
  readonly memoryReservationMiB: number;
  /** risky-but-legal findings (e.g. a host path on Bottlerocket's read-only root) */
  readonly warnings: string[];
}

/**
 * Where a bind-mount source can be on a Bottlerocket host: the root file system is read-only
 * (dm-verity), so Docker cannot create a missing source directory there. /local is the data
 * volume and /var lives on it (bottlerocket README "Default Volumes"; bottlerocket-project-website#263:
 * the mutable directories are /etc and /var, /etc being generated at boot); /proc, /sys, /dev
 * and /run are the kernel's and systemd's file systems, which exist (node exporters mount them).
 */
const USABLE_HOST_ROOTS = ['/var/', '/local/', '/proc/', '/sys/', '/dev/', '/run/'];

/** Maps one validated container to its task definition (see the file comment). */
export function ecsTaskPlan(os: string, c: ContainerModel): EcsTaskPlan {
  const p = `hostConfig.${c.origin}`;
  if (!ECS_NAME.test(c.name)) {
    throw EcsErrors.ecsCannotExpress(os, `${p}.name`, c.name, 'ECS container names are letters, digits, hyphens and underscores (no dots)');
  }
  const warnings: string[] = [];
  const portMappings = c.ports.flatMap((port, i) => portMappingsOf(os, `${p}.ports[${i}]`, port));
  const seen = new Map<string, number>();
  portMappings.forEach((m) => {
    if (m.hostPort === 0) return;
    const key = `${m.hostPort}/${m.protocol}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
    if (seen.get(key) === 2) throw EcsErrors.ecsCannotExpress(os, `${p}.ports`, c.ports, `host port ${key} is published twice; a host `
      + `port maps to one container port`);
  });
  const volumes: EcsVolume[] = [];
  const mountPoints: Array<{ sourceVolume: string; containerPath: string; readOnly: boolean }> = [];
  c.volumes.forEach((v, i) => {
    const property = `${p}.volumes[${i}]`;
    const { source, target, options } = parseVolume(v)!;
    const unsupported = options.filter((o) => o !== 'ro' && o !== 'rw');
    if (unsupported.length) {
      throw EcsErrors.ecsCannotExpress(os, property, v, `a task definition's mount point is read-only or read-write only (no SELinux `
        + `label, propagation or nocopy: ${unsupported.join(', ')}); drop the option`);
    }
    const readOnly = options.includes('ro');
    if (source === undefined) {
      volumes.push({ name: `anonymous-${i}` });
      mountPoints.push({ sourceVolume: `anonymous-${i}`, containerPath: target, readOnly });
      return;
    }
    if (source.startsWith('/')) {
      const name = `host${source.replace(/[^A-Za-z0-9]+/g, '-')}`.replace(/-+$/, '').slice(0, 200) + `-${i}`;
      volumes.push({ name, hostPath: source });
      mountPoints.push({ sourceVolume: name, containerPath: target, readOnly });
      if (!USABLE_HOST_ROOTS.some((r) => `${source}/`.startsWith(r))) {
        warnings.push(`${property}: '${source}' is on Bottlerocket's read-only root file system, so Docker cannot create it and the task `
          + `fails to start unless it already exists; use a path under /var or /local (the data volume), or a named volume`);
      }
      return;
    }
    if (!ECS_NAME.test(source)) {
      throw EcsErrors.ecsCannotExpress(os, property, v, 'ECS volume names are letters, digits, hyphens and underscores (no dots)');
    }
    if (!volumes.some((x) => x.name === source)) volumes.push({ name: source, dockerVolume: true });
    mountPoints.push({ sourceVolume: source, containerPath: target, readOnly });
  });
  const secrets = c.secrets.map((s) => ({
    name: s.env,
    valueFrom: s.source === 'ssm' ? s.id : (s.jsonKey === undefined ? s.id : `${s.id}:${s.jsonKey}::`),
  }));
  return {
    container: c.name,
    portMappings,
    volumes,
    mountPoints,
    environment: Object.keys(c.environment).sort().map((name) => ({ name, value: c.environment[name] })),
    secrets,
    image: c.image,
    command: [...c.command],
    memoryReservationMiB: c.memoryReservationMiB ?? DEFAULT_MEMORY_RESERVATION_MIB,
    warnings,
  };
}

/** A validated `-p` port (container.ts `parsePort`) as port mappings. */
function portMappingsOf(os: string, property: string, port: string): EcsPortMapping[] {
  const { ip, host, container: [c0, c1], protocol } = parsePort(port)!;
  if (protocol === 'sctp') {
    throw EcsErrors.ecsCannotExpress(os, property, port, 'ECS port mappings are tcp or udp');
  }
  if (ip !== undefined) {
    throw EcsErrors.ecsCannotExpress(os, property, port, `ECS port mappings have no host address: publish `
      + `'${c1 === c0 ? c0 : `${c0}-${c1}`}:${c1 === c0 ? c0 : `${c0}-${c1}`}' on every address and restrict who reaches it with `
      + `ingressCidrs (the security group)`);
  }
  if (host === undefined) {
    return span(c0, c1).map((containerPort) => ({ containerPort, hostPort: 0, protocol }));
  }
  const [h0, h1] = host;
  if (h1 - h0 !== c1 - c0) {
    throw EcsErrors.ecsCannotExpress(os, property, port, 'a host port range maps to a container port range of the same length (ECS has no '
      + '"any free port of this range")');
  }
  return span(c0, c1).map((containerPort, k) => ({ containerPort, hostPort: h0 + k, protocol }));
}

function span(a: number, b: number): number[] {
  return Array.from({ length: b - a + 1 }, (_, k) => a + k);
}
