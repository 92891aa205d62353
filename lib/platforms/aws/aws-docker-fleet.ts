import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { AutoscalingGroup } from '@cdktf/provider-aws/lib/autoscaling-group';
import type { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import type { EcsCluster } from '@cdktf/provider-aws/lib/ecs-cluster';
import type { EcsService } from '@cdktf/provider-aws/lib/ecs-service';
import { IamInstanceProfile } from '@cdktf/provider-aws/lib/iam-instance-profile';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template';
import { S3Object } from '@cdktf/provider-aws/lib/s3-object';
import type { SsmMaintenanceWindow } from '@cdktf/provider-aws/lib/ssm-maintenance-window';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { EBS_DATA_DEVICE } from '../../os/aws-traits';
import { planAwsFleet } from './aws-fleet-plan';
import { autoScalingGroupFor, instanceRoleFor, launchTemplateFor, remoteConfigFor, secretsPolicyFor, securityGroupFor } from
  './aws-fleet-resources';
import { partitionOf } from './aws-scope';
import { AwsDockerFleetProps } from './aws-docker-fleet-props';
import { AwsFleetEcs } from './ecs/aws-fleet-ecs';
import { USER_DATA_LIMIT_BYTES, UserDataDelivery } from './user-data';
import { reportUnderCliSynth } from '../cli-synth-errors';
import { readableOutput } from '../readable-output';

export { UserDataDelivery } from './user-data';

/**
 * A fleet of Docker hosts on EC2: an Auto Scaling group over a launch template that boots the
 * chosen container OS with its rendered first-boot config, a security group, and an instance
 * role (no policies unless the OS, SSM or the S3 config path needs one).
 *
 * Secure by default: IMDSv2 required, encrypted gp3 volumes, no public IP, no SSH ingress
 * unless `sshIngressCidrs` is given, no Docker TCP socket.
 *
 * What replaces hosts:
 *
 * | change | effect |
 * |---|---|
 * | new AMI (new release, `AwsImage.latest()` resolving differently, another pinned id) | nothing: `ignore_changes = ["image_id"]`; hosts update themselves in place through their channel |
 * | hostConfig, updatePolicy, instanceType, volume sizes, key pair, security groups | a new launch template version, and the Auto Scaling group's rolling instance refresh replaces hosts (min healthy `minHealthyPercentage`, 90%) |
 * | hostCount | hosts are added or removed; others are untouched |
 * | a Bottlerocket container (image, ports, environment, volumes, command) | a new ECS task-definition revision: ECS replaces that container's task on each host; the hosts stay |
 *
 * To move running hosts to a new pinned AMI, start an instance refresh yourself
 * (`aws autoscaling start-instance-refresh`).
 */
export class AwsDockerFleet extends Construct {
  /** EC2's user-data limit in bytes (16 KB, before base64 encoding). */
  public static readonly USER_DATA_LIMIT_BYTES = USER_DATA_LIMIT_BYTES;
  /** Block-device name of the Docker data volume. */
  public static readonly DATA_VOLUME_DEVICE = EBS_DATA_DEVICE;

  /** The Auto Scaling group that runs the hosts. */
  public readonly autoScalingGroup: AutoscalingGroup;
  /** The launch template (one version per first-boot config). */
  public readonly launchTemplate: LaunchTemplate;
  /** The hosts' security group: all egress, ingress only as configured. */
  public readonly securityGroup: SecurityGroup;
  /** The hosts' IAM role. */
  public readonly instanceRole: IamRole;
  /** The hosts' instance profile. */
  public readonly instanceProfile: IamInstanceProfile;
  /** The fleet's name (`name`, or the default made from the construct id and path). */
  public readonly fleetName: string;
  /** How the first-boot payload is delivered. */
  public readonly userDataDelivery: UserDataDelivery;
  /** Size in bytes of the rendered first-boot payload, before any compression. */
  public readonly firstBootPayloadBytes: number;
  /** Size in bytes of the user data (before base64), at most 16384. */
  public readonly userDataBytes: number;
  /**
   * The S3 object that holds the Ignition config, when it was too large for user data.
   * @default - none: the config is in the user data
   */
  public readonly configObject?: S3Object;

  /**
   * The ECS cluster, services, log group and update window, on an OS whose containers run as ECS
   * services (Bottlerocket).
   * @default - none: the OS runs its containers itself
   */
  public readonly ecs?: AwsFleetEcs;

  /**
   * The ECS cluster the fleet created, on an OS whose containers run as ECS services
   * (Bottlerocket) when the OS names no existing cluster.
   * @default - none: another OS, or `ContainerOs.bottlerocket({ ecsCluster })` joins an existing cluster
   * @deprecated use `ecs.cluster`
   */
  public readonly ecsCluster?: EcsCluster;
  /**
   * The name of the ECS cluster the hosts join (Bottlerocket).
   * @default - none: the OS runs its containers itself
   * @deprecated use `ecs.clusterName`
   */
  public readonly ecsClusterName?: string;
  /**
   * The DAEMON service of each HostConfig container (Bottlerocket; empty on other OSes).
   * @deprecated use `ecs.services`
   */
  public readonly ecsServices: EcsService[];
  /**
   * The containers' CloudWatch log group (Bottlerocket with containers).
   * @default - none: no ECS containers (other OSes log to the host's journal)
   * @deprecated use `ecs.containerLogGroup`
   */
  public readonly containerLogGroup?: CloudwatchLogGroup;

  /**
   * The SSM maintenance window that updates a Bottlerocket fleet's hosts one at a time inside
   * `UpdatePolicy.maintenanceWindow()` (update check, ECS drain, apply, reboot, rejoin).
   * @default - none: another OS or policy (the other OSes' own agents keep their windows)
   * @deprecated use `ecs.updateMaintenanceWindow`
   */
  public readonly updateMaintenanceWindow?: SsmMaintenanceWindow;

  /**
   * @param scope the stack (or construct) the fleet belongs to; it must hold an AwsProvider
   * @param id the fleet's construct id: part of every resource address, so renaming it replaces the fleet
   * @param props what to run and where
   */
  constructor(scope: Construct, id: string, props: AwsDockerFleetProps) {
    super(scope, id);
    // 1. plan: every prop checked (all problems reported together), the payload rendered once
    const plan = planAwsFleet(this, props, reportUnderCliSynth(this));
    for (const w of plan.warnings) Annotations.of(this).addWarning(w);
    this.fleetName = plan.names.fleet;
    this.userDataDelivery = plan.userData.delivery;
    this.firstBootPayloadBytes = plan.payloadBytes;
    this.userDataBytes = plan.userData.userData.length;

    // 2. resources, in dependency order
    const partition = partitionOf(this);
    this.securityGroup = securityGroupFor(this, plan);
    const { role, profile } = instanceRoleFor(this, plan, partition);
    this.instanceRole = role;
    this.instanceProfile = profile;
    this.configObject = remoteConfigFor(this, plan, role, partition);
    secretsPolicyFor(this, plan, role, partition);
    const imageId = plan.image._bind(this, plan.os, plan.architecture).imageId;
    this.launchTemplate = launchTemplateFor(this, plan, imageId, this.securityGroup, profile, this.configObject);
    this.autoScalingGroup = autoScalingGroupFor(this, plan, this.launchTemplate);
    const ecs = plan.ecs ? AwsFleetEcs._create(this, plan, plan.ecs, role, partition) : undefined;
    this.ecs = ecs;
    this.ecsCluster = ecs?.cluster;
    this.ecsClusterName = ecs?.clusterName;
    this.ecsServices = ecs?.services ?? [];
    this.containerLogGroup = ecs?.containerLogGroup;
    this.updateMaintenanceWindow = ecs?.updateMaintenanceWindow;

    // 3. outputs
    const fleet = plan.names.fleet;
    readableOutput(this, 'AutoScalingGroupName', { value: this.autoScalingGroup.name, description: `Auto Scaling group of Docker `
      + `fleet "${fleet}"` });
    readableOutput(this, 'LaunchTemplateId', { value: this.launchTemplate.id, description: `Launch template of Docker fleet `
      + `"${fleet}"` });
    readableOutput(this, 'SecurityGroupId', {
      value: this.securityGroup.id, description: `Security group of Docker fleet "${fleet}"`,
    });
    readableOutput(this, 'InstanceRoleArn', { value: this.instanceRole.arn, description: `Instance role of Docker fleet "${fleet}"` });
    if (ecs) readableOutput(this, 'EcsClusterName', { value: ecs.clusterName, description: `ECS cluster the hosts of Docker fleet `
      + `"${fleet}" join` });
  }
}
