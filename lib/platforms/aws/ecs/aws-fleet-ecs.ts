/**
 * The ECS side of an `AwsDockerFleet` whose OS runs its containers as ECS services
 * (Bottlerocket's aws-ecs variants): the cluster, one DAEMON service per HostConfig container,
 * their log group, and the SSM maintenance window that updates the hosts. A plain object, not
 * a construct: the resources stay children of the fleet, so their Terraform addresses are the
 * fleet's.
 *
 * The ECS and SSM provider classes are loaded only when a fleet creates these resources: an app
 * without a Bottlerocket fleet does not pay their import.
 */
import type { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import type { EcsCluster } from '@cdktf/provider-aws/lib/ecs-cluster';
import type { EcsService } from '@cdktf/provider-aws/lib/ecs-service';
import type { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import type { SsmMaintenanceWindow } from '@cdktf/provider-aws/lib/ssm-maintenance-window';
import type { Construct } from 'constructs';
import { tagsOrNone } from '../aws-scope';
import { EcsFleetPlan, FLEET_TAG } from './fleet-plan';
import type { EcsFleetOwner } from './fleet-resources';

/* eslint-disable @typescript-eslint/no-require-imports */
const resources = () => require('./fleet-resources') as typeof import('./fleet-resources');
const updateWindow = () => require('./update-window') as typeof import('./update-window');
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * The ECS resources of a fleet whose containers run as ECS daemon services (Bottlerocket):
 * `AwsDockerFleet.ecs`.
 */
export class AwsFleetEcs {
  /**
   * Creates the fleet's ECS resources in `scope` (the fleet).
   * @internal
   */
  public static _create(scope: Construct, fleet: EcsFleetOwner, plan: EcsFleetPlan, instanceRole: IamRole,
    partition: () => string): AwsFleetEcs {
    const ecs = resources().ecsFleetFor(scope, fleet, plan, instanceRole, partition);
    // Bottlerocket never updates itself: the fleet's own SSM maintenance window applies updates
    // host by host inside the window, draining each in ECS first (update-window.ts).
    const window = plan.updateWindow === undefined ? undefined : updateWindow().bottlerocketUpdateWindowFor(scope, {
      fleet: fleet.names.fleet, window: plan.updateWindow, clusterName: ecs.clusterName, clusterArn: ecs.clusterArn,
      serviceNames: plan.services.map((s) => s.name), targetTag: { key: FLEET_TAG, value: fleet.names.fleet },
      partition, tags: tagsOrNone(fleet.userTags),
    }).maintenanceWindow;
    return new AwsFleetEcs(ecs.clusterName, ecs.services, ecs.cluster, ecs.logGroup, window);
  }

  /**
   * The ECS cluster the fleet created.
   * @default - none: `ContainerOs.bottlerocket({ ecsCluster })` joins an existing cluster
   */
  public readonly cluster?: EcsCluster;
  /** The name of the ECS cluster the hosts join. */
  public readonly clusterName: string;
  /** The DAEMON service of each HostConfig container. */
  public readonly services: EcsService[];
  /**
   * The containers' CloudWatch log group.
   * @default - none: the HostConfig has no containers
   */
  public readonly containerLogGroup?: CloudwatchLogGroup;
  /**
   * The SSM maintenance window that updates the hosts one at a time inside
   * `UpdatePolicy.maintenanceWindow()` (update check, ECS drain, apply, reboot, rejoin).
   * @default - none: another update policy
   */
  public readonly updateMaintenanceWindow?: SsmMaintenanceWindow;

  private constructor(clusterName: string, services: EcsService[], cluster?: EcsCluster, containerLogGroup?: CloudwatchLogGroup,
    updateMaintenanceWindow?: SsmMaintenanceWindow) {
    this.clusterName = clusterName;
    this.services = services;
    this.cluster = cluster;
    this.containerLogGroup = containerLogGroup;
    this.updateMaintenanceWindow = updateMaintenanceWindow;
  }
}
