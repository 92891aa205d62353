/**
 * The plan step of `AwsDockerFleet` (pure: props in, a plain plan out, no resources): every
 * prop checked (all problems of the fleet reported together), the first-boot payload rendered
 * once through the OS pipeline, and the user-data delivery decided. `aws-fleet-resources.ts`
 * maps the plan to Terraform resources.
 */
import { Token } from 'cdktf';
import { HostConfig, requireHostConfig } from '../../bootconfig/host-config';
import { CoreErrors } from '../../core/errors';
import { AwsErrors } from './errors';
import { Problems } from '../../core/problems';
import { escapeTemplate } from '../../core/terraform-text';
import { requireBoolean, requireRecord, requireString } from '../../core/validation';
import { ContainerOs, requireContainerOs, FirstBootPayload, amiArchitecture } from '../../os/container-os';
import { Architecture, Platform } from '../../os/enums';
import { AwsTraits, EBS_DATA_DEVICE } from '../../os/aws-traits';
import { UpdatePolicy, requirePolicy } from '../../os/update-policy';
import { AwsFleetNames, awsFleetNames } from './artefact-names';
import {
  instanceTypeArchitecture, isLiteralNumber, requireAwsId, requireAwsIdList, requireBucketName, requireInstanceType,
  requireIntegerOrToken, splitCidrs,
} from './aws-checks';
import type { AwsDockerFleetProps } from './aws-docker-fleet-props';
import { AwsImage } from './aws-image';
import { EcsFleetPlan, FLEET_TAG, planEcsFleet } from './ecs/fleet-plan';
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

/** Checks the props and decides the fleet (see the file comment). `path` is the construct path, for messages. */
export function planAwsFleet(id: string, path: string, props: AwsDockerFleetProps): AwsFleetPlan {
  return Problems.collect(path, (problems) => {
    if (props === null || typeof props !== 'object') throw CoreErrors.notAnObject('props', props);
    return checkProps(id, path, props, problems);
  });
}

function checkProps(id: string, path: string, props: AwsDockerFleetProps, p: Problems): AwsFleetPlan {
  const warnings: string[] = [];
  const os = p.run(() => requireContainerOs('os', props.os));
  const traits = p.run(() => os._traits(Platform.AWS));
  const host = p.check(() => requireHostConfig('hostConfig', props.hostConfig), new HostConfig());
  const policy: UpdatePolicy | undefined = p.check(() => (props.updatePolicy === undefined ? undefined : requirePolicy(props.updatePolicy)), undefined);
  const image = p.check(() => {
    if (props.image !== undefined && !(props.image instanceof AwsImage)) throw CoreErrors.notOneOf('image', props.image, ['AwsImage.latest()', "AwsImage.pinned('ami-...')"]);
    return props.image ?? AwsImage.latest();
  }, AwsImage.latest());
  const architecture = p.check(() => amiArchitecture(props.architecture), Architecture.X86_64);

  // --- sizes and capacities (tokens pass) -------------------------------------------------
  // The Auto Scaling API's sizes are 32-bit integers (AutoScalingGroup DesiredCapacity/MinSize/MaxSize:
  // Integer); 1e21 would reach Terraform as 1e+21 (C17).
  const MAX = 2147483647;
  const hostCount = p.check(() => requireIntegerOrToken('hostCount', props.hostCount, 0, MAX), 0);
  const minSize = p.check(() => (props.minCapacity === undefined ? hostCount : requireIntegerOrToken('minCapacity', props.minCapacity, 0, MAX)), hostCount);
  const maxSize = p.check(() => (props.maxCapacity === undefined ? hostCount : requireIntegerOrToken('maxCapacity', props.maxCapacity, 0, MAX)), hostCount);
  p.check(() => {
    if (isLiteralNumber(minSize) && isLiteralNumber(hostCount) && minSize > hostCount) throw AwsErrors.capacityOrder('minCapacity', minSize, `must not exceed hostCount (${hostCount})`);
    if (isLiteralNumber(maxSize) && isLiteralNumber(hostCount) && maxSize < hostCount) throw AwsErrors.capacityOrder('maxCapacity', maxSize, `must be at least hostCount (${hostCount})`);
  }, undefined);
  const instanceType = p.check(() => {
    const t = requireInstanceType('instanceType', props.instanceType);
    if (!Token.isUnresolved(t)) {
      const typeArch = instanceTypeArchitecture(t);
      if (typeArch !== architecture) throw AwsErrors.architectureMismatch('instanceType', t, architecture, typeArch);
    }
    return t;
  }, '');
  const lookup = traits.image(architecture);
  const rootSizeGiB = p.check(() => {
    if (props.rootVolumeSizeGiB === undefined) return lookup.minRootSizeGiB;
    const size = requireIntegerOrToken('rootVolumeSizeGiB', props.rootVolumeSizeGiB, 1, 16384);
    if (isLiteralNumber(size) && size < lookup.minRootSizeGiB) throw AwsErrors.rootVolumeTooSmall(os.displayName, size, lookup.minRootSizeGiB);
    return size;
  }, lookup.minRootSizeGiB);
  const dataSize = p.check(() => (props.dockerVolumeSizeGiB === undefined ? undefined : requireIntegerOrToken('dockerVolumeSizeGiB', props.dockerVolumeSizeGiB, 1, 16384)), undefined);
  // An Auto Scaling group launches every replacement with a fresh volume and never reattaches an
  // old one, so a kept volume is only orphaned (cost, residual data): delete by default
  // (review-2026-11.md A11).
  const deleteData = p.check(() => (props.deleteDataVolumeOnTermination === undefined ? true : requireBoolean('deleteDataVolumeOnTermination', props.deleteDataVolumeOnTermination)), true);

  // --- network -----------------------------------------------------------------------------
  const vpcId = p.check(() => requireAwsId('vpcId', props.vpcId, 'vpc'), '');
  const subnetIds = p.check(() => requireAwsIdList('subnetIds', props.subnetIds, 'subnet', 'subnet id', false), []);
  const extraSgs = p.check(() => (props.additionalSecurityGroupIds === undefined ? []
    : requireAwsIdList('additionalSecurityGroupIds', props.additionalSecurityGroupIds, 'sg', 'security group id', true)), []);
  const targetGroupArns = p.check(() => requireArnList('targetGroupArns', props.targetGroupArns), []);
  const ssh = p.check(() => (props.sshIngressCidrs === undefined ? { ipv4: [], ipv6: [] } : splitCidrs('sshIngressCidrs', props.sshIngressCidrs)), { ipv4: [], ipv6: [] });
  const ports = p.check(() => (props.ingressPorts === undefined ? [] : requireArrayOrToken('ingressPorts', props.ingressPorts)
    .map((port, i, all) => {
      const n = requireIntegerOrToken(`ingressPorts[${i}]`, port, 1, 65535);
      // Two rules for one port make the security group fail at apply (duplicate permission).
      if (!Token.isUnresolved(n) && all.indexOf(port) !== i) throw AwsErrors.duplicateIngressPort(`ingressPorts[${i}]`, port, `ingressPorts[${all.indexOf(port)}]`);
      return n;
    })), []);
  const appCidrs = p.check(() => (props.ingressCidrs === undefined ? { ipv4: ['0.0.0.0/0'], ipv6: ['::/0'] } : splitCidrs('ingressCidrs', props.ingressCidrs)), { ipv4: [], ipv6: [] });
  if (ports.length > 0 && Array.isArray(props.ingressCidrs) && props.ingressCidrs.length === 0) {
    p.check(() => {
      throw CoreErrors.emptyList('ingressCidrs', props.ingressCidrs, 'CIDR block while ingressPorts lists ports (with none, the ports would silently stay closed); leave ingressCidrs out for the whole internet or drop ingressPorts');
    }, undefined);
  }
  const ingress: IngressRule[] = [];
  if (ssh.ipv4.length > 0 || ssh.ipv6.length > 0) {
    ingress.push({ description: 'SSH', port: 22, ...ssh });
    if (isWorld(ssh)) {
      warnings.push(`sshIngressCidrs opens SSH (port 22) to the whole internet (${[...ssh.ipv4, ...ssh.ipv6].filter(isWorldCidr).join(', ')}); restrict it to your own ranges or use SSM Session Manager`);
    }
  }
  if (appCidrs.ipv4.length > 0 || appCidrs.ipv6.length > 0) {
    for (const port of ports) {
      ingress.push({ description: `TCP ${Token.isUnresolved(port) ? 'port' : port}`, port, ...appCidrs });
      if (!Token.isUnresolved(port) && isWorld(appCidrs) && [22, 2375, 2376].includes(port)) {
        warnings.push(`ingressPorts opens port ${port} (${port === 22 ? 'SSH' : 'Docker API'}) to the whole internet; use sshIngressCidrs or ingressCidrs with your own ranges`);
      }
    }
  }

  // --- the rest ------------------------------------------------------------------------------
  const bucket = p.check(() => (props.userDataBucket === undefined ? undefined : requireBucketName('userDataBucket', props.userDataBucket)), undefined);
  const keyName = p.check(() => (props.keyName === undefined ? undefined : escapeTemplate(requireString('keyName', props.keyName))), undefined);
  const publicIp = p.check(() => (props.associatePublicIpAddress === undefined ? false : requireBoolean('associatePublicIpAddress', props.associatePublicIpAddress)), false);
  // 1: containers on Docker's bridge network cannot reach IMDS (the role's credentials, user
  // data); the secret fetcher runs with host networking (review-2026-11.md C5, checkov CKV_AWS_341).
  const hopLimit = p.check(() => (props.metadataHopLimit === undefined ? 1 : requireIntegerOrToken('metadataHopLimit', props.metadataHopLimit, 1, 64)), 1);
  const kmsKeyArn = p.check(() => (props.secretsKmsKeyArn === undefined ? undefined : requireKmsKeyArn('secretsKmsKeyArn', props.secretsKmsKeyArn)), undefined);
  const minHealthy = p.check(() => (props.minHealthyPercentage === undefined ? 90 : requireIntegerOrToken('minHealthyPercentage', props.minHealthyPercentage, 0, 100)), 90);
  const grace = p.check(() => (props.healthCheckGracePeriod === undefined ? 300 : requireIntegerOrToken('healthCheckGracePeriod', props.healthCheckGracePeriod, 0)), 300);
  // Behind a load balancer, apply waits (10 minutes by default) until the hosts pass its health
  // checks, so a payload that boots but serves nothing fails the deploy instead of reporting
  // success (C13). Without one only EC2 status checks exist, which a dead payload passes: '0'.
  const behindLb = targetGroupArns.length > 0 || Token.isUnresolved(props.targetGroupArns);
  const waitForCapacityTimeout = p.check(() => (props.waitForCapacityTimeout === undefined ? (behindLb ? '10m' : '0')
    : requireDuration('waitForCapacityTimeout', props.waitForCapacityTimeout)), '0');
  const ssm = p.check(() => (props.ssmSessionPermissions === undefined ? false : requireBoolean('ssmSessionPermissions', props.ssmSessionPermissions)), false);
  const fleet = p.check(() => fleetName(props.name, id), 'docker-fleet');
  const userTags = p.check(() => tagsOf(props.tags), {});
  const names = awsFleetNames(fleet);

  // --- first-boot payload: one render through the OS pipeline ------------------------------
  const hostModel = host._toModel();
  if (dataSize === undefined && hostModel.dockerDataVolume !== undefined) {
    warnings.push(`hostConfig.dockerDataVolume is set but dockerVolumeSizeGiB is not, so no ${EBS_DATA_DEVICE} volume is attached; first boot waits for a disk that never comes`);
  }
  // An OS whose Docker engine belongs to the ECS agent: the containers become ECS services and
  // the payload joins the cluster (ecs-fleet-plan.ts).
  const ecs = traits.containerScheduler === 'ecs' ? p.check(() => planEcsFleet({
    os: os.displayName, names: awsFleetNames(fleet), existingCluster: os.ecsCluster, containers: hostModel.containers,
    logRetentionDays: props.containerLogRetentionDays, policy: policy ?? UpdatePolicy.defaultWindow(),
  }), undefined) : undefined;
  if (ecs) warnings.push(...ecs.warnings);
  if (!ecs && props.containerLogRetentionDays !== undefined) {
    warnings.push(`containerLogRetentionDays is ignored: ${os.displayName} runs its containers itself and they log to the host's journal`);
  }
  const layers = { ...os._platformLayers(Platform.AWS, { dataVolume: dataSize !== undefined }), ecs: ecs?.membership };
  const payload = p.run(() => os._render(hostModel, host._fragments(), Platform.AWS, policy, layers));
  host._consume(path);
  warnings.push(...payload.warnings);
  const raw = Buffer.from(payload.content, 'utf8');
  const userData = p.run(() => planUserData(os.displayName, raw, traits, bucket, names.configKey));

  const secretRefs = hostModel.containers.flatMap((c) => c.secrets);
  const secrets = secretAccessOf(secretRefs, kmsKeyArn);
  if (kmsKeyArn !== undefined && secretRefs.length === 0) warnings.push('secretsKmsKeyArn is set but no container has secrets, so the role gets no kms:Decrypt');

  const managedPolicies = [...traits.managedPolicies];
  if (ssm && !managedPolicies.some(([, name]) => name === 'AmazonSSMManagedInstanceCore')) managedPolicies.push(['Ssm', 'AmazonSSMManagedInstanceCore']);

  const nameTags = { ...userTags, Name: fleet };
  return {
    names, os, traits, architecture, image, hostCount, minSize, maxSize, instanceType, vpcId, subnetIds,
    securityGroupIds: extraSgs, targetGroupArns, ingress, rootSizeGiB,
    data: dataSize === undefined ? undefined : { deviceName: EBS_DATA_DEVICE, sizeGiB: dataSize, deleteOnTermination: deleteData },
    keyName, publicIp, hopLimit, minHealthy, grace, waitForCapacityTimeout, userTags, nameTags,
    instanceTags: ecs?.updateWindow ? { ...nameTags, [FLEET_TAG]: fleet } : nameTags,
    managedPolicies, secrets, ecs, payload, payloadBytes: raw.length, userData, warnings,
  };
}

function requireArrayOrToken(property: string, value: unknown): number[] {
  if (Token.isUnresolved(value)) return value as number[];
  if (!Array.isArray(value)) throw CoreErrors.notAnArray(property, value);
  return value;
}

function requireArnList(property: string, value: unknown): string[] {
  if (value === undefined) return [];
  if (Token.isUnresolved(value)) return value as string[];
  if (!Array.isArray(value)) throw CoreErrors.notAnArray(property, value);
  return value.map((v, i) => {
    if (typeof v === 'string' && (Token.isUnresolved(v) || /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:targetgroup\/[A-Za-z0-9-]+\/[0-9a-f]+$/.test(v))) return v;
    throw AwsErrors.badTargetGroupArn(`${property}[${i}]`, v);
  });
}

function requireKmsKeyArn(property: string, value: unknown): string {
  const s = requireString(property, value);
  if (Token.isUnresolved(s)) return s;
  if (!/^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]+$/.test(s)) throw AwsErrors.badKmsKeyArn(property, value);
  return s;
}

function isWorldCidr(c: string): boolean {
  return c === '0.0.0.0/0' || c === '::/0';
}

function isWorld(c: { ipv4: string[]; ipv6: string[] }): boolean {
  return [...c.ipv4, ...c.ipv6].some((x) => typeof x === 'string' && isWorldCidr(x));
}

function fleetName(value: unknown, id: string): string {
  if (value === undefined) {
    const n = id.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 32);
    // A launch template name_prefix needs at least 3 characters (hashicorp/aws 5.100.0, checked
    // with terraform validate): a 1-character id gets a longer default name.
    return n.length >= 2 ? n : `${n || 'docker'}-fleet`;
  }
  const s = requireString('name', value);
  if (!/^[A-Za-z0-9][A-Za-z0-9-]{1,31}$/.test(s)) throw AwsErrors.badFleetName('name', value);
  return s;
}

/** A Terraform duration as wait_for_capacity_timeout takes it (Go time.ParseDuration): '10m', '1h30m', '0'. */
function requireDuration(property: string, value: unknown): string {
  const s = requireString(property, value);
  if (Token.isUnresolved(s)) return s;
  if (!/^(0|(?=\d)(\d+h)?(\d+m)?(\d+s)?)$/.test(s)) throw AwsErrors.badDuration(property, value);
  return s;
}

/** AWS: at most 50 tags per resource, the fleet adds Name; keys up to 128, values up to 256 characters. */
const MAX_USER_TAGS = 49;

function tagsOf(value: unknown): Record<string, string> {
  if (value === undefined) return {};
  const r = requireRecord('tags', value);
  const out: Record<string, string> = {};
  const keys = Object.keys(r).sort();
  if (keys.length > MAX_USER_TAGS) throw AwsErrors.badTag('tags', `${keys.length} tags`, `AWS allows 50 tags per resource and the fleet adds Name, so at most ${MAX_USER_TAGS}`);
  for (const k of keys) {
    if (k === 'Name') throw AwsErrors.reservedTag('tags.Name', r[k]);
    if (/^aws:/i.test(k)) throw AwsErrors.badTag(`tags.${k}`, k, "tag keys starting with 'aws:' are reserved for AWS and refused by the API");
    if (k.length === 0 || k.length > 128) throw AwsErrors.badTag(`tags.${k}`, k, 'tag keys have 1-128 characters');
    const v = requireString(`tags.${k}`, r[k], { allowEmpty: true });
    if (!Token.isUnresolved(v) && v.length > 256) throw AwsErrors.badTag(`tags.${k}`, v, 'tag values have at most 256 characters');
    out[escapeTemplate(k)] = escapeTemplate(v);
  }
  return out;
}
