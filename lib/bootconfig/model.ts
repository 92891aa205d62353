/**
 * The neutral host model: plain, validated, readonly data that every renderer reads.
 * `HostConfig` (the public builder) produces it; OS expansions add their defaults to it.
 * Internal: not part of the jsii API.
 */

export interface FileModel {
  readonly path: string;
  readonly contents: Buffer;
  readonly mode: number;
  /** user name, or undefined for root */
  readonly user?: string;
  /** group name, or undefined for the user's group / root */
  readonly group?: string;
  /** where in the model the file came from, for messages (e.g. `hostConfig.files[2]`) */
  readonly origin: string;
}

export interface DirectoryModel {
  readonly path: string;
  readonly mode: number;
  readonly origin: string;
}

export interface LinkModel {
  readonly path: string;
  readonly target: string;
  readonly origin: string;
}

export interface DropInModel {
  readonly name: string;
  readonly contents: string;
}

export interface UnitModel {
  readonly name: string;
  readonly contents?: string;
  readonly enabled?: boolean;
  readonly mask?: boolean;
  readonly dropIns: readonly DropInModel[];
  readonly origin: string;
}

export interface UserModel {
  readonly name: string;
  readonly groups: readonly string[];
  readonly sshAuthorizedKeys: readonly string[];
  readonly origin: string;
}

export interface ContainerModel {
  readonly name: string;
  readonly image: string;
  readonly ports: readonly string[];
  readonly environment: Readonly<Record<string, string>>;
  readonly volumes: readonly string[];
  readonly command: readonly string[];
  /** secrets fetched on the host at each start (names/ARNs only, never values), sorted by env name */
  readonly secrets: readonly ContainerSecretModel[];
  /** MiB, when the user set one */
  readonly memoryReservationMiB?: number;
  readonly origin: string;
}

/** One container secret: the variable it becomes and where the host fetches it (never a value). */
export interface ContainerSecretModel {
  readonly env: string;
  readonly source: 'ssm' | 'secretsmanager';
  /** SSM: the parameter name; Secrets Manager: the secret's full ARN */
  readonly id: string;
  readonly jsonKey?: string;
  /** Secrets Manager: the ARN's region */
  readonly region?: string;
}

export interface DataVolumeModel {
  /** a stable device path, or undefined: found at boot (see data-volume-script.ts) */
  readonly device?: string;
  /** with discovery: the disk model to match, e.g. 'Amazon Elastic Block Store' */
  readonly diskModel?: string;
  readonly label: string;
  readonly fileSystem: 'ext4' | 'xfs';
  readonly mountPoint: string;
}

export interface HostModel {
  readonly hostname?: string;
  readonly timeZone?: string;
  readonly sshAuthorizedKeys: readonly string[];
  readonly users: readonly UserModel[];
  readonly files: readonly FileModel[];
  readonly directories: readonly DirectoryModel[];
  readonly links: readonly LinkModel[];
  readonly units: readonly UnitModel[];
  readonly dockerDaemonSettings: Readonly<Record<string, unknown>>;
  readonly sysctls: Readonly<Record<string, string>>;
  readonly containers: readonly ContainerModel[];
  readonly dockerDataVolume?: DataVolumeModel;
  /** Packages an OS layer installs on first boot (OSes with a package manager only). */
  readonly packages: readonly string[];
  /** Commands an OS layer runs last on first boot (OSes with a first-boot shell only). */
  readonly bootCommands: readonly string[];
}

/** A model with nothing in it: the start of every layer. */
export function emptyHostModel(): HostModel {
  return {
    sshAuthorizedKeys: [], users: [], files: [], directories: [], links: [], units: [],
    dockerDaemonSettings: {}, sysctls: {}, containers: [], packages: [], bootCommands: [],
  };
}

/** A layer: an empty model with some fields set. */
export function layer(fields: Partial<HostModel>): HostModel {
  return { ...emptyHostModel(), ...fields };
}

/** A UTF-8 text file of the model (origin defaults to the path, for messages). */
export function textFile(path: string, text: string, mode = 0o644, origin = path): FileModel {
  return { path, contents: Buffer.from(text, 'utf8'), mode, origin };
}
