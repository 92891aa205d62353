/**
 * The messages of the host model (`HostConfig` and its elements) and its renderers: files, units,
 * users, containers and their secrets, Docker settings, fragments, Bottlerocket host containers.
 */
import { defineErrors, problem } from '../core/define-errors';

/** The messages of the host model and its renderers. */
export const BootConfigErrors = defineErrors({
  duplicatePath: (p: string, v: unknown, first: string) =>
    problem(p, v, `the same path is already used by ${first}; each path may appear once`),
  badMode: (p: string, v: unknown) =>
    problem(p, v, 'expected a file mode from 0 to 0o7777 (e.g. 0o644)'),
  badOwner: (p: string, v: unknown) =>
    problem(p, v, "expected a user name or 'user:group' of lower-case letters, digits, '_' and '-' (e.g. 'core' or 'root:docker')"),
  badUnitName: (p: string, v: unknown) =>
    problem(p, v, "expected a systemd unit name like 'app.service' (letters, digits, ':_.\\@-', and a suffix such as .service, .timer, "
      + ".socket, .mount, .path, .target)"),
  duplicateUnit: (p: string, v: unknown) =>
    problem(p, v, 'a unit of this name was already added; add drop-ins with addSystemdDropIn instead'),
  badDropInName: (p: string, v: unknown) =>
    problem(p, v, "expected a drop-in file name ending in '.conf' (e.g. '10-limits.conf')"),
  emptyUnit: (p: string, v: unknown) =>
    problem(p, v, 'expected the unit file text as content (a [Unit]/[Service] text), or mask: true'),
  badUserName: (p: string, v: unknown) =>
    problem(p, v, "expected a user name of 1-32 lower-case letters, digits, '_' or '-', starting with a letter or '_'"),
  groupIsUsersOwn: (p: string, v: unknown, user: string) =>
    problem(p, v, `'${user}' already has a group of its own name, its primary group (created with the user); list only supplementary `
      + `groups such as 'docker' or 'wheel'`),
  duplicateUserGroup: (p: string, v: unknown, first: string) =>
    problem(p, v, `the group is already listed as ${first}; list each group once`),
  badContainerName: (p: string, v: unknown) =>
    problem(p, v, "expected a container name matching [a-zA-Z0-9][a-zA-Z0-9_.-]* (at most 63 characters)"),
  duplicateContainer: (p: string, v: unknown) =>
    problem(p, v, 'a container of this name was already added; names must be unique'),
  hostPortTaken: (p: string, v: unknown, other: string, otherPort: string) =>
    problem(p, v, `container '${other}' already publishes this host port ('${otherPort}'): two containers cannot bind one host port, `
      + 'the second would fail to start ("port is already allocated"); publish another host port, or a different host address'),
  badImage: (p: string, v: unknown) =>
    problem(p, v, "expected an image reference such as 'nginx:1.27' or 'ghcr.io/org/app@sha256:...' (no spaces, no upper-case repository)"),
  badPort: (p: string, v: unknown) =>
    problem(p, v, "expected '[hostIp:]hostPort:containerPort[/tcp|/udp|/sctp]' or 'containerPort[/proto]' or 'hostIp::containerPort' with "
      + "ports from 1 to 65535 (e.g. '80:8080', '127.0.0.1:53:53/udp', '127.0.0.1::8080')"),
  badVolume: (p: string, v: unknown) =>
    problem(p, v, "expected 'source:/container/path[:options]' (options comma-separated from ro, rw, z, Z, shared, rshared, slave, "
      + "rslave, private, rprivate, nocopy) where source is an absolute host path or a volume name (e.g. '/srv/data:/data:ro', "
      + "'cache:/cache')"),
  badEnvName: (p: string, v: unknown) =>
    problem(p, v, 'expected an environment variable name matching [A-Za-z_][A-Za-z0-9_.]*'),
  badEnvValue: (p: string, v: unknown) =>
    problem(p, v, 'expected a single-line string (Docker env files cannot hold newlines)'),
  notContainerSecret: (p: string, v: unknown) =>
    problem(p, v, "expected a ContainerSecret (ContainerSecret.fromSsmParameter('/prod/db/password') or "
      + "ContainerSecret.fromSecretsManager('arn:aws:secretsmanager:...'))"),
  badSsmParameterName: (p: string, v: unknown) =>
    problem(p, v, "expected an SSM parameter name of 1-1011 characters from [A-Za-z0-9_.-/], e.g. '/prod/db/password' or 'db-password' "
      + "(the name, not its ARN)"),
  badSecretArn: (p: string, v: unknown) =>
    problem(p, v, "expected the full ARN of a Secrets Manager secret, 'arn:<partition>:secretsmanager:<region>:<account>:secret:<name>-<6 "
      + "characters>' (the secret's `arn` attribute)"),
  secretNameToken: (p: string, v: unknown) =>
    problem(p, v, "the host fetches the secret by this name at boot, and the first-boot payload is rendered (and hashed, and for Alpine "
      + "gzipped) at synth time, so a value known only at apply time cannot reach it; pass the literal name or ARN (for a parameter or "
      + "secret created in the same app, the literal `name` you gave it, e.g. a shared constant)"),
  secretShadowsEnvironment: (p: string, v: unknown) =>
    problem(p, v, 'this name is also in the container\'s environment; give each variable either a value (environment) or a '
      + 'ContainerSecret (secrets), not both'),
  badSysctl: (p: string, v: unknown) =>
    problem(p, v, "expected a sysctl key like 'net.ipv4.ip_forward' or 'net.ipv4.conf.enX0.rp_filter' (letters, digits, '_', '-', '.', "
      + "'/')"),
  badSysctlValue: (p: string, v: unknown) =>
    problem(p, v, 'expected a single-line string value, e.g. "1"'),
  badTimeZone: (p: string, v: unknown, hint?: string) =>
    problem(p, v, `expected a name of the IANA tz database, exactly as written there, such as 'UTC', 'Europe/Berlin' or `
      + `'America/New_York'${hint ? `; ${hint}` : ''}`),
  badDockerSettings: (p: string, v: unknown) =>
    problem(p, v, 'expected a JSON-serialisable object (the contents of /etc/docker/daemon.json)'),
  dockerTcpSocket: (p: string, v: unknown) =>
    problem(p, v, 'the Docker API is only exposed on the local unix socket (an unauthenticated TCP socket is root on the host); use SSH '
      + '(DOCKER_HOST=ssh://...) instead'),
  badDevice: (p: string, v: unknown) =>
    problem(p, v, "expected an absolute device path such as '/dev/disk/by-id/virtio-docker' or '/dev/xvdb'"),
  badLabel: (p: string, v: unknown) =>
    problem(p, v, "expected a file system label of 1-12 characters from [A-Za-z0-9_-]"),
  hostConfigFrozen: (method: string, consumers: readonly string[]) =>
    problem(`hostConfig.${method}()`, consumers.join(', '), `this HostConfig was already used by ${consumers.length === 1 ? 'that fleet'
      : `those ${consumers.length} fleets`}, which rendered their hosts from it, so this change would be missing from them; make every `
      + 'change before passing the HostConfig to a fleet, or use a new HostConfig'),
  badFragment: (p: string, v: unknown, format: string, why: string) =>
    problem(p, v, `expected ${format}: ${why}`),
  duplicateIgnitionEntry: (p: string, v: unknown, first: string) =>
    problem(p, v, `the rendered Ignition config would hold this entry twice (also in ${first}), which Ignition refuses at boot `
      + `("duplicate entry defined"); give it one path/name (e.g. drop the fragment's entry or the file that clashes)`),
  badEcsClusterName: (p: string, v: unknown) =>
    problem(p, v, 'expected an ECS cluster name: 1-255 letters, digits, hyphens and underscores (the ECS API rule)'),
  badHostContainer: (p: string, v: unknown, allowed: string) =>
    problem(p, v, allowed),
});
