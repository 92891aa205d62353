/**
 * The plan step of `AwsDockerFleet` (pure: props in, a plain plan out, no resources): every
 * prop checked (all problems of the fleet reported together), the first-boot payload rendered
 * once through the OS pipeline, and the user-data delivery decided. `aws-fleet-resources.ts`
 * maps the plan to Terraform resources.
 */
import { Token } from 'cdktf';
import { HostConfig, requireHostConfig } from '../../bootconfig/host-config';
import { CoreErrors } from '../../core/errors';
import { rejectUnknownProps } from '../../core/unknown-props';
import { AwsErrors } from './errors';
import type { FleetConfigError } from '../../core/fleet-config-error';
import { Problems } from '../../core/problems';
import { escapeTemplate } from '../../core/terraform-text';
import { requireBoolean, requireString } from '../../core/validation';
import { ContainerOs, FirstBootPayload, amiArchitecture, requireContainerOs } from '../../os/container-os';
import { Architecture, Platform } from '../../os/enums';
import { AwsTraits, EBS_DATA_DEVICE } from '../../os/aws-traits';
import { UpdatePolicy, requirePolicy } from '../../os/update-policy';
import { AwsFleetNames, awsFleetNames } from './artefact-names';
import { claimName, NamedConstruct } from '../../core/default-names';
import {
  fleetName, instanceTypeArchitecture, isLiteralNumber, isWorld, isWorldCidr, requireArnList, requireArrayOrToken, requireAwsId,
  requireAwsIdList, requireBucketName, requireDuration, requireInstanceType, requireIntegerOrToken, requireKmsKeyArn, splitCidrs, tagsOf,
} from './aws-checks';
import type { AwsDockerFleetProps } from './aws-docker-fleet-props';
import { AwsImage } from './aws-image';
import { EcsFleetPlan, FLEET_TAG, planEcsFleet } from './ecs/fleet-plan';
import { checkGpuDrivers } from './gpu-instance-types';
import { SecretAccess, secretAccessOf } from './secret-access';
import { UserDataPlan, planUserData } from './user-data';

/** One ingress rule of the fleet's security group. */
export interface IngressRule {
  readonly description: string;
  readonly port: number;
  readonly ipv4: string[];
  readonly ipv6: string[];
}

/** Everything the resource step needs, decided. */
export interface AwsFleetPlan {
  readonly names: AwsFleetNames;
  readonly os: ContainerOs;
  readonly traits: AwsTraits;
  readonly architecture: Architecture;
  readonly image: AwsImage;
  readonly hostCount: number;
  readonly minSize: number;
  readonly maxSize: number;
  readonly instanceType: string;
  readonly vpcId: string;
  readonly subnetIds: string[];
  readonly securityGroupIds: string[];
  readonly targetGroupArns: string[];
  readonly ingress: IngressRule[];
  readonly rootSizeGiB: number;
  readonly data?: { readonly deviceName: string; readonly sizeGiB: number; readonly deleteOnTermination: boolean };
  readonly keyName?: string;
  readonly publicIp: boolean;
  readonly hopLimit: number;
  readonly minHealthy: number;
  readonly grace: number;
  /** Terraform's wait_for_capacity_timeout ('0': do not wait) */
  readonly waitForCapacityTimeout: string;
  readonly userTags: Record<string, string>;
  readonly nameTags: Record<string, string>;
  /** the tags of the hosts themselves: nameTags, plus the fleet tag the ECS update window selects them by */
  readonly instanceTags: Record<string, string>;
  readonly managedPolicies: ReadonlyArray<readonly [string, string]>;
  /** what may read the container secrets (names/ARNs, sorted, unique): the instance role, or with ECS the task execution role */
  readonly secrets: SecretAccess;
  /**
   * The ECS cluster, services and update window, when the OS's containers run as ECS services.
   * @default - none: the first-boot payload runs the containers
   */
  readonly ecs?: EcsFleetPlan;
  readonly payload: FirstBootPayload;
  readonly payloadBytes: number;
  readonly userData: UserDataPlan;
  readonly warnings: string[];
}

/** The props the fleet knows (its props interface's members): any other is refused, with a suggestion. */
export const AWS_FLEET_PROPS: readonly string[] = [
  'os', 'hostCount', 'instanceType', 'vpcId', 'subnetIds', 'hostConfig', 'updatePolicy', 'image', 'architecture',
  'sshIngressCidrs', 'ingressPorts', 'ingressCidrs', 'additionalSecurityGroupIds', 'rootVolumeSizeGiB', 'dockerVolumeSizeGiB',
  'deleteDataVolumeOnTermination', 'userDataBucket', 'keyName', 'associatePublicIpAddress', 'targetGroupArns',
  'ssmSessionPermissions', 'metadataHopLimit', 'secretsKmsKeyArn', 'containerLogRetentionDays', 'minHealthyPercentage',
  'healthCheckGracePeriod', 'waitForCapacityTimeout', 'minCapacity', 'maxCapacity', 'name', 'tags',
];

/**
 * Checks the props and decides the fleet (see the file comment); `report` is told of the error
 * thrown for bad props.
 */
export function planAwsFleet(scope: NamedConstruct, props: AwsDockerFleetProps, report?: (error: FleetConfigError) => void): AwsFleetPlan {
  const path = scope.node.path;
  return Problems.collect(path, (problems) => {
    if (props === null || typeof props !== 'object') throw CoreErrors.notAnObject('props', props);
    rejectUnknownProps(props, AWS_FLEET_PROPS);
    const plan = checkProps(scope, path, props, problems);
    claimNames(scope, plan);
    return plan;
  }, report);
}

/**
 * Claims, app-wide, every name the fleet gives an AWS object outside its own stack's addresses:
 * two fleets (in two stacks, or with one `name`) resolving to one would overwrite each other's
 * cluster, log group or task definitions at apply.
 */
function claimNames(scope: NamedConstruct, plan: AwsFleetPlan): void {
  claimName(scope, 'fleet name', plan.names.fleet, 'name');
  if (!plan.ecs) return;
  if (plan.ecs.createCluster) claimName(scope, 'ECS cluster name', plan.ecs.clusterName, 'name');
  claimName(scope, 'CloudWatch log group', plan.ecs.logGroupName, 'name');
  for (const s of plan.ecs.services) claimName(scope, 'ECS task family and service name', s.name, `hostConfig.containers['${s.container}'].name`);
}

function checkProps(scope: NamedConstruct, path: string, props: AwsDockerFleetProps, p: Problems): AwsFleetPlan {
  const warnings: string[] = [];
  const what = whatToRun(p, props);
  const sizes = checkSizes(p, props, what, warnings);
  const network = checkNetwork(p, props, warnings);
  const hosts = checkHostSettings(p, props, network.targetGroupArns);
  const fleet = p.check(() => fleetName(props.name, scope), 'docker-fleet');
  const userTags = p.check(() => tagsOf(props.tags), {});
  const names = awsFleetNames(fleet);
  const boot = planFirstBoot(p, path, props, what, sizes, hosts, names, warnings);

  const managedPolicies = [...what.traits.managedPolicies];
  const ssmCore = 'AmazonSSMManagedInstanceCore';
  if (hosts.ssm && !managedPolicies.some(([, name]) => name === ssmCore)) managedPolicies.push(['Ssm', ssmCore]);
  const nameTags = { ...userTags, Name: fleet };
  return {
    names, os: what.os, traits: what.traits, architecture: what.architecture, image: what.image,
    hostCount: sizes.hostCount, minSize: sizes.minSize, maxSize: sizes.maxSize, instanceType: sizes.instanceType,
    vpcId: network.vpcId, subnetIds: network.subnetIds, securityGroupIds: network.extraSgs, targetGroupArns: network.targetGroupArns,
    ingress: network.ingress, rootSizeGiB: sizes.rootSizeGiB,
    data: sizes.dataSize === undefined ? undefined
      : { deviceName: EBS_DATA_DEVICE, sizeGiB: sizes.dataSize, deleteOnTermination: sizes.deleteData },
    keyName: hosts.keyName, publicIp: hosts.publicIp, hopLimit: hosts.hopLimit, minHealthy: hosts.minHealthy, grace: hosts.grace,
    waitForCapacityTimeout: hosts.waitForCapacityTimeout, userTags, nameTags,
    instanceTags: boot.ecs?.updateWindow ? { ...nameTags, [FLEET_TAG]: fleet } : nameTags,
    managedPolicies, secrets: boot.secrets, ecs: boot.ecs, payload: boot.payload, payloadBytes: boot.payloadBytes, userData: boot.userData,
    warnings,
  };
}

/** What the hosts run: the OS (which must run on AWS), its config, update policy, image and architecture. */
function whatToRun(p: Problems, props: AwsDockerFleetProps) {
  const os = p.run(() => requireContainerOs('os', props.os));
  const traits = p.run(() => os._traits(Platform.AWS));
  const host = p.check(() => requireHostConfig('hostConfig', props.hostConfig), new HostConfig());
  const policy = p.optional<UpdatePolicy | undefined>('updatePolicy', props.updatePolicy, undefined, (_, v) => requirePolicy(v));
  const image = p.optional('image', props.image, AwsImage.latest(), (name, v) => {
    if (!(v instanceof AwsImage)) throw CoreErrors.notOneOf(name, v, ['AwsImage.latest()', "AwsImage.pinned('ami-...')"]);
    return v;
  });
  const architecture = p.check(() => amiArchitecture(props.architecture), Architecture.X86_64);
  return { os, traits, host, policy, image, architecture };
}

/**
 * The Auto Scaling API's sizes are 32-bit integers (AutoScalingGroup DesiredCapacity, MinSize,
 * MaxSize: Integer); a larger number such as 1e21 would reach Terraform as 1e+21.
 */
const MAX_GROUP_SIZE = 2147483647;

/**
 * Size of an OS-owned data volume (Bottlerocket's /dev/xvdb) when `dockerVolumeSizeGiB` is unset:
 * the size Bottlerocket's AMIs map it with. UNCERTAIN: 20 GiB is the data image size of the
 * bottlerocket-os/bottlerocket variants (`data-image-size-gib`), read from their docs, not measured.
 */
export const OS_DATA_VOLUME_DEFAULT_GIB = 20;

/** Host count and capacities, the instance type (its architecture and GPU match the image), volume sizes. Tokens pass. */
function checkSizes(p: Problems, props: AwsDockerFleetProps, what: ReturnType<typeof whatToRun>, warnings: string[]) {
  const hostCount = p.check(() => requireIntegerOrToken('hostCount', props.hostCount, 0, MAX_GROUP_SIZE), 0);
  const size = (name: string, v: unknown) => requireIntegerOrToken(name, v, 0, MAX_GROUP_SIZE);
  const minSize = p.optional('minCapacity', props.minCapacity, hostCount, size);
  const maxSize = p.optional('maxCapacity', props.maxCapacity, hostCount, size);
  p.check(() => {
    if (isLiteralNumber(minSize) && isLiteralNumber(hostCount) && minSize > hostCount) {
      throw AwsErrors.capacityOrder('minCapacity', minSize, `must not exceed hostCount (${hostCount})`);
    }
    if (isLiteralNumber(maxSize) && isLiteralNumber(hostCount) && maxSize < hostCount) {
      throw AwsErrors.capacityOrder('maxCapacity', maxSize, `must be at least hostCount (${hostCount})`);
    }
  }, undefined);
  const instanceType = p.check(() => {
    const t = requireInstanceType('instanceType', props.instanceType);
    if (!Token.isUnresolved(t)) {
      const typeArch = instanceTypeArchitecture(t);
      if (typeArch !== what.architecture) throw AwsErrors.architectureMismatch('instanceType', t, what.architecture, typeArch);
      // An image with NVIDIA drivers needs an NVIDIA GPU, and a GPU wants them (gpu-instance-types.ts).
      const gpu = what.traits.gpu === undefined ? undefined : checkGpuDrivers('instanceType', t, what.os.displayName, what.traits.gpu);
      if (gpu !== undefined) warnings.push(gpu);
    }
    return t;
  }, '');
  const { minRootSizeGiB, defaultRootSizeGiB } = what.traits.image(what.architecture);
  const rootSizeGiB = p.optional('rootVolumeSizeGiB', props.rootVolumeSizeGiB, defaultRootSizeGiB ?? minRootSizeGiB, (name, v) => {
    const n = requireIntegerOrToken(name, v, 1, 16384);
    if (isLiteralNumber(n) && n < minRootSizeGiB) throw AwsErrors.rootVolumeTooSmall(what.os.displayName, n, minRootSizeGiB);
    return n;
  });
  // An OS that keeps its data on its own second volume (Bottlerocket: /dev/xvdb, all images and
  // container state) always gets it mapped by the fleet, so it is encrypted whatever the AMI's
  // mapping or the account's default encryption says.
  const osOwnedData = what.traits.dataVolume.kind === 'os-owned' ? OS_DATA_VOLUME_DEFAULT_GIB : undefined;
  const dataSize = p.optional<number | undefined>('dockerVolumeSizeGiB', props.dockerVolumeSizeGiB, osOwnedData,
    (name, v) => requireIntegerOrToken(name, v, 1, 16384));
  // An Auto Scaling group launches every replacement with a fresh volume and never reattaches an
  // old one, so a kept volume is only orphaned (cost, residual data): delete it by default.
  const deleteData = p.optional('deleteDataVolumeOnTermination', props.deleteDataVolumeOnTermination, true, requireBoolean);
  return { hostCount, minSize, maxSize, instanceType, rootSizeGiB, dataSize, deleteData };
}

/** VPC, subnets, security groups and the ingress rules, with warnings for what is open to the internet. */
function checkNetwork(p: Problems, props: AwsDockerFleetProps, warnings: string[]) {
  const vpcId = p.check(() => requireAwsId('vpcId', props.vpcId, 'vpc'), '');
  const subnetIds = p.check(() => requireAwsIdList('subnetIds', props.subnetIds, 'subnet', 'subnet id', false), []);
  const extraSgs = p.optional('additionalSecurityGroupIds', props.additionalSecurityGroupIds, [],
    (name, v) => requireAwsIdList(name, v, 'sg', 'security group id', true));
  const targetGroupArns = p.check(() => requireArnList('targetGroupArns', props.targetGroupArns), []);
  const ssh = p.optional('sshIngressCidrs', props.sshIngressCidrs, { ipv4: [], ipv6: [] }, splitCidrs);
  const ports = p.optional('ingressPorts', props.ingressPorts, [], (name, v) => requireArrayOrToken(name, v).map((port, i, all) => {
    const n = requireIntegerOrToken(`${name}[${i}]`, port, 1, 65535);
    // Two rules for one port make the security group fail at apply (duplicate permission).
    if (!Token.isUnresolved(n) && all.indexOf(port) !== i) throw AwsErrors.duplicateIngressPort(`${name}[${i}]`, port,
      `${name}[${all.indexOf(port)}]`);
    return n;
  }));
  // Listing a port is the explicit act of publishing a service: open to everyone unless restricted.
  const appCidrs = p.optional('ingressCidrs', props.ingressCidrs, { ipv4: ['0.0.0.0/0'], ipv6: ['::/0'] }, splitCidrs);
  if (ports.length > 0 && Array.isArray(props.ingressCidrs) && props.ingressCidrs.length === 0) {
    p.check(() => {
      throw CoreErrors.emptyList('ingressCidrs', props.ingressCidrs, 'CIDR block while ingressPorts lists ports (with none, the ports '
        + 'would '
        + 'silently stay closed); leave ingressCidrs out for the whole internet or drop ingressPorts');
    }, undefined);
  }
  const ingress: IngressRule[] = [];
  if (ssh.ipv4.length > 0 || ssh.ipv6.length > 0) {
    ingress.push({ description: 'SSH', port: 22, ...ssh });
    if (isWorld(ssh)) {
      warnings.push(`sshIngressCidrs opens SSH (port 22) to the whole internet `
        + `(${[...ssh.ipv4, ...ssh.ipv6].filter(isWorldCidr).join(', ')}); `
        + 'restrict it to your own ranges or use SSM Session Manager');
    }
  }
  if (appCidrs.ipv4.length > 0 || appCidrs.ipv6.length > 0) {
    for (const port of ports) {
      ingress.push({ description: `TCP ${Token.isUnresolved(port) ? 'port' : port}`, port, ...appCidrs });
      if (!Token.isUnresolved(port) && isWorld(appCidrs) && [22, 2375, 2376].includes(port)) {
        warnings.push(`ingressPorts opens port ${port} (${port === 22 ? 'SSH' : 'Docker API'}) to the whole internet; `
          + 'use sshIngressCidrs or ingressCidrs with your own ranges');
      }
    }
  }
  return { vpcId, subnetIds, extraSgs, targetGroupArns, ingress };
}

/** How each host is launched and replaced: key pair, public IP, metadata, secrets key, health checks. */
function checkHostSettings(p: Problems, props: AwsDockerFleetProps, targetGroupArns: string[]) {
  const bucket = p.optional<string | undefined>('userDataBucket', props.userDataBucket, undefined, requireBucketName);
  const keyName = p.optional<string | undefined>('keyName', props.keyName, undefined, (name, v) => escapeTemplate(requireString(name, v)));
  const publicIp = p.optional('associatePublicIpAddress', props.associatePublicIpAddress, false, requireBoolean);
  // 1: containers on Docker's bridge network cannot reach IMDS (the role's credentials, the user
  // data); the secret fetcher runs with host networking (checkov CKV_AWS_341).
  const hopLimit = p.optional('metadataHopLimit', props.metadataHopLimit, 1, (name, v) => requireIntegerOrToken(name, v, 1, 64));
  const kmsKeyArn = p.optional<string | undefined>('secretsKmsKeyArn', props.secretsKmsKeyArn, undefined, requireKmsKeyArn);
  const minHealthy = p.optional('minHealthyPercentage', props.minHealthyPercentage, 90,
    (name, v) => requireIntegerOrToken(name, v, 0, 100));
  const grace = p.optional('healthCheckGracePeriod', props.healthCheckGracePeriod, 300, (name, v) => requireIntegerOrToken(name, v, 0));
  // Behind a load balancer, apply waits (10 minutes by default) until the hosts pass its health
  // checks, so a payload that boots but serves nothing fails the deploy instead of reporting
  // success. Without one only EC2 status checks exist, which a dead payload passes: '0'.
  const behindLb = targetGroupArns.length > 0 || Token.isUnresolved(props.targetGroupArns);
  const waitForCapacityTimeout = p.optional('waitForCapacityTimeout', props.waitForCapacityTimeout, behindLb ? '10m' : '0',
    requireDuration);
  const ssm = p.optional('ssmSessionPermissions', props.ssmSessionPermissions, false, requireBoolean);
  return { bucket, keyName, publicIp, hopLimit, kmsKeyArn, minHealthy, grace, waitForCapacityTimeout, ssm };
}

/** The first-boot payload (one render through the OS pipeline), its delivery, and the ECS plan of an ECS-scheduled OS. */
function planFirstBoot(p: Problems, path: string, props: AwsDockerFleetProps, what: ReturnType<typeof whatToRun>,
  sizes: ReturnType<typeof checkSizes>, hosts: ReturnType<typeof checkHostSettings>, names: AwsFleetNames, warnings: string[]) {
  const { os, traits, host, policy } = what;
  const hostModel = host._toModel();
  if (sizes.dataSize === undefined && hostModel.dockerDataVolume !== undefined) {
    warnings.push(`hostConfig.dockerDataVolume is set but dockerVolumeSizeGiB is not, so no ${EBS_DATA_DEVICE} volume is attached; `
      + 'first boot waits for a disk that never comes');
  }
  // An OS whose Docker engine belongs to the ECS agent: the containers become ECS services and
  // the payload joins the cluster (ecs/fleet-plan.ts).
  const ecs = traits.containerScheduler === 'ecs' ? p.check(() => planEcsFleet({
    os: os.displayName, names, existingCluster: os.ecsCluster, containers: hostModel.containers,
    logRetentionDays: props.containerLogRetentionDays, policy: policy ?? UpdatePolicy.defaultWindow(), minHosts: sizes.minSize,
  }), undefined) : undefined;
  if (ecs) warnings.push(...ecs.warnings);
  if (!ecs && props.containerLogRetentionDays !== undefined) {
    warnings.push(`containerLogRetentionDays is ignored: ${os.displayName} runs its containers itself and they log to the host's journal`);
  }
  const layers = { ...os._platformLayers(Platform.AWS, { dataVolume: sizes.dataSize !== undefined }), ecs: ecs?.membership };
  const payload = p.run(() => os._render(hostModel, host._fragments(), Platform.AWS, policy, layers));
  host._consume(path);
  warnings.push(...payload.warnings);
  const raw = Buffer.from(payload.content, 'utf8');
  const userData = p.run(() => planUserData(os.displayName, raw, traits, hosts.bucket, names.configKey));
  const secretRefs = hostModel.containers.flatMap((c) => c.secrets);
  if (hosts.kmsKeyArn !== undefined && secretRefs.length === 0) warnings.push('secretsKmsKeyArn is set but no container has secrets, so '
    + 'the role gets no kms:Decrypt');
  return { ecs, payload, payloadBytes: raw.length, userData, secrets: secretAccessOf(secretRefs, hosts.kmsKeyArn) };
}
