/**
 * The shared base of the two Ignition OSes (Fedora CoreOS, Flatcar): systemd, Ignition 3.3.0,
 * Docker preinstalled with docker.service flags the user must not repeat in daemon.json, and an
 * `ignition.config.replace` pointer for configs above the EC2 user-data limit.
 */
import { FirstBootFormat } from '../bootconfig/formats';
import { renderIgnition, renderIgnitionPointer } from '../bootconfig/ignition';
import { FileModel, HostModel, LinkModel, UnitModel, layer } from '../bootconfig/model';
import { expandForSystemd } from '../bootconfig/systemd-host';
import { IgnitionOsGroups } from '../bootconfig/user-groups';
import { CoreErrors } from '../core/errors';
import { ALL_FEATURES, OsCapabilities } from './capabilities';
import { AwsTraits } from './aws-traits';
import { OsDefinition, RenderContext } from './os-definition';
import { PlatformTraits } from './platform-traits';

/** What differs between the Ignition OSes. */
export interface IgnitionOsSpec {
  readonly name: string;
  readonly channel: string;
  readonly policies: OsCapabilities['policies'];
  /** daemon.json keys docker.service already passes as flags (dockerd refuses a key given twice), with the reason */
  readonly reservedDaemonKeys: Readonly<Record<string, string>>;
  /** the OS's daemon.json defaults (the merge parent of the user's settings) */
  readonly daemonDefaults: Readonly<Record<string, unknown>>;
  /** files the OS adds: update settings for the policy, Docker wiring */
  osFiles(ctx: RenderContext, user: HostModel): FileModel[];
  /** units and drop-ins the OS adds */
  osUnits?(ctx: RenderContext, user: HostModel): UnitModel[];
  /** links the OS adds */
  osLinks?(ctx: RenderContext, user: HostModel): LinkModel[];
  /** where the OS keeps its groups when Ignition runs (lib/os/os-groups.ts) */
  readonly groups: IgnitionOsGroups;
  /** one record per platform the OS runs on (on AWS: with IGNITION_ON_AWS) */
  readonly traits: PlatformTraits;
}

/**
 * What every Ignition OS is on AWS: Ignition's own pointer to a config above the user-data limit,
 * and no gzip. Upstream Ignition's AWS provider does not gunzip user data (coreos/ignition
 * internal/providers/aws/aws.go); Flatcar's gunzips only to tell cloud-config apart, which is
 * not relied on.
 */
export const IGNITION_ON_AWS: Pick<AwsTraits, 'gzipUserData' | 'remoteConfigPointer' | 'managedPolicies'> = {
  gzipUserData: false,
  remoteConfigPointer: renderIgnitionPointer,
  managedPolicies: [],
};

export function ignitionOs(spec: IgnitionOsSpec): OsDefinition {
  return {
    name: spec.name,
    channel: spec.channel,
    format: FirstBootFormat.IGNITION,
    // fedora-coreos-docs provisioning-aws.adoc and flatcar-website deploy/cloud/aws-ec2.md: `core`.
    defaultUser: 'core',
    capabilities: { features: ALL_FEATURES, policies: spec.policies },
    initSystem: 'systemd',
    swarm: true,
    traits: spec.traits,
    osLayer: (ctx, user) => layer({
      dockerDaemonSettings: { ...spec.daemonDefaults },
      files: spec.osFiles(ctx, user),
      units: spec.osUnits?.(ctx, user) ?? [],
      links: spec.osLinks?.(ctx, user) ?? [],
    }),
    check: (model, ctx) => {
      for (const key of Object.keys(model.dockerDaemonSettings)) {
        const why = spec.reservedDaemonKeys[key];
        if (why) {
          const property = `hostConfig.dockerDaemonSettings.${key}`;
          throw CoreErrors.unsupportedFeature(ctx.displayName, property, model.dockerDaemonSettings[key], why);
        }
      }
    },
    render: (model, _ctx, fragments) => renderIgnition(expandForSystemd(model, {
      defaultUser: 'core', dockerBinary: '/usr/bin/docker', groups: spec.groups, declaredGroups: fragmentGroups(fragments),
    }), fragments),
  };
}

/**
 * Groups raw fragments declare in `passwd.groups` (not with `shouldExist: false`): Ignition
 * creates them before it creates users, so users' groups may name them (declared once, by the
 * user; the library never declares a group itself).
 */
function fragmentGroups(fragments: readonly Record<string, unknown>[]): string[] {
  const out: string[] = [];
  for (const f of fragments) {
    const groups = (f.passwd as { groups?: unknown } | undefined)?.groups;
    if (!Array.isArray(groups)) continue;
    for (const g of groups) if (typeof g?.name === 'string' && g.shouldExist !== false) out.push(g.name);
  }
  return out;
}
