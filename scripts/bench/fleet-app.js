// One fleet in one stack, synthesized to $CDKTF_OUTDIR: BENCH_KIND=aws|libvirt, BENCH_HOSTS=n.
// Uses the compiled library (npm run build) through deep imports only, as the examples do.
const { App, TerraformStack } = require('cdktf');
const { AwsProvider } = require('@cdktf/provider-aws/lib/provider');
const { AwsDockerFleet, AwsImage, ContainerOs, LibvirtDockerFleet, LibvirtProvider } = require('../../lib');
const { benchHost } = require('./rich-host');

const kind = process.env.BENCH_KIND;
const hosts = Number(process.env.BENCH_HOSTS);
const app = new App();
const stack = new TerraformStack(app, 'bench');
if (kind === 'aws') {
  new AwsProvider(stack, 'aws', { region: 'us-east-1' });
  new AwsDockerFleet(stack, 'web', {
    os: ContainerOs.flatcar(), hostCount: hosts, instanceType: 't3.small', vpcId: 'vpc-0123456789abcdef0',
    subnetIds: ['subnet-0123456789abcdef0'], image: AwsImage.pinned('ami-0123456789abcdef0'), hostConfig: benchHost(false),
    dockerVolumeSizeGiB: 20,
  });
} else if (kind === 'libvirt') {
  new LibvirtProvider(stack, 'libvirt', { uri: 'qemu:///system' });
  new LibvirtDockerFleet(stack, 'lab', { os: ContainerOs.flatcar(), hostCount: hosts, hostConfig: benchHost(false), networkCidr: '10.20.0.0/22' });
} else {
  throw new Error(`BENCH_KIND must be aws or libvirt, got ${kind}`);
}
app.synth();
