/**
 * The ECS part of an `AwsDockerFleet` plan, for an OS whose Docker engine belongs to the ECS
 * agent (`AwsTraits.containerScheduler === 'ecs'`, Bottlerocket's aws-ecs variants): which
 * cluster the hosts join, the attribute the fleet's services are placed by, one task definition
 * and DAEMON service per HostConfig container, their log group, and the update window the fleet
 * enforces. Pure: `fleet-resources.ts` writes the resources.
 */
import { Token } from 'cdktf';
import { ContainerModel } from '../../../bootconfig/model';
import { EcsErrors } from './errors';
import { EcsMembership } from '../../../os/os-definition';
import { PolicyWindow, UpdatePolicy } from '../../../os/update-policy';
import { AwsFleetNames } from '../artefact-names';
import type { UpdateWindowPlan } from './update-window';
import { EcsTaskPlan, ecsTaskPlan } from './task-definition';

/**
 * CloudWatch Logs retention periods (days) the API takes (logs API PutRetentionPolicy
 * retentionInDays; hashicorp/aws aws_cloudwatch_log_group `retention_in_days`, where 0 keeps
 * events forever).
 */
export const LOG_RETENTION_DAYS: readonly number[] = [
  0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

/** The default retention of the containers' logs: a month, as a user would pick for service logs. */
export const DEFAULT_LOG_RETENTION_DAYS = 30;

/**
 * The ECS attribute each host of the fleet announces and the fleet's services are placed by
 * (ECS custom attributes: names of letters, digits, hyphens, underscores, periods and slashes, up
 * to 128; the cluster query language's `attribute:<name> == <value>`).
 */
export const FLEET_ATTRIBUTE = 'cdktf-docker-fleet.fleet';

/** The instance tag the update window selects the fleet's hosts by. */
export const FLEET_TAG = 'cdktf-docker-fleet:fleet';

/** One container of the fleet as an ECS task definition and DAEMON service. */
export interface EcsServicePlan extends EcsTaskPlan {
  /** task definition family and service name: `<fleet>-<container>` (unique in a shared cluster) */
  readonly name: string;
}

export interface EcsFleetPlan {
  readonly clusterName: string;
  /** false when the OS names an existing cluster to join */
  readonly createCluster: boolean;
  /** what the first-boot settings say: the cluster and the fleet attribute */
  readonly membership: EcsMembership;
  /** `attribute:… == …`, the services' placement constraint */
  readonly placement: string;
  readonly services: EcsServicePlan[];
  /**
   * The services' deployment_minimum_healthy_percent: a new task definition replaces the task on
   * half of the hosts at a time, not on all at once (0, the API's default for DAEMON services).
   */
  readonly minimumHealthyPercent: number;
  readonly logGroupName: string;
  readonly logRetentionDays: number;
  /** the window the fleet enforces with SSM, when the policy is a maintenance window */
  readonly updateWindow?: PolicyWindow;
  /** its SSM schedule (update-window.ts) */
  readonly updateSchedule?: UpdateWindowPlan;
  readonly warnings: string[];
}

export function planEcsFleet(o: {
  os: string; names: AwsFleetNames; existingCluster?: string; containers: readonly ContainerModel[];
  logRetentionDays: unknown; policy: UpdatePolicy; minHosts: number;
}): EcsFleetPlan {
  const logRetentionDays = o.logRetentionDays === undefined ? DEFAULT_LOG_RETENTION_DAYS : requireRetention(
    'containerLogRetentionDays', o.logRetentionDays);
  const services = o.containers.map((c) => ({ ...ecsTaskPlan(o.os, c), name: o.names.ecsName(c.name) }));
  const fleet = o.names.fleet;
  const clusterName = o.existingCluster ?? fleet;
  const updateWindow = o.policy._match<PolicyWindow | undefined>({
    immediate: () => undefined, maintenanceWindow: (w) => w, fleetLock: () => undefined, disabled: () => undefined,
  });
  // Checked here, with the other props: a window too short to update one host is an error.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const updateSchedule = updateWindow === undefined ? undefined
    : (require('./update-window') as typeof import('./update-window')).planUpdateWindow(updateWindow);
  return {
    clusterName,
    minimumHealthyPercent: rollingMinimum(o.minHosts),
    createCluster: o.existingCluster === undefined,
    membership: { cluster: clusterName, attributes: { [FLEET_ATTRIBUTE]: fleet } },
    placement: `attribute:${FLEET_ATTRIBUTE} == ${fleet}`,
    services,
    logGroupName: o.names.logGroup,
    logRetentionDays,
    updateWindow,
    updateSchedule,
    warnings: [...services.flatMap((s) => s.warnings), ...(updateSchedule?.warnings ?? [])],
  };
}

/**
 * 50%: half of a DAEMON service's tasks keep running while a deployment replaces the others (the
 * ECS console's default for DAEMON services; the API's is 0, which stops the container on every
 * host at once). A DAEMON deployment stops a host's task before it starts the new one there
 * (maximumPercent is 100), and ECS rounds the minimum up: with fewer than two hosts any minimum
 * above 0 would never let it stop one, so such a fleet (or one whose size is a token) keeps 0.
 * Source: AWS ECS Developer Guide, "Service definition parameters", deploymentConfiguration.
 */
function rollingMinimum(minHosts: number): number {
  return typeof minHosts === 'number' && !Token.isUnresolved(minHosts) && minHosts >= 2 ? 50 : 0;
}

function requireRetention(property: string, value: unknown): number {
  if (Token.isUnresolved(value)) return value as number;
  if (typeof value !== 'number' || !LOG_RETENTION_DAYS.includes(value)) {
    throw EcsErrors.badLogRetention(property, value, LOG_RETENTION_DAYS.filter((d) => d > 0));
  }
  return value;
}
