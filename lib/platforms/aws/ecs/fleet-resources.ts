/**
 * The ECS resources of an `AwsDockerFleet` whose OS runs its containers as ECS services
 * (`EcsFleetPlan`): the cluster (unless the OS joins an existing one), the containers' log
 * group, the task execution role when a container has secrets, and per container a task
 * definition and a DAEMON service placed on exactly this fleet's hosts. No decisions here.
 *
 * Sources: AWS ECS developer guide "Daemon" scheduling strategy (one task per container
 * instance that satisfies the placement constraints; no capacity-provider strategy, hence
 * `launch_type = "EC2"`: aws/containers-roadmap#692, terraform-provider-aws#16772), "Using the
 * awslogs log driver" (awslogs-group, awslogs-region, awslogs-stream-prefix), "Amazon ECS task
 * execution IAM role" (the agent fetches `secrets` and, when a task has one, writes awslogs with
 * it: ssm:GetParameters, secretsmanager:GetSecretValue, kms:Decrypt, logs:CreateLogStream,
 * logs:PutLogEvents), "Cluster query language" (`attribute:<name> == <value>`).
 */
import { Construct } from 'constructs';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { EcsCluster } from '@cdktf/provider-aws/lib/ecs-cluster';
import { EcsService } from '@cdktf/provider-aws/lib/ecs-service';
import { EcsTaskDefinition, EcsTaskDefinitionVolume } from '@cdktf/provider-aws/lib/ecs-task-definition';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { escapeTemplate } from '../../../core/terraform-text';
import { AwsFleetNames } from '../artefact-names';
import { accountOf, regionOf, tagsOrNone } from '../aws-scope';
import { SecretAccess, secretStatements } from '../secret-access';
import { EcsFleetPlan, EcsServicePlan } from './fleet-plan';

/** What the ECS resources take from the fleet they belong to. */
export interface EcsFleetOwner {
  readonly names: AwsFleetNames;
  /** the user's tags, for every resource */
  readonly userTags: Readonly<Record<string, string>>;
  /** the containers' secrets, for the task execution role */
  readonly secrets: SecretAccess;
}

/** What the ECS step made. */
export interface EcsFleetResources {
  /** the cluster, when the fleet created it */
  readonly cluster?: EcsCluster;
  readonly clusterName: string;
  readonly clusterArn: string;
  readonly logGroup?: CloudwatchLogGroup;
  readonly executionRole?: IamRole;
  readonly taskDefinitions: EcsTaskDefinition[];
  readonly services: EcsService[];
}

export function ecsFleetFor(scope: Construct, fleet: EcsFleetOwner, ecs: EcsFleetPlan, instanceRole: IamRole,
  partition: () => string): EcsFleetResources {
  const tags = tagsOrNone(fleet.userTags);
  const cluster = ecs.createCluster ? new EcsCluster(scope, 'EcsCluster', { name: ecs.clusterName, tags }) : undefined;
  const clusterArn = cluster ? cluster.arn
    : `arn:${partition()}:ecs:${regionOf(scope)}:${accountOf(instanceRole)}:cluster/${ecs.clusterName}`;
  if (ecs.services.length === 0) return { cluster, clusterName: ecs.clusterName, clusterArn, taskDefinitions: [], services: [] };

  const logGroup = new CloudwatchLogGroup(scope, 'ContainerLogs', {
    name: ecs.logGroupName,
    retentionInDays: ecs.logRetentionDays,
    tags,
  });
  const executionRole = ecs.services.some((s) => s.secrets.length > 0) ? executionRoleFor(scope, fleet, logGroup, partition) : undefined;
  const taskDefinitions: EcsTaskDefinition[] = [];
  const services: EcsService[] = [];
  for (const s of ecs.services) {
    const taskDefinition = new EcsTaskDefinition(scope, `Task-${s.container}`, {
      family: s.name,
      // Static host ports as with `docker run -p` (bridge: hostPort per mapping; host mode would
      // ignore the mappings and expose every port the process binds).
      networkMode: 'bridge',
      requiresCompatibilities: ['EC2'],
      executionRoleArn: s.secrets.length > 0 ? executionRole?.arn : undefined,
      // Terraform would evaluate ${…} and %{…} in an env value or command: escaped, they stay literal.
      containerDefinitions: escapeTemplate(JSON.stringify([containerDefinition(scope, s, logGroup)])),
      volume: s.volumes.map((v): EcsTaskDefinitionVolume => (v.hostPath !== undefined
        ? { name: v.name, hostPath: escapeTemplate(v.hostPath) }
        : v.dockerVolume ? { name: v.name, dockerVolumeConfiguration: { scope: 'shared', autoprovision: true, driver: 'local' } }
          : { name: v.name })),
      tags,
    });
    taskDefinitions.push(taskDefinition);
    services.push(new EcsService(scope, `Service-${s.container}`, {
      name: s.name,
      cluster: clusterArn,
      taskDefinition: taskDefinition.arn,
      schedulingStrategy: 'DAEMON',
      launchType: 'EC2',
      deploymentMinimumHealthyPercent: ecs.minimumHealthyPercent,
      placementConstraints: [{ type: 'memberOf', expression: ecs.placement }],
      enableEcsManagedTags: true,
      propagateTags: 'SERVICE',
      tags,
    }));
  }
  return { cluster, clusterName: ecs.clusterName, clusterArn, logGroup, executionRole, taskDefinitions, services };
}

/** One container definition, keys in a fixed order (deterministic JSON). */
function containerDefinition(scope: Construct, s: EcsServicePlan, logGroup: CloudwatchLogGroup): Record<string, unknown> {
  return {
    name: s.container,
    image: s.image,
    essential: true,
    memoryReservation: s.memoryReservationMiB,
    ...(s.command.length ? { command: s.command } : {}),
    ...(s.environment.length ? { environment: s.environment } : {}),
    ...(s.secrets.length ? { secrets: s.secrets } : {}),
    ...(s.portMappings.length ? { portMappings: s.portMappings } : {}),
    ...(s.mountPoints.length ? { mountPoints: s.mountPoints } : {}),
    logConfiguration: {
      logDriver: 'awslogs',
      options: { 'awslogs-group': logGroup.name, 'awslogs-region': regionOf(scope), 'awslogs-stream-prefix': s.container },
    },
    // Restart in place when it exits after running a minute; a faster crash loop is left to the
    // DAEMON scheduler, which replaces the task (ContainerRestartPolicy, restartAttemptPeriod 60-1800).
    restartPolicy: { enabled: true, restartAttemptPeriod: 60 },
  };
}

/**
 * The role the ECS agent uses to start the fleet's tasks: read exactly the containers' secrets
 * (ssm:GetParameters: the agent's batch call) and write to the fleet's log group only.
 */
function executionRoleFor(scope: Construct, fleet: EcsFleetOwner, logGroup: CloudwatchLogGroup, partition: () => string): IamRole {
  const role = new IamRole(scope, 'TaskExecutionRole', {
    namePrefix: fleet.names.executionRolePrefix,
    description: `ECS task execution role of Docker fleet "${fleet.names.fleet}": its containers' secrets and logs`,
    assumeRolePolicy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    }),
    tags: tagsOrNone(fleet.userTags),
  });
  new IamRolePolicy(scope, 'TaskExecutionPolicy', {
    role: role.id,
    name: 'secrets-and-logs',
    policy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'WriteContainerLogs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `${logGroup.arn}:*`,
        },
        ...secretStatements(scope, fleet.secrets, role, partition, 'ssm:GetParameters'),
      ],
    }),
  });
  return role;
}
