import type { HostConfig } from '../../bootconfig/host-config';
import type { ContainerOs } from '../../os/container-os';
import type { Architecture } from '../../os/enums';
import type { UpdatePolicy } from '../../os/update-policy';
import type { AwsImage } from './aws-image';

/**
 * What every group of EC2 Docker hosts takes: an `AwsDockerFleet`, and each fleet of an
 * `AwsDockerSwarm` (its managers and its workers). A prop added here reaches both (see
 * `hostGroupProps`).
 */
export interface AwsHostGroupProps {
  /** The host OS and its channel, e.g. `ContainerOs.flatcar()`. */
  readonly os: ContainerOs;
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
   * @default - the OS image's minimum (16 GiB for Flatcar, 10 GiB for Fedora CoreOS, 2 GiB for
   * Bottlerocket), and 8 GiB for Alpine, whose 1 GiB image has no room for Docker and images
   */
  readonly rootVolumeSizeGiB?: number;
  /**
   * Size of a separate encrypted gp3 volume for Docker data, GiB, attached as `/dev/xvdb` and
   * mounted at /var/lib/docker (formatted ext4, label `docker-data`, only when blank).
   *
   * How each OS finds it: Flatcar's udev rules
   * (flatcar/init 90-cloud-storage.rules, also in the initramfs) link the NVMe disk as
   * `/dev/xvdb`, so Ignition formats it by that name; Fedora CoreOS and Alpine have no such
   * link (fedora-coreos-tracker#1122; Alpine's needs nvme-cli), so a first-boot step finds the
   * blank disk whose model is "Amazon Elastic Block Store". Bottlerocket's AMI already maps
   * `/dev/xvdb` as its own data volume (mounted at /local, holding container state): the library
   * only sizes it and never mounts it.
   * A change rolls the fleet.
   * @default - no extra volume: Docker data stays on the root volume; Bottlerocket: its own data
   * volume `/dev/xvdb` is always mapped by the fleet, encrypted, 20 GiB
   */
  readonly dockerVolumeSizeGiB?: number;
  /**
   * Delete the Docker data volume when its host terminates. An Auto Scaling group launches every
   * replacement host with a fresh, blank volume and never reattaches an old one: with `false` the
   * old volume is only orphaned (detached, still billed, still holding its data) for you to clean
   * up or inspect, never reused. Data survives reboots and OS updates either way.
   * @default true - the volume goes with its instance
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
   * ELB target groups (ARNs) the Auto Scaling group registers its hosts with, to put the fleet
   * behind an Application or Network Load Balancer. With target groups the group also uses the
   * load balancer's health checks (`health_check_type = "ELB"`), so a host whose containers do not
   * answer is replaced. Open the target port to the load balancer with `ingressPorts` and
   * `ingressCidrs` (or `additionalSecurityGroupIds`).
   * @default - no load balancer; EC2 status checks only
   */
  readonly targetGroupArns?: string[];
  /**
   * Attach the AWS-managed policy AmazonSSMManagedInstanceCore to the hosts' role, so an SSM
   * agent on the host can register with Systems Manager (Session Manager instead of SSH).
   * Bottlerocket's control container always has it; Flatcar's EC2 images run amazon-ssm-agent
   * (its `oem-ec2` extension). Fedora CoreOS and Alpine images do not ship the agent: run it
   * yourself (e.g. as a container) for this to take effect there.
   * @default false
   */
  readonly ssmSessionPermissions?: boolean;
  /**
   * A customer-managed KMS key (ARN; may be a token) that encrypts the SecureString parameters or
   * secrets of `ContainerSecret`s: the role gets `kms:Decrypt` on it, only through SSM or Secrets
   * Manager (`kms:ViaService`). Not needed for the AWS-managed keys (aws/ssm, aws/secretsmanager).
   * @default - no kms:Decrypt permission
   */
  readonly secretsKmsKeyArn?: string;
  /**
   * Tags for every resource of the fleet, propagated to hosts and their volumes.
   * @default - only the Name tag
   */
  readonly tags?: { [key: string]: string };
}

/** Every member of AwsHostGroupProps, in one list (a compile error names one that is missing). */
const HOST_GROUP_KEYS = ['os', 'instanceType', 'vpcId', 'subnetIds', 'hostConfig', 'updatePolicy', 'image', 'architecture',
  'sshIngressCidrs', 'ingressPorts', 'ingressCidrs', 'additionalSecurityGroupIds', 'rootVolumeSizeGiB', 'dockerVolumeSizeGiB',
  'deleteDataVolumeOnTermination', 'userDataBucket', 'keyName', 'associatePublicIpAddress', 'targetGroupArns', 'ssmSessionPermissions',
  'secretsKmsKeyArn', 'tags'] as const;
type Unlisted = Exclude<keyof AwsHostGroupProps, typeof HOST_GROUP_KEYS[number]>;
const EVERY_KEY_LISTED: [Unlisted] extends [never] ? true : Unlisted = true;

/** The host-group props of a larger props object (a swarm's), to pass on to its fleets as they are. */
export function hostGroupProps(props: AwsHostGroupProps): AwsHostGroupProps {
  void EVERY_KEY_LISTED;
  return Object.fromEntries(HOST_GROUP_KEYS.filter((k) => props[k] !== undefined).map((k) => [k, props[k]])) as unknown as AwsHostGroupProps;
}
