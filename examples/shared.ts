/**
 * What the examples share: the network to deploy into, an operator key, a small web host, and
 * the options tests and CI use to plan offline (pinned AMI, fake credentials).
 */
import { AwsProvider, AwsProviderConfig } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { AwsImage, HostConfig, LibvirtProvider, LibvirtProvider09, LibvirtProviderVersion } from '../lib';

/** Replace with your own VPC and subnets (or look them up with data sources). */
export const NETWORK = {
  vpcId: 'vpc-0a1b2c3d4e5f60718',
  subnetIds: ['subnet-0a1b2c3d4e5f60718', 'subnet-0f1e2d3c4b5a69788'],
};
export const OPS_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKBunUBgAyKha6U6Hmuj/wlEBWhfpTlxciaPbg7ZIrWG ops@example';

export interface ExampleOptions {
  /** Pin this AMI instead of looking up the newest (tests plan offline with it). */
  readonly pinnedAmi?: string;
  /** Provider settings (tests plan offline with fake credentials and skip flags). */
  readonly awsProvider?: AwsProviderConfig;
}

export function awsStack(app: App, id: string, o: ExampleOptions): TerraformStack {
  const stack = new TerraformStack(app, id);
  new AwsProvider(stack, 'aws', o.awsProvider ?? { region: 'eu-central-1' });
  return stack;
}

export const image = (o: ExampleOptions) => (o.pinnedAmi ? AwsImage.pinned(o.pinnedAmi) : AwsImage.latest());

export function webHost(): HostConfig {
  const host = new HostConfig({ sshAuthorizedKeys: [OPS_KEY], sysctls: { 'net.core.somaxconn': '4096' } });
  host.addFile({ path: '/srv/www/index.html', content: '<h1>served by cdktf-docker-fleet</h1>\n' });
  host.addContainer({ name: 'web', image: 'nginx:1.27', ports: ['80:80'], volumes: ['/srv/www:/usr/share/nginx/html:ro'] });
  return host;
}


/**
 * A stack with the libvirt provider: dmacvicar/libvirt 0.9.7 (`LibvirtProvider09`), or 0.8.3
 * (`LibvirtProvider`) for fleets created with it; the fleets follow the stack's provider.
 */
export function libvirtStack(app: App, id: string, provider = LibvirtProviderVersion.V0_9_7): TerraformStack {
  const stack = new TerraformStack(app, id);
  if (provider === LibvirtProviderVersion.V0_8_3) new LibvirtProvider(stack, 'libvirt', { uri: 'qemu:///system' });
  else new LibvirtProvider09(stack, 'libvirt', { uri: 'qemu:///system' });
  return stack;
}

/** Pinned AMI and fake credentials with the skip flags: `terraform plan` runs without AWS. */
export const OFFLINE: ExampleOptions = {
  pinnedAmi: 'ami-0123456789abcdef0',
  awsProvider: {
    region: 'us-east-1', accessKey: 'test', secretKey: 'test', skipCredentialsValidation: true,
    skipRequestingAccountId: true, skipMetadataApiCheck: 'true', skipRegionValidation: true,
  },
};
