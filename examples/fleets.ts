/**
 * The example fleets, one function per realistic use. `app.ts` puts them all in one cdktf app;
 * the tests synthesize the same functions.
 */
import { AwsProvider, AwsProviderConfig } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack } from 'cdktf';
import {
  Architecture, AwsDockerFleet, AwsImage, ContainerOs, FedoraCoreOsStream, FlatcarChannel, HostConfig, LibvirtDockerFleet,
  LibvirtImage, LibvirtProvider, UpdatePolicy, Weekday,
} from '../lib';

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

function awsStack(app: App, id: string, o: ExampleOptions): TerraformStack {
  const stack = new TerraformStack(app, id);
  new AwsProvider(stack, 'aws', o.awsProvider ?? { region: 'eu-central-1' });
  return stack;
}

const image = (o: ExampleOptions) => (o.pinnedAmi ? AwsImage.pinned(o.pinnedAmi) : AwsImage.latest());

function webHost(): HostConfig {
  const host = new HostConfig({ sshAuthorizedKeys: [OPS_KEY], sysctls: { 'net.core.somaxconn': '4096' } });
  host.addFile({ path: '/srv/www/index.html', content: '<h1>served by cdktf-docker-fleet</h1>\n' });
  host.addContainer({ name: 'web', image: 'nginx:1.27', ports: ['80:80'], volumes: ['/srv/www:/usr/share/nginx/html:ro'] });
  return host;
}

/** Three Flatcar stable hosts behind port 80 that reboot for updates only on Saturday night. */
export function awsFlatcarWeb(app: App, o: ExampleOptions = {}): TerraformStack {
  const stack = awsStack(app, 'aws-flatcar-web', o);
  new AwsDockerFleet(stack, 'web', {
    os: ContainerOs.flatcar({ channel: FlatcarChannel.STABLE }),
    hostCount: 3,
    instanceType: 't3.small',
    ...NETWORK,
    image: image(o),
    hostConfig: webHost(),
    updatePolicy: UpdatePolicy.maintenanceWindow({ days: [Weekday.SATURDAY], startTime: '22:00', durationMinutes: 120 }),
    ingressPorts: [80],
    dockerVolumeSizeGiB: 50,
  });
  return stack;
}

/** Fedora CoreOS hosts that take a FleetLock lock before rebooting, so one reboots at a time. */
export function awsFcosFleetLock(app: App, o: ExampleOptions = {}): TerraformStack {
  const stack = awsStack(app, 'aws-fcos-fleetlock', o);
  const host = new HostConfig({ sshAuthorizedKeys: [OPS_KEY] });
  host.addContainer({ name: 'api', image: 'ghcr.io/example/api:2.4.1', ports: ['8080:8080'], environment: { LOG_LEVEL: 'info' } });
  new AwsDockerFleet(stack, 'api', {
    os: ContainerOs.fedoraCoreOs({ stream: FedoraCoreOsStream.STABLE }),
    hostCount: 4,
    instanceType: 'm6i.large',
    ...NETWORK,
    image: image(o),
    hostConfig: host,
    updatePolicy: UpdatePolicy.fleetLock({ url: 'https://fleetlock.internal.example.com' }),
    ingressPorts: [8080],
    ingressCidrs: ['10.0.0.0/8'],
    dockerVolumeSizeGiB: 100,
  });
  return stack;
}

/** A small Alpine edge fleet on Graviton (arm64) with a nightly maintenance window. */
export function awsAlpineEdge(app: App, o: ExampleOptions = {}): TerraformStack {
  const stack = awsStack(app, 'aws-alpine-edge', o);
  const host = new HostConfig({ sshAuthorizedKeys: [OPS_KEY], timeZone: 'UTC' });
  host.addContainer({ name: 'caddy', image: 'caddy:2.8', ports: ['80:80', '443:443'], volumes: ['caddy-data:/data'] });
  new AwsDockerFleet(stack, 'edge', {
    os: ContainerOs.alpine({ release: '3.22' }),
    architecture: Architecture.ARM64,
    hostCount: 2,
    instanceType: 't4g.small',
    ...NETWORK,
    image: image(o),
    hostConfig: host,
    updatePolicy: UpdatePolicy.maintenanceWindow({
      days: [Weekday.MONDAY, Weekday.TUESDAY, Weekday.WEDNESDAY, Weekday.THURSDAY, Weekday.FRIDAY, Weekday.SATURDAY, Weekday.SUNDAY],
      startTime: '03:00', durationMinutes: 60,
    }),
    ingressPorts: [80, 443],
  });
  return stack;
}

/** Bottlerocket ECS hosts with a host container for node metrics. */
export function awsBottlerocketEcs(app: App, o: ExampleOptions = {}): TerraformStack {
  const stack = awsStack(app, 'aws-bottlerocket-ecs', o);
  const host = new HostConfig({ sysctls: { 'vm.max_map_count': '262144' } });
  host.addContainer({ name: 'node-exporter', image: 'quay.io/prometheus/node-exporter:v1.8.2' });
  new AwsDockerFleet(stack, 'ecs', {
    os: ContainerOs.bottlerocket({ variant: 'aws-ecs-2', ecsCluster: 'production' }),
    hostCount: 3,
    instanceType: 'm7g.large',
    architecture: Architecture.ARM64,
    ...NETWORK,
    image: image(o),
    hostConfig: host,
    updatePolicy: UpdatePolicy.immediate(),
    dockerVolumeSizeGiB: 40,
  });
  return stack;
}

function libvirtStack(app: App, id: string): TerraformStack {
  const stack = new TerraformStack(app, id);
  new LibvirtProvider(stack, 'libvirt', { uri: 'qemu:///system' });
  return stack;
}

/** A lab of three Flatcar hosts on a local KVM host. */
export function libvirtFlatcarLab(app: App): TerraformStack {
  const stack = libvirtStack(app, 'libvirt-flatcar-lab');
  new LibvirtDockerFleet(stack, 'lab', {
    os: ContainerOs.flatcar(),
    hostCount: 3,
    hostConfig: webHost(),
    memoryMiB: 2048,
    dockerVolumeSizeGiB: 20,
    networkCidr: '10.17.3.0/24',
  });
  return stack;
}

/** An Alpine lab (NoCloud cidata ISO). */
export function libvirtAlpineLab(app: App): TerraformStack {
  const stack = libvirtStack(app, 'libvirt-alpine-lab');
  new LibvirtDockerFleet(stack, 'alpine', {
    os: ContainerOs.alpine(),
    hostCount: 2,
    hostConfig: webHost(),
    memoryMiB: 1024,
    dockerVolumeSizeGiB: 10,
    networkCidr: '10.17.4.0/24',
  });
  return stack;
}

/** A Fedora CoreOS lab from a downloaded and decompressed image (its qcow2.xz cannot be used by URL). */
export function libvirtFcosLab(app: App): TerraformStack {
  const stack = libvirtStack(app, 'libvirt-fcos-lab');
  new LibvirtDockerFleet(stack, 'fcos', {
    os: ContainerOs.fedoraCoreOs(),
    hostCount: 2,
    image: LibvirtImage.fromPath('/var/lib/libvirt/images/fedora-coreos-qemu.x86_64.qcow2'),
    hostConfig: webHost(),
    memoryMiB: 4096,
    networkCidr: '10.17.5.0/24',
  });
  return stack;
}

/** Every example stack in one app. */
export function allExamples(app: App, o: ExampleOptions = {}): TerraformStack[] {
  return [
    awsFlatcarWeb(app, o), awsFcosFleetLock(app, o), awsAlpineEdge(app, o), awsBottlerocketEcs(app, o),
    libvirtFlatcarLab(app), libvirtAlpineLab(app), libvirtFcosLab(app),
  ];
}
