/**
 * What one OS (with its channel) is, as data plus three small functions: the record each OS
 * file builds and `ContainerOs` wraps. No cdktf imports.
 */
import { FirstBootFormat } from '../bootconfig/formats';
import { HostModel } from '../bootconfig/model';
import { OsCapabilities, Support } from './capabilities';
import { Platform } from './enums';
import { PlatformTraits } from './platform-traits';
import { UpdatePolicy } from './update-policy';

/** What a render knows besides the model. */
export interface RenderContext {
  readonly platform: Platform;
  readonly policy: UpdatePolicy;
  /** `Name (channel)`, for messages */
  readonly displayName: string;
  /** risky-but-legal findings; fleets turn them into warning annotations */
  readonly warnings: string[];
  /**
   * The ECS cluster the host joins and the attributes it announces, when a fleet runs the
   * containers as ECS services (`AwsTraits.containerScheduler`).
   * @default - none (a preview, or an OS that runs its containers itself)
   */
  readonly ecs?: EcsMembership;
}

/** What an ECS container instance needs in its first-boot settings to join its fleet's services. */
export interface EcsMembership {
  readonly cluster: string;
  /** custom attributes the fleet's placement constraints select on */
  readonly attributes: Readonly<Record<string, string>>;
}

/** The process manager that starts services on the host: it decides how the library runs its own. */
export type InitSystem = 'systemd' | 'openrc';

export interface OsDefinition {
  readonly name: string;
  /** stream, channel, release or variant */
  readonly channel: string;
  readonly format: FirstBootFormat;
  /** the login user that receives `sshAuthorizedKeys` */
  readonly defaultUser: string;
  readonly capabilities: OsCapabilities;
  /** PID 1 of the host (Bottlerocket's too: it runs none of the user's units, see `capabilities`) */
  readonly initSystem: InitSystem;
  /** `true` when hosts can form a Docker Swarm, or why not and what to use instead */
  readonly swarm: Support;
  /** one record per platform the OS runs on */
  readonly traits: PlatformTraits;
  /**
   * The OS layer of the merge: its defaults (daemon settings, files, packages, first-boot
   * commands) and its update settings for the policy. `user` is the platform and user layers
   * merged, for facts the settings depend on (e.g. the time zone).
   */
  osLayer(ctx: RenderContext, user: HostModel): HostModel;
  /** Format-specific checks beyond the capability table (e.g. reserved daemon.json keys). */
  check?(model: HostModel, ctx: RenderContext): void;
  /** Expands the merged model into the OS's format, with raw fragments merged last. */
  render(model: HostModel, ctx: RenderContext, fragments: readonly Record<string, unknown>[]): string;
}
