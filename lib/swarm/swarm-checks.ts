/**
 * The props both swarms check the same way (AWS and libvirt): a swarm-capable OS, the manager
 * count, the update policy with its manager update slots, the host config and the time after
 * which a Down worker is removed. Each check reports into the swarm's Problems, so all problems
 * of a swarm are still reported together.
 */
import { Token } from 'cdktf';
import { HostConfig, requireHostConfig } from '../bootconfig/host-config';
import { MANAGER_COUNTS, managerPolicies } from './update-turns';
import { SwarmErrors } from './errors';
import { Problems } from '../core/problems';
import { requireInteger } from '../core/validation';
import { ContainerOs, requireContainerOs } from '../os/container-os';
import { UpdatePolicy, requirePolicy } from '../os/update-policy';

/** The props the two swarms share. */
export interface CommonSwarmProps {
  readonly os: ContainerOs;
  readonly managerCount: number;
  readonly hostConfig?: HostConfig;
  readonly updatePolicy?: UpdatePolicy;
  readonly workerDownMinutes?: number;
}

/** The OS (one whose hosts can form a swarm) and the manager count (1, 3 or 5, a literal). */
export function checkSwarmMembers(p: Problems, props: CommonSwarmProps): { os: ContainerOs; managerCount: number } {
  const os = p.run(() => {
    const o = requireContainerOs('os', props.os);
    const swarm = o._definition.swarm;
    if (swarm !== true) throw SwarmErrors.swarmUnsupportedOs('os', o.displayName, swarm);
    return o;
  });
  const managerCount = p.check(() => {
    if (Token.isUnresolved(props.managerCount)) throw SwarmErrors.swarmLiteralRequired('managerCount', props.managerCount);
    const n = requireInteger('managerCount', props.managerCount, 0);
    if (!MANAGER_COUNTS.includes(n)) throw SwarmErrors.badManagerCount('managerCount', n);
    return n;
  }, 1);
  return { os, managerCount };
}

/** workerDownMinutes (default 60), the update policy (default window) split into manager slots, and the host config. */
export function checkSwarmOperations(p: Problems, props: CommonSwarmProps, managerCount: number):
  { downMinutes: number; policy: UpdatePolicy; policies: UpdatePolicy[]; host: HostConfig } {
  const downMinutes = p.optional('workerDownMinutes', props.workerDownMinutes, 60, (name, v) => requireInteger(name, v, 1));
  const policy = p.optional('updatePolicy', props.updatePolicy, UpdatePolicy.defaultWindow(), (_, v) => requirePolicy(v));
  const host = p.check(() => {
    const h = requireHostConfig('hostConfig', props.hostConfig);
    const liveRestore = h._toModel().dockerDaemonSettings['live-restore'];
    if (liveRestore !== undefined && liveRestore !== false) {
      throw SwarmErrors.swarmLiveRestore('hostConfig.dockerDaemonSettings.live-restore', liveRestore);
    }
    return h;
  }, new HostConfig());
  const policies = p.check(() => managerPolicies(policy, managerCount), [policy]);
  return { downMinutes, policy, policies, host };
}
