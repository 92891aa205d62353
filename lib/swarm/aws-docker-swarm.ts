import { Fn, Token } from 'cdktf';
import { Construct } from 'constructs';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { HostConfig } from '../bootconfig/host-config';
import { slotFiles } from './update-turns';
import { swarmAdditions } from './swarm-host';
import { CoreErrors } from '../core/errors';
import { AwsErrors } from '../platforms/aws/errors';
import { SwarmErrors } from './errors';
import { Problems } from '../core/problems';
import { requireBoolean, requireInteger, requireString } from '../core/validation';
import { ContainerOs } from '../os/container-os';
import { Architecture, Platform } from '../os/enums';
import { UpdatePolicy } from '../os/update-policy';
import { AwsDockerFleet } from '../platforms/aws/aws-docker-fleet';
import { partitionOf, regionOf } from '../platforms/aws/aws-scope';
import { AwsImage } from '../platforms/aws/aws-image';
import { checkSwarmMembers, checkSwarmOperations } from './swarm-checks';
import { reportUnderCliSynth } from '../platforms/cli-synth-errors';
import { readableOutput } from '../platforms/readable-output';

/** Properties of an `AwsDockerSwarm`. */
export interface AwsDockerSwarmProps {
  /** The host OS of every node: `ContainerOs.fedoraCoreOs()`, `.flatcar()` or `.alpine()` (Bottlerocket runs ECS: an error). */
  readonly os: ContainerOs;
  /** Number of managers: 1, 3 or 5 (Raft quorum: 3 and 5 tolerate 1 and 2 lost managers). */
  readonly managerCount: number;
  /**
   * Number of workers (their own Auto Scaling group). May be a token.
   * @default 0 - no workers fleet; services run on the managers
   */
  readonly workerCount?: number;
  /** EC2 instance type of the managers (and of the workers unless `workerInstanceType` is set). */
  readonly instanceType: string;
  /**
   * EC2 instance type of the workers.
   * @default - `instanceType`
   */
  readonly workerInstanceType?: string;
  /** The VPC of the swarm's security groups. */
  readonly vpcId: string;
  /** Subnets both Auto Scaling groups spread nodes across (at least one). */
  readonly subnetIds: string[];
  /**
   * What every node runs besides the swarm (keys, files, units, containers). It is not changed:
   * the swarm derives its own config from it, and it cannot be changed afterwards.
   * @default - an empty HostConfig
   */
  readonly hostConfig?: HostConfig;
  /**
   * How nodes take OS updates. Workers keep it as it is; managers get non-overlapping windows
   * derived from it (a window of D minutes is cut into one turn per manager; `immediate`
   * becomes daily windows spread over the day), so two managers never reboot at once.
   * @default UpdatePolicy.defaultWindow() - weekly, Sunday 03:00 UTC for 2 hours
   */
  readonly updatePolicy?: UpdatePolicy;
  /**
   * The AMI of both fleets.
   * @default AwsImage.latest()
   */
  readonly image?: AwsImage;
  /**
   * CPU architecture of the nodes.
   * @default Architecture.X86_64
   */
  readonly architecture?: Architecture;
  /**
   * CIDR blocks allowed to reach SSH (TCP 22) on every node (how `docker -H ssh://…` reaches a manager).
   * @default - no SSH ingress
   */
  readonly sshIngressCidrs?: string[];
  /**
   * TCP ports of published services, opened on every node (the routing mesh answers on all).
   * @default - none
   */
  readonly ingressPorts?: number[];
  /**
   * CIDR blocks that may reach `ingressPorts`.
   * @default ['0.0.0.0/0', '::/0']
   */
  readonly ingressCidrs?: string[];
  /**
   * Allow IP protocol 50 (ESP) among the nodes, for overlay networks created with
   * `--opt encrypted`.
   * @default false
   */
  readonly encryptedOverlay?: boolean;
  /**
   * SSM parameter path of the swarm: the election parameter and the join tokens
   * (SecureString) live under it, and the instance roles reach nothing else.
   * @default '/docker-swarm/<name>'
   */
  readonly parameterPath?: string;
  /**
   * Minutes a worker may stay Down before the managers remove it from the swarm.
   * @default 60
   */
  readonly workerDownMinutes?: number;
  /**
   * Size of each node's Docker data volume, GiB.
   * @default - Docker data on the root volume
   */
  readonly dockerVolumeSizeGiB?: number;
  /**
   * S3 bucket for first-boot configs above EC2's 16 KB user-data limit (Fedora CoreOS, Flatcar),
   * as `AwsDockerFleet.userDataBucket`. The swarm's own scripts take about 8-10 KB of the 16.
   * @default - configs above 16 KB fail at synth time
   */
  readonly userDataBucket?: string;
  /**
   * EC2 key pair for SSH.
   * @default - none
   */
  readonly keyName?: string;
  /**
   * Give nodes a public IPv4 address (needs public subnets).
   * @default false
   */
  readonly associatePublicIpAddress?: boolean;
  /**
   * Name of the swarm (at most 23 characters): the fleets are `<name>-managers` and `<name>-workers`.
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * Tags for every resource.
   * @default - none besides Name
   */
  readonly tags?: { [key: string]: string };
}

/**
 * A Docker Swarm on EC2: a managers fleet (1, 3 or 5) and an optional workers fleet, each an
 * `AwsDockerFleet`, that form the swarm at first boot without any secret in the payload, plan
 * or state.
 *
 * - Formation: each node reads its primary private address from IMDSv2; managers race to create
 *   the SSM parameter `<path>/leader` (no overwrite: exactly one succeeds); the winner runs
 *   `docker swarm init --advertise-addr <address>` and publishes the join tokens as SecureString
 *   parameters; the others wait for them and join.
 * - Network: a members group (7946 tcp+udp, 4789 udp, ESP with `encryptedOverlay`, among
 *   members only) and a managers group (2377 tcp from members only).
 * - Replacement: the managers' instance refresh keeps 100% healthy and launches the new manager
 *   first; a launch lifecycle hook holds it until the manager has joined; managers remove the
 *   Down managers that were replaced and workers Down for `workerDownMinutes`.
 * - Reboots: every node drains (workers: leave) before Docker stops and comes back after;
 *   managers have non-overlapping update windows.
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
  /** The SSM parameter path of the swarm. */
  public readonly parameterPath: string;
  /** Name of the managers' launch lifecycle hook. */
  public readonly launchHookName: string;
  /** The managers' maximum healthy percentage during refreshes and replacements: room for exactly one extra manager. */
  public readonly maxHealthyPercentage: number;
  /** The managers' update policies, one per update slot (as text, e.g. `maintenance-window SUNDAY 03:00 +30m`). */
  public readonly managerUpdatePolicies: string[];

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
      const n = props.name === undefined ? id.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 23) ||
        'swarm' : requireString('name', props.name);
      if (!/^[A-Za-z0-9][A-Za-z0-9-]{0,22}$/.test(n)) throw AwsErrors.badFleetName('name', n);
      return n;
    }, 'swarm');
    const defaultPath = `/docker-swarm/${name}`;
    const path = p.check(() => requireParameterPath(props.parameterPath === undefined ? defaultPath : props.parameterPath),
      '/docker-swarm');
    const encrypted = p.optional('encryptedOverlay', props.encryptedOverlay, false, requireBoolean);
    const { downMinutes, policy, policies, host } = checkSwarmOperations(p, props, managerCount);
    p.throwIfAny();

    this.parameterPath = path;
    this.launchHookName = `${name}-manager-joined`;
    this.managerUpdatePolicies = policies.map((x) => x.toString());
    const slots = slotFiles(os, Platform.AWS, policies);
    const tags = props.tags;

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
      os,
      vpcId: props.vpcId,
      subnetIds: props.subnetIds,
      image: props.image,
      architecture: props.architecture,
      sshIngressCidrs: props.sshIngressCidrs,
      ingressPorts: props.ingressPorts,
      ingressCidrs: props.ingressCidrs,
      dockerVolumeSizeGiB: props.dockerVolumeSizeGiB,
      keyName: props.keyName,
      userDataBucket: props.userDataBucket,
      associatePublicIpAddress: props.associatePublicIpAddress,
      tags,
      // The AWS CLI runs on the host network; containers on bridge networks must not reach the
      // instance role (it can read the join tokens): hop limit 1.
      metadataHopLimit: 1,
    };
    const settings = { backend: 'ssm' as const, managerCount, parameterPath: path, workerDownMinutes: downMinutes };
    const managerHost = host._extend(swarmAdditions(os, { ...settings, role: 'manager', lifecycleHook: this.launchHookName, slots }));
    this.managers = new AwsDockerFleet(this, 'managers', {
      ...common,
      name: `${name}-managers`,
      hostCount: managerCount,
      instanceType: props.instanceType,
      hostConfig: managerHost,
      updatePolicy: policies[0],
      additionalSecurityGroupIds: [this.membersSecurityGroup.id, this.managersSecurityGroup.id],
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
    // that AWS rounds the maximum down, 4.02 -> 4; maxCapacity N + 1 bounds it too), so old managers go one by one, and each new manager's
    // join removes the
    // Down one the previous step left (swarm-node.sh maintain) before the next goes.
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
    if (workerCount !== 0) {
      const workerHost = host._extend(swarmAdditions(os, { ...settings, role: 'worker', slots: [] }));
      this.workers = new AwsDockerFleet(this, 'workers', {
        ...common,
        name: `${name}-workers`,
        hostCount: workerCount,
        instanceType: props.workerInstanceType ?? props.instanceType,
        hostConfig: workerHost,
        updatePolicy: policy,
        additionalSecurityGroupIds: [this.membersSecurityGroup.id],
      });
    }
    host._consume(this.node.path);

    // --- IAM: exactly the swarm's parameters ------------------------------------------------
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
          // Election, tokens and the joiners' address: read and write under the swarm's path only.
          // SecureString uses the AWS managed key aws/ssm, whose key policy already lets the
          // account's principals use it through SSM; no kms: permission is needed.
          {
            Sid: 'SwarmParameters', Effect: 'Allow', Action: ['ssm:GetParameter', 'ssm:PutParameter'],
            Resource: parameterArn(this.managers.instanceRole, '*'),
          },
          { Sid: 'CompleteLaunch', Effect: 'Allow', Action: 'autoscaling:CompleteLifecycleAction', Resource: managersAsg.arn },
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
          Statement: [{
            Sid: 'JoinAsWorker', Effect: 'Allow', Action: 'ssm:GetParameter',
            Resource: [parameterArn(role, 'worker-token'), parameterArn(role, 'manager-address')],
          }],
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
      value: path, description: `SSM parameter path of Docker Swarm "${name}" (leader, tokens)`,
    });
  }
}

function requireParameterPath(value: unknown): string {
  const s = requireString('parameterPath', value);
  if (!/^(\/[A-Za-z0-9_.-]+){1,14}$/.test(s) || /^\/(aws|ssm)/i.test(s)) throw SwarmErrors.badSwarmParameterPath('parameterPath', value);
  return s;
}
