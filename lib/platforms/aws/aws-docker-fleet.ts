import { createHash } from 'crypto';
import { gzipSync } from 'zlib';
import { Annotations, TerraformOutput, Token } from 'cdktf';
import { Construct } from 'constructs';
import { AutoscalingGroup } from '@cdktf/provider-aws/lib/autoscaling-group';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { IamInstanceProfile } from '@cdktf/provider-aws/lib/iam-instance-profile';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { LaunchTemplate, LaunchTemplateBlockDeviceMappings } from '@cdktf/provider-aws/lib/launch-template';
import { S3Object } from '@cdktf/provider-aws/lib/s3-object';
import { SecurityGroup, SecurityGroupIngress } from '@cdktf/provider-aws/lib/security-group';
import { HostConfig, mergeHostModels } from '../../bootconfig/host-config';
import { renderIgnitionPointer } from '../../bootconfig/ignition';
import { HostModel, emptyHostModel } from '../../bootconfig/model';
import { Errors } from '../../core/errors';
import { fingerprintOf } from '../../core/fingerprint';
import { requireBoolean, requireRecord, requireString } from '../../core/validation';
import { ContainerOs, amiArchitecture } from '../../os/container-os';
import { Architecture, FirstBootFormat, Platform } from '../../os/enums';
import { UpdatePolicy, requirePolicy } from '../../os/update-policy';
import {
  instanceTypeArchitecture, isLiteralNumber, requireAwsId, requireAwsIdList, requireBucketName, requireInstanceType,
  requireIntegerOrToken, splitCidrs,
} from './aws-checks';
import { AwsImage } from './aws-image';

/** EC2 user data: at most 16 KB before base64 encoding (EC2 User Guide, "Instance user data"). */
const USER_DATA_LIMIT_BYTES = 16384;

/** The block-device name of the Docker data volume (all OSes; see `dockerVolumeSizeGiB`). */
const DATA_VOLUME_DEVICE = '/dev/xvdb';

/** How the first-boot payload reaches the hosts. */
export enum UserDataDelivery {
  /** The payload is the user data, as it is. */
  INLINE = 'inline',
  /** The payload is gzip-compressed to fit 16 KB (Alpine tiny-cloud, cloud-init, Bottlerocket decompress it). */
  GZIP = 'gzip',
  /** The Ignition config is an S3 object; the user data is an `ignition.config.replace` pointer to it. */
  S3_POINTER = 's3-pointer',
}

/** Properties of an `AwsDockerFleet`. */
export interface AwsDockerFleetProps {
  /** The host OS and its channel, e.g. `ContainerOs.flatcar()`. */
  readonly os: ContainerOs;
  /**
   * Number of hosts (the Auto Scaling group's desired capacity). May be a token (e.g. a
   * Terraform variable).
   */
  readonly hostCount: number;
  /**
   * EC2 instance type, `family.size`, e.g. `t3.small` or `m7g.large`. Its architecture must
   * match `architecture` (Graviton types such as `t4g`, `m7g` are arm64). Changing it rolls the
   * fleet (new launch template version → instance refresh).
   */
  readonly instanceType: string;
  /** The VPC of the hosts' security group, e.g. `vpc-0123456789abcdef0`. */
  readonly vpcId: string;
  /** Subnets the Auto Scaling group spreads hosts across (at least one). */
  readonly subnetIds: string[];
  /**
   * What the hosts run: SSH keys, files, units, containers, Docker settings. The OS's defaults
   * are the merge parent, this config the child.
   * @default - an empty HostConfig: Docker enabled with the OS's defaults, nothing else
   */
  readonly hostConfig?: HostConfig;
  /**
   * How hosts take OS updates in place.
   * @default UpdatePolicy.defaultWindow() - weekly, Sunday 03:00 UTC for 2 hours
   */
  readonly updatePolicy?: UpdatePolicy;
  /**
   * The AMI. Changing it later replaces nothing: the launch template ignores image changes.
   * @default AwsImage.latest() - the channel's newest image, looked up at plan time
   */
  readonly image?: AwsImage;
  /**
   * CPU architecture of the hosts; selects the image and is checked against `instanceType`.
   * @default Architecture.X86_64
   */
  readonly architecture?: Architecture;
  /**
   * CIDR blocks (IPv4 or IPv6) allowed to reach SSH (TCP 22). `0.0.0.0/0` or `::/0` work but
   * produce a warning.
   * @default - no SSH ingress
   */
  readonly sshIngressCidrs?: string[];
  /**
   * TCP ports opened to `ingressCidrs`, e.g. `[80, 443]` for the containers' published ports.
   * @default - no ports besides SSH (if `sshIngressCidrs` is set)
   */
  readonly ingressPorts?: number[];
  /**
   * CIDR blocks that may reach `ingressPorts`. Only used with `ingressPorts`: listing a port is
   * the explicit act of publishing a service, so by default it is open to everyone (like a load
   * balancer listener); pass your own ranges to restrict it. SSH is never covered by this: it
   * has its own `sshIngressCidrs`.
   * @default ['0.0.0.0/0', '::/0']
   */
  readonly ingressCidrs?: string[];
  /**
   * Security groups attached in addition to the fleet's own (for example one that allows a
   * load balancer). The fleet's group manages its rules inline, so add rules through another
   * group rather than to `securityGroup`.
   * @default - only the fleet's security group
   */
  readonly additionalSecurityGroupIds?: string[];
  /**
   * Size of the encrypted gp3 root volume, GiB. Must be at least the OS image's root snapshot
   * size. A change rolls the fleet.
   * @default - the OS image's minimum (e.g. 8 GiB for Flatcar, 10 GiB for Fedora CoreOS)
   */
  readonly rootVolumeSizeGiB?: number;
  /**
   * Size of a separate encrypted gp3 volume for Docker data, GiB, attached as `/dev/xvdb` and
   * mounted at /var/lib/docker (formatted ext4, label `docker-data`, only when blank).
   *
   * How each OS finds it (shared/reference/os-facts-2.md §2): Flatcar's udev rules
   * (flatcar/init 90-cloud-storage.rules, also in the initramfs) link the NVMe disk as
   * `/dev/xvdb`, so Ignition formats it by that name; Fedora CoreOS and Alpine have no such
   * link (fedora-coreos-tracker#1122; Alpine's needs nvme-cli), so a first-boot step finds the
   * blank disk whose model is "Amazon Elastic Block Store". Bottlerocket's AMI already maps
   * `/dev/xvdb` as its own data volume (mounted at /local, holding container state): the library
   * only sizes it and never mounts it.
   * A change rolls the fleet.
   * @default - no extra volume: Docker data stays on the root volume (Bottlerocket: the AMI's default data volume)
   */
  readonly dockerVolumeSizeGiB?: number;
  /**
   * Delete the Docker data volume when its host terminates. Kept volumes are detached, not
   * reattached to the replacement host (an Auto Scaling group launches fresh volumes), so they
   * are a safety copy you clean up yourself.
   * @default false - data volumes are kept
   */
  readonly deleteDataVolumeOnTermination?: boolean;
  /**
   * S3 bucket (a literal name, e.g. `my-config-bucket`) for first-boot configs above the 16 KB
   * user-data limit. Used only for Ignition OSes (Fedora CoreOS, Flatcar) whose config is too
   * large: the config becomes an SSE-encrypted object, the user data a small
   * `ignition.config.replace` pointer with its SHA-512, and the instance role may
   * `s3:GetObject` exactly that object.
   * @default - configs above 16 KB fail at synth time (after gzip where the OS allows it)
   */
  readonly userDataBucket?: string;
  /**
   * EC2 key pair for SSH, in addition to `hostConfig` keys.
   * @default - no key pair
   */
  readonly keyName?: string;
  /**
   * Give hosts a public IPv4 address (needs a public subnet).
   * @default false
   */
  readonly associatePublicIpAddress?: boolean;
  /**
   * IMDSv2 PUT response hop limit. 2 lets containers on Docker's bridge network reach
   * instance metadata; 1 blocks them.
   * @default 2
   */
  readonly metadataHopLimit?: number;
  /**
   * Minimum healthy percentage during a rolling instance refresh.
   * @default 90
   */
  readonly minHealthyPercentage?: number;
  /**
   * Seconds after launch before the Auto Scaling group checks a host's health.
   * @default 300
   */
  readonly healthCheckGracePeriod?: number;
  /**
   * Minimum size of the Auto Scaling group.
   * @default - hostCount
   */
  readonly minCapacity?: number;
  /**
   * Maximum size of the Auto Scaling group.
   * @default - hostCount
   */
  readonly maxCapacity?: number;
  /**
   * Name of the fleet: the `Name` tag of hosts and volumes and the name prefix of its resources.
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * Tags for every resource of the fleet, propagated to hosts and their volumes.
   * @default - only the Name tag
   */
  readonly tags?: { [key: string]: string };
}

/**
 * A fleet of Docker hosts on EC2: an Auto Scaling group over a launch template that boots the
 * chosen container OS with its rendered first-boot config, a security group, and an instance
 * role (no policies unless the OS or the S3 config path needs one).
 *
 * Secure by default: IMDSv2 required (hop limit 2), encrypted gp3 volumes, no public IP, no
 * SSH ingress unless `sshIngressCidrs` is given, no Docker TCP socket.
 *
 * What replaces hosts:
 *
 * | change | effect |
 * |---|---|
 * | new AMI (new release, `AwsImage.latest()` resolving differently, another pinned id) | nothing: `ignore_changes = ["image_id"]`; hosts update themselves in place through their channel |
 * | hostConfig, updatePolicy, instanceType, volume sizes, key pair, security groups | a new launch template version, and the Auto Scaling group's rolling instance refresh replaces hosts (min healthy `minHealthyPercentage`, 90%) |
 * | hostCount | hosts are added or removed; others are untouched |
 *
 * To move running hosts to a new pinned AMI, start an instance refresh yourself
 * (`aws autoscaling start-instance-refresh`).
 */
export class AwsDockerFleet extends Construct {
  /** EC2's user-data limit in bytes (16 KB, before base64 encoding). */
  public static readonly USER_DATA_LIMIT_BYTES = USER_DATA_LIMIT_BYTES;
  /** Block-device name of the Docker data volume. */
  public static readonly DATA_VOLUME_DEVICE = DATA_VOLUME_DEVICE;

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

  private partition?: DataAwsPartition;

  /**
   * @param scope the stack (or construct) the fleet belongs to; it must hold an AwsProvider
   * @param id the fleet's construct id: part of every resource address, so renaming it replaces the fleet
   * @param props what to run and where
   */
  constructor(scope: Construct, id: string, props: AwsDockerFleetProps) {
    super(scope, id);
    if (props === null || typeof props !== 'object') throw Errors.notAnObject('props', props);
    const os = props.os;
    if (!(os instanceof ContainerOs)) {
      throw Errors.notOneOf('os', os, ['ContainerOs.fedoraCoreOs()', 'ContainerOs.flatcar()', 'ContainerOs.alpine()', 'ContainerOs.bottlerocket()']);
    }
    if (props.hostConfig !== undefined && !(props.hostConfig instanceof HostConfig)) {
      throw Errors.notOneOf('hostConfig', props.hostConfig, ['a HostConfig (new HostConfig({...}))']);
    }
    const updatePolicy = props.updatePolicy === undefined ? undefined : requirePolicy(props.updatePolicy);
    if (props.image !== undefined && !(props.image instanceof AwsImage)) {
      throw Errors.notOneOf('image', props.image, ['AwsImage.latest()', "AwsImage.pinned('ami-...')"]);
    }
    const image = props.image ?? AwsImage.latest();
    const architecture = amiArchitecture(props.architecture);

    // --- literal checks (tokens pass) ------------------------------------------------------
    const hostCount = requireIntegerOrToken('hostCount', props.hostCount, 0);
    const minSize = props.minCapacity === undefined ? hostCount : requireIntegerOrToken('minCapacity', props.minCapacity, 0);
    const maxSize = props.maxCapacity === undefined ? hostCount : requireIntegerOrToken('maxCapacity', props.maxCapacity, 0);
    if (isLiteralNumber(minSize) && isLiteralNumber(hostCount) && minSize > hostCount) {
      throw Errors.capacityOrder('minCapacity', minSize, `must not exceed hostCount (${hostCount})`);
    }
    if (isLiteralNumber(maxSize) && isLiteralNumber(hostCount) && maxSize < hostCount) {
      throw Errors.capacityOrder('maxCapacity', maxSize, `must be at least hostCount (${hostCount})`);
    }
    const instanceType = requireInstanceType('instanceType', props.instanceType);
    if (!Token.isUnresolved(instanceType)) {
      const typeArch = instanceTypeArchitecture(instanceType);
      if (typeArch !== architecture) throw Errors.architectureMismatch('instanceType', instanceType, architecture, typeArch);
    }
    const vpcId = requireAwsId('vpcId', props.vpcId, 'vpc');
    const subnetIds = requireAwsIdList('subnetIds', props.subnetIds, 'subnet', 'subnet id', false);
    const extraSgs = props.additionalSecurityGroupIds === undefined ? []
      : requireAwsIdList('additionalSecurityGroupIds', props.additionalSecurityGroupIds, 'sg', 'security group id', true);
    const ssh = props.sshIngressCidrs === undefined ? { ipv4: [], ipv6: [] } : splitCidrs('sshIngressCidrs', props.sshIngressCidrs);
    const ports = props.ingressPorts === undefined ? [] : requireArrayOrToken('ingressPorts', props.ingressPorts)
      .map((p, i) => requireIntegerOrToken(`ingressPorts[${i}]`, p, 1, 65535));
    const appCidrs = props.ingressCidrs === undefined ? { ipv4: ['0.0.0.0/0'], ipv6: ['::/0'] } : splitCidrs('ingressCidrs', props.ingressCidrs);
    const lookupForSizes = os.awsImage(architecture);
    const minRoot = lookupForSizes.minRootSizeGiB;
    let rootSize = minRoot;
    if (props.rootVolumeSizeGiB !== undefined) {
      rootSize = requireIntegerOrToken('rootVolumeSizeGiB', props.rootVolumeSizeGiB, 1, 16384);
      if (isLiteralNumber(rootSize) && rootSize < minRoot) throw Errors.rootVolumeTooSmall(os.displayName, rootSize, minRoot);
    }
    const dataSize = props.dockerVolumeSizeGiB === undefined ? undefined
      : requireIntegerOrToken('dockerVolumeSizeGiB', props.dockerVolumeSizeGiB, 1, 16384);
    const deleteData = props.deleteDataVolumeOnTermination === undefined ? false
      : requireBoolean('deleteDataVolumeOnTermination', props.deleteDataVolumeOnTermination);
    const bucket = props.userDataBucket === undefined ? undefined : requireBucketName('userDataBucket', props.userDataBucket);
    const keyName = props.keyName === undefined ? undefined : requireString('keyName', props.keyName);
    const publicIp = props.associatePublicIpAddress === undefined ? false
      : requireBoolean('associatePublicIpAddress', props.associatePublicIpAddress);
    const hopLimit = props.metadataHopLimit === undefined ? 2 : requireIntegerOrToken('metadataHopLimit', props.metadataHopLimit, 1, 64);
    const minHealthy = props.minHealthyPercentage === undefined ? 90
      : requireIntegerOrToken('minHealthyPercentage', props.minHealthyPercentage, 0, 100);
    const grace = props.healthCheckGracePeriod === undefined ? 300
      : requireIntegerOrToken('healthCheckGracePeriod', props.healthCheckGracePeriod, 0);
    const name = fleetName(props.name, id);
    const tags = userTags(props.tags);
    const tagsOrNone = Object.keys(tags).length > 0 ? tags : undefined;
    const nameTags: Record<string, string> = { ...tags, Name: name };

    // --- first-boot payload ------------------------------------------------------------------
    const dataVolume = os._awsDataVolume();
    const userModel = props.hostConfig?._toModel() ?? emptyHostModel();
    let model: HostModel = userModel;
    if (dataSize !== undefined && dataVolume.kind === 'mounted') {
      // Library value as parent: a user's own dockerDataVolume wins.
      model = mergeHostModels({
        ...emptyHostModel(),
        dockerDataVolume: {
          device: dataVolume.hostDevice,
          diskModel: dataVolume.diskModel,
          label: 'docker-data',
          fileSystem: 'ext4',
          mountPoint: '/var/lib/docker',
        },
      }, userModel);
    } else if (dataSize === undefined && userModel.dockerDataVolume !== undefined) {
      Annotations.of(this).addWarning(`hostConfig.dockerDataVolume is set but dockerVolumeSizeGiB is not, so no ${DATA_VOLUME_DEVICE} volume is attached; first boot waits for a disk that never comes`);
    }
    const payload = os._render(model, { platform: Platform.AWS, updatePolicy });
    for (const w of payload.warnings) Annotations.of(this).addWarning(w);
    const raw = Buffer.from(payload.content, 'utf8');
    this.firstBootPayloadBytes = raw.length;

    // --- security group ------------------------------------------------------------------------
    const ingress: SecurityGroupIngress[] = [];
    if (ssh.ipv4.length > 0 || ssh.ipv6.length > 0) {
      ingress.push(tcpIngress(22, ssh, 'SSH'));
      if (isWorld(ssh)) {
        Annotations.of(this).addWarning(`sshIngressCidrs opens SSH (port 22) to the whole internet (${[...ssh.ipv4, ...ssh.ipv6].filter(isWorldCidr).join(', ')}); restrict it to your own ranges or use SSM Session Manager`);
      }
    }
    if (ports.length > 0 && (appCidrs.ipv4.length > 0 || appCidrs.ipv6.length > 0)) {
      for (const port of ports) {
        ingress.push(tcpIngress(port, appCidrs, `TCP ${Token.isUnresolved(port) ? 'port' : port}`));
        if (!Token.isUnresolved(port) && isWorld(appCidrs) && [22, 2375, 2376].includes(port)) {
          Annotations.of(this).addWarning(`ingressPorts opens port ${port} (${port === 22 ? 'SSH' : 'Docker API'}) to the whole internet; use sshIngressCidrs or ingressCidrs with your own ranges`);
        }
      }
    }
    this.securityGroup = new SecurityGroup(this, 'SecurityGroup', {
      namePrefix: `${name}-`,
      description: `Docker fleet "${name}": egress to anywhere, ingress only as configured`,
      vpcId,
      ingress,
      egress: [{
        description: 'All egress',
        protocol: '-1',
        fromPort: 0,
        toPort: 0,
        cidrBlocks: ['0.0.0.0/0'],
        ipv6CidrBlocks: ['::/0'],
      }],
      tags: nameTags,
      lifecycle: { createBeforeDestroy: true },
    });

    // --- IAM ----------------------------------------------------------------------------------
    this.instanceRole = new IamRole(this, 'InstanceRole', {
      namePrefix: `${name.slice(0, 37)}-`,
      description: `Role of the ${os.displayName} hosts of Docker fleet "${name}"`,
      // UNCERTAIN: 'ec2.amazonaws.com' is the principal in the aws partition; aws-cn documents
      // 'ec2.amazonaws.com.cn' for some services (not checked for EC2 here).
      assumeRolePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      }),
      tags: tagsOrNone,
    });
    // What the OS's own agents need (e.g. Bottlerocket's SSM and ECS agents); nothing else is attached.
    {
      const managed = os._awsManagedPolicies();
      for (const [cid, policy] of managed) {
        new IamRolePolicyAttachment(this, `${cid}PolicyAttachment`, {
          role: this.instanceRole.name,
          policyArn: `arn:${this.awsPartition()}:iam::aws:policy/${policy}`,
        });
      }
    }
    this.instanceProfile = new IamInstanceProfile(this, 'InstanceProfile', {
      namePrefix: `${name.slice(0, 37)}-`,
      role: this.instanceRole.name,
      tags: tagsOrNone,
    });

    // --- user data (16 KB limit; never truncated) -------------------------------------------
    let userData: Buffer;
    if (raw.length <= USER_DATA_LIMIT_BYTES) {
      userData = raw;
      this.userDataDelivery = UserDataDelivery.INLINE;
    } else if (os._gzipUserData) {
      // zlib's gzip header has mtime 0 and a fixed OS byte: same input, same bytes.
      const gz = gzipSync(raw, { level: 9 });
      if (gz.length > USER_DATA_LIMIT_BYTES) {
        throw Errors.userDataTooLarge(os.displayName, raw.length, USER_DATA_LIMIT_BYTES,
          `even gzip-compressed it is ${gz.length} bytes; move large files out of hostConfig (e.g. into a container image, or fetch them at boot)`);
      }
      userData = gz;
      this.userDataDelivery = UserDataDelivery.GZIP;
    } else if (payload.format === FirstBootFormat.IGNITION && bucket !== undefined) {
      const sha512 = createHash('sha512').update(raw).digest('hex');
      const key = `docker-fleet/${name}/${fingerprintOf(raw, 16)}.ign`;
      this.configObject = new S3Object(this, 'IgnitionConfig', {
        bucket,
        key,
        contentBase64: raw.toString('base64'),
        contentType: 'application/json',
        serverSideEncryption: 'AES256',
        tags: tagsOrNone,
        // A changed config has a new key: upload it before the old one is deleted.
        lifecycle: { createBeforeDestroy: true },
      });
      // UNCERTAIN: Ignition's s3:// fetcher (ignition internal/resource/url.go) first asks S3 for
      // the bucket's region (HEAD bucket, which answers with x-amz-bucket-region even on 403),
      // then GETs the object with the instance role; s3:GetObject on the object is all it needs.
      new IamRolePolicy(this, 'ReadIgnitionConfig', {
        role: this.instanceRole.id,
        name: 'read-ignition-config',
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:${this.awsPartition()}:s3:::${bucket}/${key}` }],
        }),
      });
      userData = Buffer.from(renderIgnitionPointer(`s3://${bucket}/${key}`, sha512), 'utf8');
      this.userDataDelivery = UserDataDelivery.S3_POINTER;
    } else {
      throw Errors.userDataTooLarge(os.displayName, raw.length, USER_DATA_LIMIT_BYTES,
        payload.format === FirstBootFormat.IGNITION
          ? 'set userDataBucket to an S3 bucket name: the Ignition config is then uploaded there and the user data becomes a small pointer to it'
          : 'move large files out of hostConfig (e.g. into a container image, or fetch them at boot)');
    }
    this.userDataBytes = userData.length;

    // --- launch template ----------------------------------------------------------------------
    const { imageId, lookup } = image._bind(this, os, architecture);
    const blockDeviceMappings: LaunchTemplateBlockDeviceMappings[] = [{
      deviceName: lookup.rootDeviceName,
      ebs: { volumeSize: rootSize, volumeType: 'gp3', encrypted: 'true', deleteOnTermination: 'true' },
    }];
    if (dataSize !== undefined) {
      blockDeviceMappings.push({
        deviceName: dataVolume.deviceName,
        ebs: { volumeSize: dataSize, volumeType: 'gp3', encrypted: 'true', deleteOnTermination: deleteData ? 'true' : 'false' },
      });
    }
    this.launchTemplate = new LaunchTemplate(this, 'LaunchTemplate', {
      namePrefix: `${name}-`,
      description: `${os.displayName} Docker hosts of fleet "${name}"`,
      imageId,
      instanceType,
      keyName,
      userData: userData.toString('base64'),
      updateDefaultVersion: true,
      iamInstanceProfile: { arn: this.instanceProfile.arn },
      metadataOptions: {
        httpEndpoint: 'enabled',
        httpTokens: 'required',
        httpPutResponseHopLimit: hopLimit,
      },
      networkInterfaces: [{
        deviceIndex: 0,
        associatePublicIpAddress: publicIp ? 'true' : 'false',
        deleteOnTermination: 'true',
        securityGroups: [this.securityGroup.id, ...extraSgs],
      }],
      blockDeviceMappings,
      tagSpecifications: [
        { resourceType: 'instance', tags: nameTags },
        { resourceType: 'volume', tags: nameTags },
      ],
      tags: tagsOrNone,
      lifecycle: { ignoreChanges: ['image_id'] },
      dependsOn: this.configObject ? [this.configObject] : undefined,
    });

    // --- Auto Scaling group -------------------------------------------------------------------
    this.autoScalingGroup = new AutoscalingGroup(this, 'AutoScalingGroup', {
      namePrefix: `${name}-`,
      minSize,
      maxSize,
      desiredCapacity: hostCount,
      vpcZoneIdentifier: subnetIds,
      healthCheckType: 'EC2',
      healthCheckGracePeriod: grace,
      waitForCapacityTimeout: '0',
      launchTemplate: {
        id: this.launchTemplate.id,
        // The concrete version (not "$Latest"): a new version is a change of the group, which
        // starts the instance refresh below.
        version: Token.asString(this.launchTemplate.latestVersion),
      },
      instanceRefresh: {
        strategy: 'Rolling',
        preferences: { minHealthyPercentage: minHealthy },
      },
      tag: Object.keys(nameTags).sort().map((key) => ({ key, value: nameTags[key], propagateAtLaunch: true })),
    });

    new TerraformOutput(this, 'AutoScalingGroupName', { value: this.autoScalingGroup.name, description: `Auto Scaling group of Docker fleet "${name}"` });
    new TerraformOutput(this, 'LaunchTemplateId', { value: this.launchTemplate.id, description: `Launch template of Docker fleet "${name}"` });
    new TerraformOutput(this, 'SecurityGroupId', { value: this.securityGroup.id, description: `Security group of Docker fleet "${name}"` });
    new TerraformOutput(this, 'InstanceRoleArn', { value: this.instanceRole.arn, description: `Instance role of Docker fleet "${name}"` });
  }

  private awsPartition(): string {
    if (!this.partition) this.partition = new DataAwsPartition(this, 'Partition', {});
    return this.partition.partition;
  }
}

function requireArrayOrToken(property: string, value: unknown): number[] {
  if (Token.isUnresolved(value)) return value as number[];
  if (!Array.isArray(value)) throw Errors.notAnArray(property, value);
  return value;
}

function tcpIngress(port: number, cidrs: { ipv4: string[]; ipv6: string[] }, what: string): SecurityGroupIngress {
  return {
    description: what,
    protocol: 'tcp',
    fromPort: port,
    toPort: port,
    cidrBlocks: cidrs.ipv4.length > 0 ? cidrs.ipv4 : undefined,
    ipv6CidrBlocks: cidrs.ipv6.length > 0 ? cidrs.ipv6 : undefined,
  };
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
    return n || 'docker-fleet';
  }
  const s = requireString('name', value);
  if (!/^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/.test(s)) {
    throw Errors.badFleetName('name', value);
  }
  return s;
}

function userTags(value: unknown): Record<string, string> {
  if (value === undefined) return {};
  const r = requireRecord('tags', value);
  const out: Record<string, string> = {};
  for (const k of Object.keys(r).sort()) {
    if (k === 'Name') throw Errors.reservedTag('tags.Name', r[k]);
    out[k] = requireString(`tags.${k}`, r[k], { allowEmpty: true });
  }
  return out;
}
