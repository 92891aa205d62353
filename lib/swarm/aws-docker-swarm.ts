import { Annotations, Fn, TerraformResource, Token } from 'cdktf';
import { Construct } from 'constructs';
import { AutoscalingLifecycleHook } from '@cdktf/provider-aws/lib/autoscaling-lifecycle-hook';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { SsmParameter } from '@cdktf/provider-aws/lib/ssm-parameter';
import { turnFiles } from './update-turns';
import { swarmAdditions } from './swarm-host';
import { claimName, defaultName } from '../core/default-names';
import { CoreErrors } from '../core/errors';
import { SwarmErrors } from './errors';
import { Problems } from '../core/problems';
import { requireBoolean, requireInteger, requireString } from '../core/validation';
import { Platform } from '../os/enums';
import { AwsDockerFleet } from '../platforms/aws/aws-docker-fleet';
import { AwsHostGroupProps, hostGroupProps } from '../platforms/aws/aws-host-group-props';
import { partitionOf, regionOf } from '../platforms/aws/aws-scope';
import { checkSwarmMembers, checkSwarmOperations } from './swarm-checks';
import { reportUnderCliSynth } from '../platforms/cli-synth-errors';
import { readableOutput } from '../platforms/readable-output';

/**
 * Properties of an `AwsDockerSwarm`: what a fleet takes (`AwsHostGroupProps`, passed on to both
 * fleets as it is; `updatePolicy` is cut into turns, see the class) and the swarm's own.
 */
export interface AwsDockerSwarmProps extends AwsHostGroupProps {
  /** Number of managers: 1, 3 or 5 (Raft quorum: 3 and 5 tolerate 1 and 2 lost managers). */
  readonly managerCount: number;
  /**
   * Number of workers (their own Auto Scaling group). May be a token.
   * @default 0 - no workers fleet; services run on the managers
   */
  readonly workerCount?: number;
  /**
   * EC2 instance type of the workers.
   * @default - `instanceType`
   */
  readonly workerInstanceType?: string;
  /**
   * Allow IP protocol 50 (ESP) among the nodes, for overlay networks created with
   * `--opt encrypted`.
   * @default false
   */
  readonly encryptedOverlay?: boolean;
  /**
   * SSM parameter path of the swarm: the election parameter `<path>/leader` and the managers'
   * addresses `<path>/manager-addresses` (both created and destroyed by Terraform), and the names
   * of the two Secrets Manager secrets holding the join tokens (`<path without the leading
   * slash>/manager-token`, `.../worker-token`). The instance roles reach nothing else. Changing it
   * on a deployed swarm starts a new swarm.
   * @default '/docker-swarm/<name>'
   */
  readonly parameterPath?: string;
  /**
   * Minutes a worker may stay Down before the managers remove it from the swarm.
   * @default 60
   */
  readonly workerDownMinutes?: number;
  /**
   * Name of the swarm (1-23 characters): the fleets are `<name>-managers` and `<name>-workers`,
   * and it names the parameter path and the lifecycle hooks. Two constructs of one app may not
   * share it.
   * @default - the construct id and a hash of the construct path, unique per stack (e.g. `swarm-3f9a1c`)
   */
  readonly name?: string;
}

/** Ports of Swarm itself: cluster management, gossip and overlay data (opened among members only). */
const SWARM_PORTS: Readonly<Record<number, string>> = { 2377: 'cluster management', 7946: 'gossip', 4789: 'overlay data (VXLAN)' };
/** A resource as `depends_on` names it (`type.name`, without `${}`; Terraform refuses an expression there). */
const dependsOnRef = (r: TerraformResource): string => `${r.terraformResourceType}.${r.friendlyUniqueId}`;
/** The longest swarm name: `<name>-managers` stays within a fleet name's 32 characters. */
const MAX_SWARM_NAME = 23;
/** What Terraform writes into the parameters the nodes fill in (SSM refuses an empty value). */
const UNSET = 'unset';

/**
 * A Docker Swarm on EC2: a managers fleet (1, 3 or 5) and an optional workers fleet, each an
 * `AwsDockerFleet`, that form the swarm at first boot without any secret in the payload, plan
 * or state. Each node runs a state machine (`docker-swarm-node run`) that waits for dockerd and
 * reads the node's swarm state again at every turn (README "Swarm").
 *
 * - State owned by Terraform, per deployment: the election parameter `<path>/leader`, the
 *   managers' addresses `<path>/manager-addresses` and two Secrets Manager secrets for the join
 *   tokens (created without a value, so Terraform never reads a token). `cdktf destroy` deletes
 *   them (the secrets without a recovery window), so a redeploy starts a new swarm; the default
 *   name is unique per stack and construct path.
 * - Formation: managers write their instance id to `<path>/leader`; the first write (version 2)
 *   wins and runs `docker swarm init --advertise-addr <its primary address>`, then publishes the
 *   tokens and the addresses; the other nodes join through the managers in turn (the token on
 *   stdin of the Engine API call, never on a command line).
 * - Network: a members group (7946 tcp+udp, 4789 udp, ESP with `encryptedOverlay`, among
 *   members only) and a managers group (2377 tcp from members only).
 * - Replacement: the managers' instance refresh keeps 100% healthy and launches the new manager
 *   first; a launch lifecycle hook holds it until it has joined, and a termination hook holds an
 *   old manager until it has demoted itself and left, so a refresh of one manager never leaves a
 *   two-member Raft with one member alive.
 * - Reboots: managers drain before Docker stops and come back after; workers keep their node
 *   (ID and labels). Managers and workers have update turns whose windows do not overlap.
 */
export class AwsDockerSwarm extends Construct {
  /** The managers fleet. */
  public readonly managers: AwsDockerFleet;
  /**
   * The workers fleet.
   * @default - none when `workerCount` is 0
   */
  public readonly workers?: AwsDockerFleet;
  /** The group every node is in: gossip and overlay traffic among members. */
  public readonly membersSecurityGroup: SecurityGroup;
  /** The managers' extra group: the Swarm API (2377) from members. */
  public readonly managersSecurityGroup: SecurityGroup;
  /** The name of the swarm (`name`, or the default unique per stack and construct path). */
  public readonly swarmName: string;
  /** The SSM parameter path of the swarm. */
  public readonly parameterPath: string;
  /** The election parameter, `<path>/leader` (Terraform's; the nodes write its value). */
  public readonly leaderParameter: SsmParameter;
  /** The managers' addresses for joiners, `<path>/manager-addresses` (Terraform's; the managers write its value). */
  public readonly managerAddressesParameter: SsmParameter;
  /** The secret that carries the manager join token (Terraform's, without a value: the leader writes it). */
  public readonly managerTokenSecret: SecretsmanagerSecret;
  /** The secret that carries the worker join token (Terraform's, without a value: the leader writes it). */
  public readonly workerTokenSecret: SecretsmanagerSecret;
  /** Name of the managers' launch lifecycle hook. */
  public readonly launchHookName: string;
  /** The managers' termination lifecycle hook: an old manager demotes itself and leaves before it goes. */
  public readonly terminationHook: AutoscalingLifecycleHook;
  /** The managers' maximum healthy percentage during refreshes and replacements: room for exactly one extra manager. */
  public readonly maxHealthyPercentage: number;
  /** The managers' update policies, one per update turn (as text, e.g. `maintenance-window SUNDAY 03:00 +30m`). */
  public readonly managerUpdatePolicies: string[];
  /** The workers' update policies, one per update turn, after the managers' (empty: workers keep `updatePolicy`). */
  public readonly workerUpdatePolicies: string[];

  /**
   * @param scope the stack; it must hold an AwsProvider
   * @param id the swarm's construct id
   * @param props what to run and where
   */
  constructor(scope: Construct, id: string, props: AwsDockerSwarmProps) {
    super(scope, id);
    const p = new Problems(this.node.path, reportUnderCliSynth(this));
    if (props === null || typeof props !== 'object') throw CoreErrors.notAnObject('props', props);
    const { os, managerCount } = checkSwarmMembers(p, props);
    const workerCount = p.optional('workerCount', props.workerCount, 0,
      (name, v) => (Token.isUnresolved(v) ? v as number : requireInteger(name, v, 0)));
    const name = p.check(() => {
      const n = props.name === undefined ? defaultName(this, { maxLength: MAX_SWARM_NAME, fallback: 'swarm' }) : requireString('name', props.name);
      if (!/^[A-Za-z0-9][A-Za-z0-9-]{0,22}$/.test(n)) throw SwarmErrors.badSwarmName('name', n);
      claimName(this, 'Docker Swarm name', n, 'name');
      return n;
    }, 'swarm');
    const path = p.check(() => {
      const v = requireParameterPath(props.parameterPath === undefined ? `/docker-swarm/${name}` : props.parameterPath);
      claimName(this, 'SSM parameter path', v, 'parameterPath');
      return v;
    }, '/docker-swarm');
    const encrypted = p.optional('encryptedOverlay', props.encryptedOverlay, false, requireBoolean);
    const { downMinutes, policy, turns, host } = checkSwarmOperations(p, props, managerCount,
      Token.isUnresolved(workerCount) ? undefined : workerCount);
    p.throwIfAny();
    for (const port of props.ingressPorts ?? []) {
      if (SWARM_PORTS[port] === undefined) continue;
      Annotations.of(this).addWarning(`ingressPorts opens ${port}, Swarm's ${SWARM_PORTS[port]} port, to ingressCidrs `
        + `(${(props.ingressCidrs ?? ['0.0.0.0/0', '::/0']).join(', ')}); the swarm already opens it among its members only`);
    }

    this.swarmName = name;
    this.parameterPath = path;
    this.launchHookName = `${name}-manager-joined`;
    this.managerUpdatePolicies = turns.managers.map((x) => x.toString());
    this.workerUpdatePolicies = turns.workers.map((x) => x.toString());
    const allTurns = [...turns.managers, ...turns.workers];
    const files = turnFiles(os, Platform.AWS, allTurns);
    const managerTurns = turns.managers.map((_, k) => k);
    const workerTurns = turns.workers.map((_, k) => managerCount + k);
    const tags = props.tags;

    // --- the swarm's state: Terraform's, per deployment ------------------------------------
    // The nodes write the parameters' values; Terraform creates (version 1) and deletes them
    // and ignores the values. The secrets have no version in Terraform, so no token enters the
    // plan or the state, and go without a recovery window, so a redeploy may reuse the names.
    const parameter = (cid: string, leaf: string, what: string) => new SsmParameter(this, cid, {
      name: `${path}/${leaf}`, type: 'String', value: UNSET, description: `Docker Swarm "${name}": ${what} (written by the nodes)`,
      tags, lifecycle: { ignoreChanges: ['value'] },
    });
    this.leaderParameter = parameter('LeaderParameter', 'leader', 'the election; version 2 names the manager that created the swarm');
    this.managerAddressesParameter = parameter('ManagerAddressesParameter', 'manager-addresses', 'the reachable managers\' addresses');
    const secretName = (role: string) => `${path.slice(1)}/${role}-token`;
    const secret = (cid: string, role: string) => new SecretsmanagerSecret(this, cid, {
      name: secretName(role), description: `Docker Swarm "${name}": the ${role} join token (written by the leader)`,
      recoveryWindowInDays: 0, tags,
    });
    this.managerTokenSecret = secret('ManagerTokenSecret', 'manager');
    this.workerTokenSecret = secret('WorkerTokenSecret', 'worker');
    const state = [this.leaderParameter, this.managerAddressesParameter, this.managerTokenSecret, this.workerTokenSecret];

    // --- network: members talk among themselves, the Swarm API only from members -----------
    this.membersSecurityGroup = new SecurityGroup(this, 'MembersSecurityGroup', {
      namePrefix: `${name}-members-`,
      description: `Docker Swarm "${name}": gossip (7946) and overlay (4789) among members only`,
      vpcId: props.vpcId,
      ingress: [
        { description: 'Swarm gossip (TCP)', protocol: 'tcp', fromPort: 7946, toPort: 7946, selfAttribute: true },
        { description: 'Swarm gossip (UDP)', protocol: 'udp', fromPort: 7946, toPort: 7946, selfAttribute: true },
        { description: 'Overlay network data (VXLAN)', protocol: 'udp', fromPort: 4789, toPort: 4789, selfAttribute: true },
        ...(encrypted ? [{ description: 'Encrypted overlay (ESP)', protocol: '50', fromPort: 0, toPort: 0, selfAttribute: true }] : []),
      ],
      egress: [],
      tags: { ...tags, Name: `${name}-members` },
      lifecycle: { createBeforeDestroy: true },
    });
    this.managersSecurityGroup = new SecurityGroup(this, 'ManagersSecurityGroup', {
      namePrefix: `${name}-managers-`,
      description: `Docker Swarm "${name}": the Swarm API (2377) of managers, from members only`,
      vpcId: props.vpcId,
      ingress: [{
        description: 'Swarm API (cluster management)', protocol: 'tcp', fromPort: 2377, toPort: 2377,
        securityGroups: [this.membersSecurityGroup.id],
      }],
      egress: [],
      tags: { ...tags, Name: `${name}-managers` },
      lifecycle: { createBeforeDestroy: true },
    });

    // --- the fleets ----------------------------------------------------------------------
    const common = {
      ...hostGroupProps(props),
      os,
      // The AWS CLI runs on the host network; containers on bridge networks must not reach the
      // instance role (it can read the join tokens): hop limit 1.
      metadataHopLimit: 1,
    };
    const extra = (groups: string[]) => [...groups, ...(props.additionalSecurityGroupIds ?? [])];
    const settings = {
      backend: 'ssm' as const, managerCount, parameterPath: path, workerDownMinutes: downMinutes, turnFiles: files, managerTurns, workerTurns,
      managerTokenSecret: secretName('manager'), workerTokenSecret: secretName('worker'),
    };
    const terminationHookName = `${name}-manager-leaving`;
    const managerHost = host._extend(swarmAdditions(os, {
      ...settings, role: 'manager', launchHook: this.launchHookName, terminationHook: terminationHookName,
    }));
    this.managers = new AwsDockerFleet(this, 'managers', {
      ...common,
      name: `${name}-managers`,
      hostCount: managerCount,
      instanceType: props.instanceType,
      hostConfig: managerHost,
      updatePolicy: turns.managers[0],
      additionalSecurityGroupIds: extra([this.membersSecurityGroup.id, this.managersSecurityGroup.id]),
      // One at a time and never below quorum: the refresh launches the new manager before it
      // terminates an old one (100% healthy, and room for exactly one more, see below); the
      // launch hook counts it healthy only once it has joined.
      minHealthyPercentage: 100,
      // room for the one extra manager a refresh or a health replacement launches first
      maxCapacity: managerCount + 1,
    });
    const managersAsg = this.managers.autoScalingGroup;
    // Room for one extra manager, never more: 200% would let a refresh of 3 launch 3 new managers
    // and then terminate the 3 old ones at once (3 of 6 Raft members gone: no quorum). With
    // 100 + ceil(100 / N) (1: 200, 3: 134, 5: 120) the group holds N + 1 at most (UNCERTAIN:
    // that AWS rounds the maximum down, 4.02 -> 4; maxCapacity N + 1 bounds it too), so old
    // managers go one by one, each after the new one joined.
    this.maxHealthyPercentage = 100 + Math.ceil(100 / managerCount);
    managersAsg.addOverride('instance_refresh.preferences.max_healthy_percentage', this.maxHealthyPercentage);
    // Health replacements too launch the new manager before terminating the unhealthy one
    // (docker for-aws#153: a health check once took down every manager at once).
    managersAsg.addOverride('instance_maintenance_policy',
      { min_healthy_percentage: 100, max_healthy_percentage: this.maxHealthyPercentage });
    managersAsg.addOverride('initial_lifecycle_hook', [{
      name: this.launchHookName,
      lifecycle_transition: 'autoscaling:EC2_INSTANCE_LAUNCHING',
      // A manager that has not joined within 15 minutes is abandoned (terminated and replaced).
      default_result: 'ABANDON',
      heartbeat_timeout: 900,
    }]);
    // A resource of its own (not an initial hook, which only a new group gets), so a deployed
    // group gains it too. The instance sees its termination in IMDS
    // (autoscaling/target-lifecycle-state = Terminated, EC2 Auto Scaling user guide "Retrieve the
    // target lifecycle state through instance metadata") and completes the action once it has
    // left; a manager that cannot (dockerd gone) is terminated after 10 minutes anyway.
    this.terminationHook = new AutoscalingLifecycleHook(this, 'ManagerLeavingHook', {
      name: terminationHookName,
      autoscalingGroupName: managersAsg.name,
      lifecycleTransition: 'autoscaling:EC2_INSTANCE_TERMINATING',
      defaultResult: 'CONTINUE',
      heartbeatTimeout: 600,
    });
    // The nodes need the state before they boot; Terraform deletes the groups (and their
    // instances) before it.
    managersAsg.dependsOn = [...(managersAsg.dependsOn ?? []), ...state.map(dependsOnRef)];
    if (workerCount !== 0) {
      const workerHost = host._extend(swarmAdditions(os, { ...settings, role: 'worker' }));
      this.workers = new AwsDockerFleet(this, 'workers', {
        ...common,
        name: `${name}-workers`,
        hostCount: workerCount,
        instanceType: props.workerInstanceType ?? props.instanceType,
        hostConfig: workerHost,
        updatePolicy: turns.workers[0] ?? policy,
        additionalSecurityGroupIds: extra([this.membersSecurityGroup.id]),
      });
      const asg = this.workers.autoScalingGroup;
      asg.dependsOn = [...(asg.dependsOn ?? []), ...state.map(dependsOnRef)];
    }
    host._consume(this.node.path);

    // --- IAM: exactly the swarm's parameters and secrets ------------------------------------
    const partition = partitionOf(this);
    const region = regionOf(this);
    const parameterArn = (role: { arn: string }, suffix: string) =>
      `arn:${partition()}:ssm:${region}:${Fn.element(Fn.split(':', role.arn), 4)}:parameter${path}/${suffix}`;
    new IamRolePolicy(this, 'ManagersSwarmPolicy', {
      role: this.managers.instanceRole.id,
      name: 'docker-swarm',
      policy: Fn.jsonencode({
        Version: '2012-10-17',
        Statement: [
          // The election and the addresses: read and write under the swarm's path only.
          {
            Sid: 'SwarmParameters', Effect: 'Allow', Action: ['ssm:GetParameter', 'ssm:PutParameter'],
            Resource: parameterArn(this.managers.instanceRole, '*'),
          },
          // The tokens. Both use the AWS managed keys aws/secretsmanager, whose key policy already
          // lets the account's principals use them through the service; no kms: permission is needed.
          {
            Sid: 'JoinTokens', Effect: 'Allow', Action: ['secretsmanager:GetSecretValue', 'secretsmanager:PutSecretValue'],
            Resource: [this.managerTokenSecret.arn, this.workerTokenSecret.arn],
          },
          { Sid: 'CompleteLifecycleActions', Effect: 'Allow', Action: 'autoscaling:CompleteLifecycleAction', Resource: managersAsg.arn },
          // Describe* actions take no resource ARN.
          { Sid: 'FindOwnGroup', Effect: 'Allow', Action: 'autoscaling:DescribeAutoScalingInstances', Resource: '*' },
        ],
      }),
    });
    if (this.workers) {
      const role = this.workers.instanceRole;
      new IamRolePolicy(this, 'WorkersSwarmPolicy', {
        role: role.id,
        name: 'docker-swarm',
        policy: Fn.jsonencode({
          Version: '2012-10-17',
          Statement: [
            { Sid: 'ManagerAddresses', Effect: 'Allow', Action: 'ssm:GetParameter', Resource: parameterArn(role, 'manager-addresses') },
            { Sid: 'WorkerToken', Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: this.workerTokenSecret.arn },
            // A worker's update turn follows its rank in its own group. Describe* take no resource ARN.
            {
              Sid: 'FindOwnGroup', Effect: 'Allow', Action: ['autoscaling:DescribeAutoScalingInstances', 'autoscaling:DescribeAutoScalingGroups'],
              Resource: '*',
            },
          ],
        }),
      });
    }

    // --- outputs ---------------------------------------------------------------------------
    readableOutput(this, 'ManagerAddresses', {
      description: `How to reach a manager of Docker Swarm "${name}" (then: docker -H ssh://<user>@<address> stack deploy ...)`,
      value: `aws ec2 describe-instances --region ${region} --filters Name=tag:aws:autoscaling:groupName,Values=${managersAsg.name} `
        + `Name=instance-state-name,Values=running --query 'Reservations[].Instances[].[PrivateIpAddress,PublicIpAddress]' --output `
        + `text`,
    });
    readableOutput(this, 'ParameterPath', {
      value: path, description: `SSM parameter path of Docker Swarm "${name}" (the election and the managers' addresses)`,
    });
  }
}

function requireParameterPath(value: unknown): string {
  const s = requireString('parameterPath', value);
  if (!/^(\/[A-Za-z0-9_.-]+){1,14}$/.test(s) || /^\/(aws|ssm)/i.test(s)) throw SwarmErrors.badSwarmParameterPath('parameterPath', value);
  return s;
}
