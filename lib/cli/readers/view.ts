/**
 * What the CLI shows of a host: its first-boot payload read back (by the readers next to this
 * file, one per payload format, as lib/bootconfig has one writer per format).
 */
import { KeyInfo } from '../util';

export type PayloadFormat = 'ignition' | 'cloud-config' | 'alpine-config' | 'bottlerocket-toml';

export interface FileView {
  readonly path: string;
  readonly mode: string;
  readonly owner?: string;
  readonly size: number;
  readonly sha256: string;
  /** the contents when they are text */
  readonly text?: string;
}

export interface UnitView {
  readonly name: string;
  readonly enabled?: boolean;
  readonly mask?: boolean;
  readonly contents?: string;
  readonly dropIns: { readonly name: string; readonly contents: string }[];
}

export interface ContainerView {
  readonly name: string;
  readonly image: string;
  readonly ports: string[];
  /** env names with their values, from the env file */
  readonly environment: Record<string, string>;
  readonly volumes: string[];
  readonly command: string[];
  /** secrets the host fetches at each start: env name ← source and id (never a value) */
  readonly secrets: string[];
  /** other `docker run` options, as written */
  readonly options: string[];
  /** where it is defined (unit, init script, Bottlerocket host container) */
  readonly source: string;
}

export interface PolicyView {
  /** the mechanism, e.g. `Zincati drop-in` */
  readonly agent: string;
  /** the settings as the OS reads them (file text, cron line, TOML keys) */
  readonly lines: string[];
}

export interface DataVolumeView {
  readonly lines: string[];
}

export interface HostView {
  readonly os: string;
  readonly format: PayloadFormat;
  readonly hostname?: string;
  readonly updatePolicy?: PolicyView;
  readonly users: { readonly name: string; readonly keys: KeyInfo[] }[];
  readonly files: FileView[];
  readonly directories: { readonly path: string; readonly mode: string }[];
  readonly links: { readonly path: string; readonly target: string }[];
  readonly units: UnitView[];
  readonly containers: ContainerView[];
  readonly dataVolume?: DataVolumeView;
  readonly sysctls: Record<string, string>;
  readonly timeZone?: string;
  readonly packages: string[];
  readonly commands: string[];
  /** Bottlerocket settings not shown elsewhere, as TOML-ish `key = value` lines */
  readonly settings: string[];
  /** the payload's parts no reader models, raw (`path = JSON`: raw-payload-parts.ts) */
  readonly rawParts?: string[];
}
