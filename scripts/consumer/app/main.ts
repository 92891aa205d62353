// A user's cdktf app, built only from the package's public API and the README's instructions.
// scripts/consumer/run.sh installs the packed tarball into a copy of this folder outside the repo.
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import {
  AwsDockerFleet,
  AwsImage,
  ContainerOs,
  FlatcarChannel,
  HostConfig,
  LibvirtDockerFleet,
  LibvirtProvider09,
  UpdatePolicy,
  Weekday,
} from 'cdktf-docker-fleet';

const SSH_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKBunUBgAyKha6U6Hmuj/wlEBWhfpTlxciaPbg7ZIrWG ops@example';

function webHost(image = 'docker.io/library/nginx:1.27'): HostConfig {
  const host = new HostConfig({ sshAuthorizedKeys: [SSH_KEY] });
  host.addContainer({ name: 'web', image, ports: ['80:80'] });
  return host;
}

/** Three Flatcar hosts on AWS. Fake credentials and a pinned AMI, so `terraform plan` runs offline. */
export class WebStack extends TerraformStack {
  public readonly fleet: AwsDockerFleet;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, 'aws', {
      region: 'eu-central-1',
      accessKey: 'test',
      secretKey: 'test',
      skipCredentialsValidation: true,
      skipRequestingAccountId: true,
      skipMetadataApiCheck: 'true',
      skipRegionValidation: true,
    });
    this.fleet = new AwsDockerFleet(this, 'web', {
      os: ContainerOs.flatcar({ channel: FlatcarChannel.STABLE }),
      hostCount: 3,
      instanceType: 't3.small',
      vpcId: 'vpc-0123456789abcdef0',
      subnetIds: ['subnet-0123456789abcdef0', 'subnet-0fedcba9876543210'],
      // CONSUMER_WEB_IMAGE: run.sh synthesizes a second app with another image and diffs the two.
      hostConfig: webHost(process.env.CONSUMER_WEB_IMAGE),
      image: AwsImage.pinned('ami-0123456789abcdef0'),
      updatePolicy: UpdatePolicy.maintenanceWindow({ days: [Weekday.SATURDAY], startTime: '22:00', durationMinutes: 120 }),
      ingressPorts: [80],
    });
    new TerraformOutput(this, 'web-asg', { value: this.fleet.autoScalingGroup.name });
  }
}

/** Two Alpine hosts on a local libvirtd (synthesized only: no libvirt provider binary offline). */
export class LabStack extends TerraformStack {
  public readonly fleet: LibvirtDockerFleet;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new LibvirtProvider09(this, 'libvirt', { uri: 'qemu:///system' });
    this.fleet = new LibvirtDockerFleet(this, 'lab', {
      os: ContainerOs.alpine(),
      hostCount: 2,
      hostConfig: webHost(),
      memoryMiB: 1024,
    });
  }
}

/** The consumer test's stacks (run.sh adds them to the app \`init\` writes, before its app.synth()). */
export function addConsumerStacks(app: App): void {
  new WebStack(app, 'consumer-aws');
  new LabStack(app, 'consumer-libvirt');
}

if (require.main === module) {
  const app = new App();
  addConsumerStacks(app);
  app.synth();
}
