import { CoreErrors } from '../core/errors';
import { BootConfigErrors } from './errors';
import {
  isUnresolved, requireArray, requireInteger, requireOneLineText, requireRecord, requireSingleLine, requireString,
} from '../core/validation';
import { ContainerSecret, isContainerSecret } from './container-secret';
import { ContainerModel, ContainerSecretModel } from './model';

/**
 * A container the host runs from boot on: pulled with retries while the network comes up,
 * started once Docker is ready, and restarted when it exits.
 */
export interface ContainerOptions {
  /** Container name, unique on the host, e.g. `web`. */
  readonly name: string;
  /** Image reference, e.g. `nginx:1.27` or `ghcr.io/org/app@sha256:…`. Pin a tag or digest. */
  readonly image: string;
  /**
   * Published ports in Docker's `-p` syntax, e.g. `['80:8080', '127.0.0.1:9100:9100']`.
   * @default - no ports are published
   */
  readonly ports?: string[];
  /**
   * Environment variables (written to an env file readable by root only, not to the unit).
   * @default - none
   */
  readonly environment?: { [key: string]: string };
  /**
   * Volumes in Docker's `-v` syntax, e.g. `['/srv/data:/data:ro', 'cache:/cache']`.
   * @default - none
   */
  readonly volumes?: string[];
  /**
   * Command and arguments that replace the image's CMD.
   * @default - the image's own CMD
   */
  readonly command?: string[];
  /**
   * Environment variables whose values are fetched on the host right before each start of the
   * container, with the instance role, from SSM Parameter Store or Secrets Manager, into a
   * root-only file on tmpfs that docker reads with `--env-file`. Only the names/ARNs are in the
   * first-boot payload. AWS only; Fedora CoreOS, Flatcar and Alpine, and Bottlerocket, where the
   * ECS agent fetches them with the task execution role (the task definition's `secrets`).
   * @default - none
   */
  readonly secrets?: { [envName: string]: ContainerSecret };
  /**
   * Memory the host keeps for the container, MiB: a soft limit that Docker enforces only when
   * the host runs short (`docker run --memory-reservation`; on Bottlerocket the ECS container
   * definition's `memoryReservation`, which ECS also counts when placing tasks).
   * @default - Docker OSes: no reservation; Bottlerocket: 128 MiB (ECS on EC2 needs a figure)
   */
  readonly memoryReservationMiB?: number;
}

// Docker container names: [a-zA-Z0-9][a-zA-Z0-9_.-]+ (moby daemon/names.go RestrictedNamePattern).
const CONTAINER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}$/;
// distribution/reference grammar (reference.go), without the upper-case-repository form.
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN = '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?/)';
const IMAGE = new RegExp(`^${DOMAIN}?${COMPONENT}(?:/${COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$`);
// Docker env files take any name without '=' or whitespace; '.' is common (Java-style `spring.profiles.active`).
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;
const IPV4 = '(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)';
// [ip:][hostPort[-end]:]containerPort[-end][/proto], and ip::containerPort (a random host port on ip).
const RANGE = '(\\d+)(?:-(\\d+))?';
const PORT = new RegExp(`^(?:(${IPV4}|\\[[0-9a-fA-F:]+\\]):(?:${RANGE})?:|${RANGE}:)?${RANGE}(?:/(tcp|udp|sctp))?$`);

/** A published port in Docker's `-p` grammar, taken apart (ranges as [first, last]). */
export interface PortSpec {
  /** the host address, when the port is published on one only */
  readonly ip?: string;
  /** the host port range, when one is given */
  readonly host?: readonly [number, number];
  readonly container: readonly [number, number];
  readonly protocol: 'tcp' | 'udp' | 'sctp';
}

/** `-p` text to its parts, or undefined when it is not Docker's grammar (no range checks: see validatePort). */
export function parsePort(s: string): PortSpec | undefined {
  const m = PORT.exec(s);
  if (!m) return undefined;
  const range = (a: string | undefined, b: string | undefined): [number, number] | undefined =>
    (a === undefined ? undefined : [Number(a), Number(b ?? a)]);
  return {
    ip: m[1],
    host: range(m[2], m[3]) ?? range(m[4], m[5]),
    container: range(m[6], m[7])!,
    protocol: (m[8] ?? 'tcp') as PortSpec['protocol'],
  };
}
const VOLUME_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
// docker run -v options: access mode, SELinux label, bind propagation (docs.docker.com "Bind propagation"), nocopy.
const VOLUME_OPT = '(?:ro|rw|z|Z|shared|rshared|slave|rslave|private|rprivate|nocopy)';
const VOLUME_OPTS = new RegExp(`^${VOLUME_OPT}(?:,${VOLUME_OPT})*$`);

export function validateImage(property: string, value: unknown): string {
  const s = requireString(property, value, { literal: true });
  if (s.length > 255 || !IMAGE.test(s)) throw BootConfigErrors.badImage(property, value);
  return s;
}

export function validatePort(property: string, value: unknown): string {
  const s = requireString(property, value, { literal: true });
  const port = parsePort(s);
  if (!port) throw BootConfigErrors.badPort(property, value);
  const ranges = [port.host, port.container].filter((r): r is readonly [number, number] => r !== undefined);
  if (ranges.some(([a, b]) => a < 1 || b > 65535 || b < a)) throw BootConfigErrors.badPort(property, value);
  return s;
}

export function validateVolume(property: string, value: unknown): string {
  const s = requireSingleLine(property, value);
  if (isUnresolved(s)) throw CoreErrors.unresolvedToken(property, value);
  if (!parseVolume(s)) throw BootConfigErrors.badVolume(property, value);
  return s;
}

/** A volume in Docker's `-v` grammar, taken apart. */
export interface VolumeSpec {
  /** a host path (starts with '/') or a named volume; none for an anonymous volume */
  readonly source?: string;
  readonly target: string;
  /** the options after the second ':' (ro, rw, z, Z, propagation, nocopy) */
  readonly options: readonly string[];
}

/** `-v` text to its parts, or undefined when it is not Docker's grammar. */
export function parseVolume(s: string): VolumeSpec | undefined {
  const parts = s.split(':');
  const isAbs = (p: string) => p.startsWith('/') && !p.split('/').includes('..');
  if (parts.length === 1) return isAbs(parts[0]) ? { target: parts[0], options: [] } : undefined;
  if (parts.length > 3) return undefined;
  const [source, target, options] = parts;
  if (!(isAbs(source) || VOLUME_NAME.test(source)) || !isAbs(target)) return undefined;
  if (options !== undefined && !VOLUME_OPTS.test(options)) return undefined;
  return { source, target, options: options === undefined ? [] : options.split(',') };
}

export function validateContainerName(property: string, value: unknown): string {
  const s = requireString(property, value, { allowEmpty: true });
  if (!CONTAINER_NAME.test(s)) throw BootConfigErrors.badContainerName(property, value);
  return s;
}

export function toContainerModel(o: ContainerOptions, origin: string): ContainerModel {
  if (o === null || typeof o !== 'object') throw CoreErrors.notAnObject(origin, o);
  const name = validateContainerName(`${origin}.name`, o.name);
  const image = validateImage(`${origin}.image`, o.image);
  const ports = o.ports === undefined ? []
    : requireArray(`${origin}.ports`, o.ports).map((p, i) => validatePort(`${origin}.ports[${i}]`, p));
  const volumes = o.volumes === undefined ? []
    : requireArray(`${origin}.volumes`, o.volumes).map((v, i) => validateVolume(`${origin}.volumes[${i}]`, v));
  const command = o.command === undefined ? [] : requireArray(`${origin}.command`, o.command).map((c, i) => {
    const s = requireString(`${origin}.command[${i}]`, c, { allowEmpty: true, literal: true });
    if (s.includes('\n') || s.includes('\0')) throw CoreErrors.controlCharacters(`${origin}.command[${i}]`, c);
    return requireOneLineText(`${origin}.command[${i}]`, s);
  });
  const environment: Record<string, string> = {};
  if (o.environment !== undefined) {
    const env = requireRecord(`${origin}.environment`, o.environment);
    for (const key of Object.keys(env).sort()) {
      if (!ENV_NAME.test(key)) throw BootConfigErrors.badEnvName(`${origin}.environment`, key);
      const v = env[key];
      if (typeof v !== 'string') throw CoreErrors.notAString(`${origin}.environment.${key}`, v);
      if (/[\r\n\0]/.test(v)) throw BootConfigErrors.badEnvValue(`${origin}.environment.${key}`, v);
      requireOneLineText(`${origin}.environment.${key}`, v);
      if (isUnresolved(v)) throw CoreErrors.unresolvedToken(`${origin}.environment.${key}`, v);
      // defined, not assigned: assigning `__proto__` would set the prototype and drop the variable
      Object.defineProperty(environment, key, { value: v, enumerable: true, writable: true, configurable: true });
    }
  }
  const secrets: ContainerSecretModel[] = [];
  if (o.secrets !== undefined) {
    const rec = requireRecord(`${origin}.secrets`, o.secrets);
    for (const key of Object.keys(rec).sort()) {
      if (!ENV_NAME.test(key)) throw BootConfigErrors.badEnvName(`${origin}.secrets`, key);
      if (Object.prototype.hasOwnProperty.call(environment, key)) throw BootConfigErrors.secretShadowsEnvironment(
        `${origin}.secrets.${key}`, key);
      const s = rec[key];
      if (!isContainerSecret(s)) throw BootConfigErrors.notContainerSecret(`${origin}.secrets.${key}`, s);
      secrets.push({ env: key, ...s._ref });
    }
  }
  const memoryReservationMiB = o.memoryReservationMiB === undefined ? undefined
    : requireInteger(`${origin}.memoryReservationMiB`, o.memoryReservationMiB, 6, 1048576);
  return {
    name, image, ports, environment, volumes, command, secrets, origin,
    ...(memoryReservationMiB === undefined ? {} : { memoryReservationMiB }),
  };
}
