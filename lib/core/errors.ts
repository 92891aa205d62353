/**
 * Every error message of the library, in one place (butane's config/common/errors.go style).
 *
 * Each message names the property, shows the bad value and says what is allowed, so a user
 * reading a failed `cdktf synth` knows what to change without opening the source.
 */

const MARKER = Symbol.for('cdktf-docker-fleet/FleetConfigError');
const REPORTED_BY = Symbol('reported by');

/**
 * The error thrown for bad input, at synth time, before anything is written.
 *
 * Its message reads `<construct path>: <property>: got <value>; <what is allowed>` (the path
 * only when a construct reported it); `code` is a stable identifier for programs and tests
 * (e.g. `NOT_AN_INTEGER`, `UNSUPPORTED_POLICY`), `property` the path of the offending prop
 * (e.g. `hostConfig.files[2].mode`). When one construct has several problems, all of them are
 * reported together: `problems` lists each one and the message has one line per problem.
 */
export class FleetConfigError extends Error {
  /** True for errors of this library, also across copies of it loaded twice. */
  public static isFleetConfigError(x: unknown): x is FleetConfigError {
    return x !== null && typeof x === 'object' && MARKER in x;
  }

  /** Stable identifier of the kind of problem, e.g. `NOT_AN_INTEGER`. */
  public readonly code: string;
  /** Path of the offending property, e.g. `hostConfig.files[2].mode`. */
  public readonly property: string;
  /** The value received, as shown in the message. */
  public readonly shownValue: string;
  /** What is allowed instead. */
  public readonly allowed: string;
  /**
   * Construct path of the fleet (or other construct) that reported the problem.
   * @default - none: the problem was found outside a construct (e.g. in `HostConfig`)
   */
  public readonly constructPath?: string;
  /** Every problem of the construct, this one first (a list of one for a single problem). */
  public readonly problems: FleetConfigError[];
  /** @internal */
  public readonly _value: unknown;

  constructor(property: string, value: unknown, allowed: string, code = 'BAD_INPUT', constructPath?: string, more: FleetConfigError[] = []) {
    const line = `${constructPath ? `${constructPath}: ` : ''}${property}: got ${show(value)}; ${allowed}`;
    super(more.length ? [line, ...more.map((m) => m.message)].join('\n') : line);
    Object.defineProperty(this, MARKER, { value: true });
    this.name = 'FleetConfigError';
    this.code = code;
    this.property = property;
    this._value = value;
    this.shownValue = show(value);
    this.allowed = allowed;
    this.constructPath = constructPath;
    this.problems = [this, ...more];
  }

  /** The value received. */
  public get value(): any {
    return this._value;
  }

  /**
   * The same problem, reported by the construct at `path` (kept when already set).
   * @internal
   */
  public _at(path: string): FleetConfigError {
    if (this.constructPath !== undefined || !path) return this;
    return new FleetConfigError(this.property, this._value, this.allowed, this.code, path);
  }
}

/**
 * Recognises the errors this library throws for bad input (a jsii-friendly front of the
 * internal `FleetConfigError` class, which extends `Error`). Each carries a stable `code`
 * (e.g. `NOT_AN_INTEGER`), the `property`, and the construct path when a construct reported it;
 * its message reads `<construct path>: <property>: got <value>; <what is allowed>`.
 *
 * @example
 * try { app.synth(); } catch (e) { if (FleetConfigErrors.isFleetConfigError(e)) console.error(FleetConfigErrors.codeOf(e)); }
 */
export class FleetConfigErrors {
  /** True when `error` is a bad-input error of this library (also across two copies of it). */
  public static isFleetConfigError(error: any): boolean {
    return FleetConfigError.isFleetConfigError(error);
  }

  /**
   * The stable code of a bad-input error, e.g. `NOT_AN_INTEGER`.
   * @returns undefined for any other error
   */
  public static codeOf(error: any): string | undefined {
    return FleetConfigError.isFleetConfigError(error) ? error.code : undefined;
  }

  /**
   * The codes of every problem in a bad-input error (a construct reports all its problems at once).
   * @returns an empty list for any other error
   */
  public static codesOf(error: any): string[] {
    return FleetConfigError.isFleetConfigError(error) ? error.problems.map((p) => p.code) : [];
  }

  /**
   * The property a bad-input error is about, e.g. `hostConfig.files[2].mode`.
   * @returns undefined for any other error
   */
  public static propertyOf(error: any): string | undefined {
    return FleetConfigError.isFleetConfigError(error) ? error.property : undefined;
  }

  /**
   * The path of the construct that reported a bad-input error, e.g. `web-prod/api`.
   * @returns undefined for any other error, or one found outside a construct
   */
  public static constructPathOf(error: any): string | undefined {
    return FleetConfigError.isFleetConfigError(error) ? error.constructPath : undefined;
  }

  private constructor() {}
}

/**
 * Collects the problems of one construct so they are reported together: each `check` runs a
 * validation and returns its result, or the fallback when it failed; `throwIfAny` then throws
 * one FleetConfigError listing every problem, each prefixed with the construct path.
 * Errors that are not FleetConfigErrors are not caught.
 */
export class Problems {
  private readonly found: FleetConfigError[] = [];

  constructor(private readonly path: string) {}

  /**
   * Runs a construct's checks with a collector for `path` and throws every problem they found
   * together (the plan step of each fleet and swarm).
   */
  public static collect<T>(path: string, checks: (problems: Problems) => T): T {
    const problems = new Problems(path);
    const out = problems.run(() => checks(problems));
    problems.throwIfAny();
    return out;
  }

  /** Runs `fn`; on a FleetConfigError records it and returns `fallback`. */
  public check<T>(fn: () => T, fallback: T): T {
    try {
      return fn();
    } catch (e) {
      if (!FleetConfigError.isFleetConfigError(e)) throw e;
      // Already this collector's report (from a nested `run`): pass it on as it is.
      if ((e as unknown as Record<symbol, unknown>)[REPORTED_BY] === this) throw e;
      for (const p of (e as FleetConfigError).problems) this.found.push(p._at(this.path));
      return fallback;
    }
  }

  /** True when no problem was recorded yet. */
  public get ok(): boolean {
    return this.found.length === 0;
  }

  /** Throws every recorded problem as one error (the first problem's code and property). */
  public throwIfAny(): void {
    if (this.found.length === 0) return;
    const [first, ...rest] = this.found;
    const report = new FleetConfigError(first.property, first._value, first.allowed, first.code, first.constructPath, rest);
    Object.defineProperty(report, REPORTED_BY, { value: this });
    throw report;
  }

  /**
   * Runs `fn`, which must succeed for the construct to go on: when it throws a FleetConfigError,
   * every problem found so far is thrown with it, each with this construct's path.
   */
  public run<T>(fn: () => T): T {
    const before = this.found.length;
    const out = this.check(fn, undefined as unknown as T);
    if (this.found.length > before) this.throwIfAny();
    return out;
  }
}

/** Renders a received value for a message: strings quoted, long values cut, objects as JSON. */
export function show(value: unknown): string {
  let text: string;
  if (typeof value === 'string') {
    text = JSON.stringify(value);
  } else if (value === undefined) {
    text = 'undefined';
  } else if (typeof value === 'number' && !Number.isFinite(value)) {
    text = String(value);
  } else if (typeof value === 'function') {
    text = 'a function';
  } else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  // Invisible characters and line separators are shown as escapes, so the message shows them.
  // eslint-disable-next-line no-control-regex
  text = text.replace(/[\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** Message builders, grouped by layer. Each returns a FleetConfigError to throw. */
const builders = {
  // --- generic shapes -------------------------------------------------------------------
  notAString: (p: string, v: unknown) => new FleetConfigError(p, v, 'expected a string'),
  emptyString: (p: string, v: unknown) => new FleetConfigError(p, v, 'expected a non-empty string'),
  notAnArray: (p: string, v: unknown) => new FleetConfigError(p, v, 'expected an array'),
  notAnObject: (p: string, v: unknown) => new FleetConfigError(p, v, 'expected an object of string keys'),
  notABoolean: (p: string, v: unknown) => new FleetConfigError(p, v, 'expected true or false'),
  notAnInteger: (p: string, v: unknown, min: number, max?: number) =>
    new FleetConfigError(p, v, max === undefined
      ? `expected a whole number >= ${min}`
      : `expected a whole number from ${min} to ${max}`),
  notOneOf: (p: string, v: unknown, allowed: readonly string[]) =>
    new FleetConfigError(p, v, `allowed values: ${allowed.map((a) => `'${a}'`).join(', ')}`),
  unresolvedToken: (p: string, v: unknown) =>
    new FleetConfigError(p, v, 'this value is rendered into the first-boot payload at synth time, so it must be a literal, not a value known only at apply time'),
  controlCharacters: (p: string, v: unknown) =>
    new FleetConfigError(p, v, 'must be a single line without control characters'),

  // --- HostConfig -------------------------------------------------------------------------
  relativePath: (p: string, v: unknown) =>
    new FleetConfigError(p, v, "expected an absolute path (starting with '/'), without '..' segments, '//' or a trailing '/'"),
  duplicatePath: (p: string, v: unknown, first: string) =>
    new FleetConfigError(p, v, `the same path is already used by ${first}; each path may appear once`),
  badMode: (p: string, v: unknown) =>
    new FleetConfigError(p, v, 'expected a file mode from 0 to 0o7777 (e.g. 0o644)'),
  badOwner: (p: string, v: unknown) =>
    new FleetConfigError(p, v, "expected a user name or 'user:group' of lower-case letters, digits, '_' and '-' (e.g. 'core' or 'root:docker')"),
  badUnitName: (p: string, v: unknown) =>
    new FleetConfigError(p, v, "expected a systemd unit name like 'app.service' (letters, digits, ':_.\\@-', and a suffix such as .service, .timer, .socket, .mount, .path, .target)"),
  duplicateUnit: (p: string, v: unknown) =>
    new FleetConfigError(p, v, 'a unit of this name was already added; add drop-ins with addSystemdDropIn instead'),
  badDropInName: (p: string, v: unknown) =>
    new FleetConfigError(p, v, "expected a drop-in file name ending in '.conf' (e.g. '10-limits.conf')"),
  emptyUnit: (p: string, v: unknown) =>
    new FleetConfigError(p, v, 'expected unit contents (a [Unit]/[Service] text), or mask: true'),
  badSshKey: (p: string, v: unknown) =>
    new FleetConfigError(p, v, "expected one OpenSSH public key line such as 'ssh-ed25519 AAAAC3Nza... comment', optionally after authorized_keys options such as 'from=\"10.0.0.0/8\",no-pty' (types: ssh-ed25519, ssh-rsa, ecdsa-sha2-nistp256/384/521, sk-ssh-ed25519@openssh.com, sk-ecdsa-sha2-nistp256@openssh.com)"),
  badUserName: (p: string, v: unknown) =>
    new FleetConfigError(p, v, "expected a user name of 1-32 lower-case letters, digits, '_' or '-', starting with a letter or '_'"),
  badContainerName: (p: string, v: unknown) =>
    new FleetConfigError(p, v, "expected a container name matching [a-zA-Z0-9][a-zA-Z0-9_.-]* (at most 63 characters)"),
  duplicateContainer: (p: string, v: unknown) =>
    new FleetConfigError(p, v, 'a container of this name was already added; names must be unique'),
  badImage: (p: string, v: unknown) =>
    new FleetConfigError(p, v, "expected an image reference such as 'nginx:1.27' or 'ghcr.io/org/app@sha256:...' (no spaces, no upper-case repository)"),
  badPort: (p: string, v: unknown) =>
    new FleetConfigError(p, v, "expected '[hostIp:]hostPort:containerPort[/tcp|/udp|/sctp]' or 'containerPort[/proto]' or 'hostIp::containerPort' with ports from 1 to 65535 (e.g. '80:8080', '127.0.0.1:53:53/udp', '127.0.0.1::8080')"),
  badVolume: (p: string, v: unknown) =>
    new FleetConfigError(p, v, "expected 'source:/container/path[:options]' (options comma-separated from ro, rw, z, Z, shared, rshared, slave, rslave, private, rprivate, nocopy) where source is an absolute host path or a volume name (e.g. '/srv/data:/data:ro', 'cache:/cache')"),
  badEnvName: (p: string, v: unknown) =>
    new FleetConfigError(p, v, 'expected an environment variable name matching [A-Za-z_][A-Za-z0-9_.]*'),
  badEnvValue: (p: string, v: unknown) =>
    new FleetConfigError(p, v, 'expected a single-line string (Docker env files cannot hold newlines)'),
  badSysctl: (p: string, v: unknown) =>
    new FleetConfigError(p, v, "expected a sysctl key like 'net.ipv4.ip_forward' or 'net.ipv4.conf.enX0.rp_filter' (letters, digits, '_', '-', '.', '/')"),
  badSysctlValue: (p: string, v: unknown) =>
    new FleetConfigError(p, v, 'expected a single-line string value, e.g. "1"'),
  badTimeZone: (p: string, v: unknown, hint?: string) =>
    new FleetConfigError(p, v, `expected a name of the IANA tz database, exactly as written there, such as 'UTC', 'Europe/Berlin' or 'America/New_York'${hint ? `; ${hint}` : ''}`),
  badHostname: (p: string, v: unknown) =>
    new FleetConfigError(p, v, 'expected a host name of DNS labels (letters, digits, hyphens; each label 1-63 characters, at most 253 in all)'),
  badDockerSettings: (p: string, v: unknown) =>
    new FleetConfigError(p, v, 'expected a JSON-serialisable object (the contents of /etc/docker/daemon.json)'),
  dockerTcpSocket: (p: string, v: unknown) =>
    new FleetConfigError(p, v, 'the Docker API is only exposed on the local unix socket (an unauthenticated TCP socket is root on the host); use SSH (DOCKER_HOST=ssh://...) instead'),
  badDevice: (p: string, v: unknown) =>
    new FleetConfigError(p, v, "expected an absolute device path such as '/dev/disk/by-id/virtio-docker' or '/dev/xvdb'"),
  badLabel: (p: string, v: unknown) =>
    new FleetConfigError(p, v, "expected a file system label of 1-12 characters from [A-Za-z0-9_-]"),

  hostConfigFrozen: (method: string, consumer: string) =>
    new FleetConfigError(`hostConfig.${method}()`, consumer, 'this HostConfig was already used by that fleet, which rendered its hosts from it, so this change would be missing from them; make every change before passing the HostConfig to a fleet, or use a new HostConfig'),
  badFragment: (p: string, v: unknown, format: string, why: string) =>
    new FleetConfigError(p, v, `expected ${format}: ${why}`),
  fragmentFormat: (os: string, v: unknown, allowed: string, factory: string) =>
    new FleetConfigError('hostConfig.fragments', v, `${os} reads ${allowed}; give a fragment of that format (FirstBootFragment.${factory}(...))`),

  // --- OS catalog -----------------------------------------------------------------------------
  unknownChannel: (os: string, p: string, v: unknown, allowed: readonly string[]) =>
    // p names the kind of channel: 'stream', 'channel', 'release' or 'variant'
    new FleetConfigError(p, v, `${os} has the ${p}s ${allowed.map((a) => `'${a}'`).join(', ')}`),
  unsupportedFeature: (os: string, p: string, v: unknown, alternative: string) =>
    new FleetConfigError(p, v, `${os} cannot express this; ${alternative}`),
  unsupportedPolicy: (os: string, v: unknown, alternatives: string) =>
    new FleetConfigError('updatePolicy', v, `${os} does not support this update policy; use ${alternatives}`),
  unsupportedPlatform: (os: string, v: unknown, alternative: string) =>
    new FleetConfigError('platform', v, `${os} is not available on this platform; ${alternative}`),
  compressedImage: (os: string, v: unknown, hint: string) =>
    new FleetConfigError('image', v, `${os} publishes this image compressed, and libvirt cannot use a compressed image by URL; ${hint}`),

  // --- UpdatePolicy ---------------------------------------------------------------------------
  badTime: (p: string, v: unknown) =>
    new FleetConfigError(p, v, "expected a 24-hour UTC time 'HH:MM' from '00:00' to '23:59'"),
  badWeekday: (p: string, v: unknown) =>
    new FleetConfigError(p, v, "expected Weekday values: 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'"),
  badUrl: (p: string, v: unknown) =>
    new FleetConfigError(p, v, "expected an http:// or https:// URL (e.g. 'https://fleetlock.example.com')"),

  // --- AWS platform -----------------------------------------------------------------------------
  emptyList: (p: string, v: unknown, what: string) =>
    new FleetConfigError(p, v, `expected at least one ${what}`),
  badAwsId: (p: string, v: unknown, prefix: string) =>
    new FleetConfigError(p, v, `expected an id like '${prefix}-0123456789abcdef0' ('${prefix}-' and 8 or 17 lower-case hex digits)`),
  badAmiId: (p: string, v: unknown) =>
    new FleetConfigError(p, v, "expected an AMI id like 'ami-0123456789abcdef0' ('ami-' and 8 to 17 lower-case hex digits)"),
  badCidr: (p: string, v: unknown, hint?: string) =>
    new FleetConfigError(p, v, `expected an IPv4 or IPv6 CIDR block in network form, e.g. '203.0.113.0/24' or '2001:db8::/32'${hint ? `; ${hint}` : ''}`),
  badInstanceType: (p: string, v: unknown) =>
    new FleetConfigError(p, v, "expected an EC2 instance type 'family.size', e.g. 't3.small', 'm7g.large'"),
  architectureMismatch: (p: string, v: unknown, architecture: string, typeArchitecture: string) =>
    new FleetConfigError(p, v, `this instance type is ${typeArchitecture} but architecture is '${architecture}'; pick a${typeArchitecture === 'arm64' ? 'n x86_64 type (e.g. t3.small, m7i.large)' : ' Graviton type (e.g. t4g.small, m7g.large)'} or set architecture: Architecture.${typeArchitecture === 'arm64' ? 'ARM64' : 'X86_64'}`),
  rootVolumeTooSmall: (os: string, v: unknown, minGiB: number) =>
    new FleetConfigError('rootVolumeSizeGiB', v, `${os}'s image needs a root volume of at least ${minGiB} GiB; pass ${minGiB} or more, or leave it unset`),
  capacityOrder: (p: string, v: unknown, rule: string) =>
    new FleetConfigError(p, v, rule),
  badBucketName: (p: string, v: unknown) =>
    new FleetConfigError(p, v, "expected a literal S3 bucket name (3-63 characters of lower-case letters, digits, '.' and '-'; no 's3://' prefix): it is written into the user-data pointer at synth time"),
  badFleetName: (p: string, v: unknown) =>
    new FleetConfigError(p, v, 'expected a literal name of 2-32 letters, digits and hyphens, starting with a letter or digit (it prefixes resource names; a launch template name_prefix needs at least 3 characters)'),
  reservedTag: (p: string, v: unknown) =>
    new FleetConfigError(p, v, 'the Name tag is set from the fleet name; pass name: ... instead'),
  userDataTooLarge: (os: string, bytes: number, limit: number, fix: string) =>
    new FleetConfigError('hostConfig', `${bytes} bytes of ${os} user data`, `EC2 user data is limited to ${limit} bytes (16 KB), and the library never truncates it; ${fix}`),

  badTargetGroupArn: (p: string, v: unknown) =>
    new FleetConfigError(p, v, "expected an ELB target group ARN like 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef'"),

  // --- libvirt platform -------------------------------------------------------------------------
  compressedImageUrl: (p: string, v: unknown) =>
    new FleetConfigError(p, v, "libvirt cannot use a compressed image (.xz, .bz2, .gz, .zst, .zip, .tar*) as a volume source; download and decompress it on the libvirt host (e.g. 'xz -d image.qcow2.xz'), then use LibvirtImage.fromPath('/var/lib/libvirt/images/image.qcow2')"),
  badImageUrl: (p: string, v: unknown) =>
    new FleetConfigError(p, v, "expected an http://, https:// or file:// URL of an uncompressed qcow2 or raw image (e.g. 'https://stable.release.flatcar-linux.net/amd64-usr/current/flatcar_production_qemu_image.img')"),
  badImagePath: (p: string, v: unknown) =>
    new FleetConfigError(p, v, "expected an absolute path of an uncompressed qcow2 or raw image on the machine running Terraform (e.g. '/var/lib/libvirt/images/fedora-coreos.qcow2')"),
  badLibvirtCidr: (p: string, v: unknown, why?: string) =>
    new FleetConfigError(p, v, `${why ? `${why}; ` : ''}expected an IPv4 CIDR block in network form with a prefix from /8 to /29, e.g. '10.17.3.0/24' (host bits zero)`),
  cidrTooSmall: (p: string, v: unknown, hostCount: number, usable: number) =>
    new FleetConfigError(p, v, `this network has ${usable} addresses for hosts (the network address, the libvirt gateway .1 and the broadcast address are reserved), but hostCount is ${hostCount}; use a larger block (smaller prefix) or fewer hosts`),
  memoryBelowMinimum: (os: string, v: unknown, minMiB: number) =>
    new FleetConfigError('memoryMiB', v, `${os} needs at least ${minMiB} MiB on libvirt; pass ${minMiB} or more, or leave it unset`),
  duplicateHostName: (p: string, v: unknown, first: string) =>
    new FleetConfigError(p, v, `the same host name (ignoring case) is already used by ${first}; host names must be unique`),
  hostNamesCount: (v: unknown, hostCount: number) =>
    new FleetConfigError('hostNames', v, `expected exactly hostCount (${hostCount}) names; give one name per host or leave hostNames unset`),
  badHostLabel: (p: string, v: unknown) =>
    new FleetConfigError(p, v, "expected a host name that is one DNS label: 1-63 letters, digits and hyphens, not starting or ending with a hyphen (e.g. 'docker-0'); the network's DNS domain is appended"),
  badDefaultHostName: (id: string, v: unknown) =>
    new FleetConfigError('hostNames', v, `the default host names are '<construct id>-<n>', and the id '${id}' does not make a DNS label; pass hostNames (e.g. ['docker-0', 'docker-1']) or use an id of letters, digits and hyphens`),
  badLibvirtName: (p: string, v: unknown) =>
    new FleetConfigError(p, v, "expected a libvirt object name of 1-64 characters from [A-Za-z0-9_.-], not starting with '.' or '-'"),
  literalRequired: (p: string, v: unknown, why: string) =>
    new FleetConfigError(p, v, `must be a literal value, not a token known only at apply time: ${why}`),
  conflictingProps: (p: string, v: unknown, other: string, why: string) =>
    new FleetConfigError(p, v, `cannot be combined with ${other}: ${why}`),
  badDnsDomain: (p: string, v: unknown) =>
    new FleetConfigError(p, v, "expected a DNS domain of labels (letters, digits, hyphens), e.g. 'fleet.internal'"),
  lineSeparatorCharacters: (p: string, v: unknown) =>
    new FleetConfigError(p, v, 'must be a single line: U+0085, U+2028 and U+2029 are line breaks for YAML 1.1 parsers (cloud-init, tiny-cloud) and would split it; remove them'),
  duplicateIgnitionEntry: (p: string, v: unknown, first: string) =>
    new FleetConfigError(p, v, `the rendered Ignition config would hold this entry twice (also in ${first}), which Ignition refuses at boot ("duplicate entry defined"); give it one path/name (e.g. drop the fragment's entry or the file that clashes)`),
  duplicateIngressPort: (p: string, v: unknown, first: string) =>
    new FleetConfigError(p, v, `the port is already listed as ${first}; list each port once (two identical security group rules fail at apply)`),
  badTag: (p: string, v: unknown, why: string) =>
    new FleetConfigError(p, v, why),
  badDuration: (p: string, v: unknown) =>
    new FleetConfigError(p, v, "expected a duration such as '10m', '1h30m' or '90s', or '0' for no wait"),
  invalidUnicode: (p: string, v: unknown) =>
    new FleetConfigError(p, v, 'must be valid Unicode: it holds a lone UTF-16 surrogate, which has no UTF-8 encoding'),
  // --- container secrets (issue 16) ---------------------------------------------------------
  notContainerSecret: (p: string, v: unknown) =>
    new FleetConfigError(p, v, "expected a ContainerSecret (ContainerSecret.fromSsmParameter('/prod/db/password') or ContainerSecret.fromSecretsManager('arn:aws:secretsmanager:...'))"),
  badSsmParameterName: (p: string, v: unknown) =>
    new FleetConfigError(p, v, "expected an SSM parameter name of 1-1011 characters from [A-Za-z0-9_.-/], e.g. '/prod/db/password' or 'db-password' (the name, not its ARN)"),
  badSecretArn: (p: string, v: unknown) =>
    new FleetConfigError(p, v, "expected the full ARN of a Secrets Manager secret, 'arn:<partition>:secretsmanager:<region>:<account>:secret:<name>-<6 characters>' (the secret's `arn` attribute)"),
  secretNameToken: (p: string, v: unknown) =>
    new FleetConfigError(p, v, "the host fetches the secret by this name at boot, and the first-boot payload is rendered (and hashed, and for Alpine gzipped) at synth time, so a value known only at apply time cannot reach it; pass the literal name or ARN (for a parameter or secret created in the same app, the literal `name` you gave it, e.g. a shared constant)"),
  secretShadowsEnvironment: (p: string, v: unknown) =>
    new FleetConfigError(p, v, 'this name is also in the container\'s environment; give each variable either a value (environment) or a ContainerSecret (secrets), not both'),
  secretsWithoutInstanceRole: (p: string, v: unknown) =>
    new FleetConfigError(p, v, 'libvirt hosts have no instance role to fetch secrets with, so container secrets are AWS only; on libvirt put the values in a root-only file you provision on the host yourself (e.g. with your configuration management) and pass it to the container with a volume, or use environment (which is stored in the first-boot payload and Terraform state in plain text)'),
  badKmsKeyArn: (p: string, v: unknown) =>
    new FleetConfigError(p, v, "expected a KMS key ARN, 'arn:<partition>:kms:<region>:<account>:key/<key id>'"),
  // --- Bottlerocket on ECS (issue 18) -------------------------------------------------------
  ecsCannotExpress: (os: string, p: string, v: unknown, alternative: string) =>
    new FleetConfigError(p, v, `${os} runs containers as ECS tasks, whose definitions cannot express this; ${alternative}`),
  badLogRetention: (p: string, v: unknown, allowed: readonly number[]) =>
    new FleetConfigError(p, v, `expected one of CloudWatch Logs' retention periods in days (${allowed.join(', ')}), or 0 to keep logs forever`),
  badEcsClusterName: (p: string, v: unknown) =>
    new FleetConfigError(p, v, 'expected an ECS cluster name: 1-255 letters, digits, hyphens and underscores (the ECS API rule)'),
  badHostContainer: (p: string, v: unknown, allowed: string) =>
    new FleetConfigError(p, v, allowed),
  // --- Docker Swarm (issue 19) -----------------------------------------------------------
  badManagerCount: (p: string, v: unknown) =>
    new FleetConfigError(p, v, 'expected 1, 3 or 5 managers: Raft needs a majority of managers to agree, so an even count tolerates no more failures than the odd count below it (3 and 5 tolerate 1 and 2 lost managers), and more than 5 slows every write; add capacity with workers'),
  swarmUnsupportedOs: (p: string, v: unknown, why: string) =>
    new FleetConfigError(p, v, why),
  swarmUpdateWindowTooShort: (p: string, v: unknown, managers: number, needed: number) =>
    new FleetConfigError(p, v, `the ${managers} managers get one turn each inside the window, at least 20 minutes apiece (10 to start a reboot, 10 to reboot and rejoin), so the window must last at least ${needed} minutes; lengthen it or use fewer managers`),
  badSwarmParameterPath: (p: string, v: unknown) =>
    new FleetConfigError(p, v, "expected an SSM parameter path like '/docker-swarm/prod': a leading slash, 1-15 levels of [A-Za-z0-9_.-], no trailing slash, not starting with /aws or /ssm"),
  swarmLiteralRequired: (p: string, v: unknown) =>
    new FleetConfigError(p, v, 'must be a literal number: the swarm sizes its quorum and update slots from it at synth time'),
  // groups of extra users
  groupIsUsersOwn: (p: string, v: unknown, user: string) =>
    new FleetConfigError(p, v, `'${user}' already has a group of its own name, its primary group (created with the user); list only supplementary groups such as 'docker' or 'wheel'`),
  duplicateUserGroup: (p: string, v: unknown, first: string) =>
    new FleetConfigError(p, v, `the group is already listed as ${first}; list each group once`),
  // Bottlerocket update window
  bottlerocketWindowTooShort: (p: string, v: unknown, min: number) =>
    new FleetConfigError(p, v, `a Bottlerocket fleet's window must last at least ${min} minutes: the update runbook starts a host only while 20 minutes of the window remain (at most 15 to apply the update and request the reboot after at least 5 of draining), so a shorter window would never update a host; lengthen it, or use UpdatePolicy.immediate() or UpdatePolicy.disabled()`),
  badEcsServiceName: (p: string, v: unknown) =>
    new FleetConfigError(p, v, 'expected an ECS service name of 1-255 letters, digits, hyphens and underscores'),
};

type Builders = typeof builders;

/** `badPort` → `BAD_PORT`: each builder's stable error code, derived from its name. */
export function codeOf(builder: string): string {
  return builder.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

/**
 * The message builders, each stamping its stable code (from its name, see `codeOf`) on the
 * error it returns. Add new builders to `builders` above.
 */
export const Errors: Builders = Object.fromEntries(Object.entries(builders).map(([key, build]) => [key, (...args: unknown[]) => {
  const e = (build as (...a: unknown[]) => FleetConfigError)(...args);
  return new FleetConfigError(e.property, e._value, e.allowed, codeOf(key));
}])) as Builders;
