// One fleet in one stack, synthesized to $CDKTF_OUTDIR: BENCH_KIND=aws|libvirt, BENCH_HOSTS=n,
// BENCH_LIBVIRT=0.8.3|0.9.7 (the libvirt provider line; default 0.8.3, the line the bench's
// history was measured on), BENCH_RICH=1 (libvirt: the rich host config, as the CLI cases read),
// BENCH_CHANGE=1 (libvirt: one more file on every host, the new side of a `diff`).
// Uses the compiled library (npm run build; BENCH_LIB=<dir> another compiled copy, e.g. an older
// commit's, to compare against).
const { App, TerraformStack } = require('cdktf');
const { AwsProvider } = require('@cdktf/provider-aws/lib/provider');
const { AwsDockerFleet, AwsImage, ContainerOs, LibvirtDockerFleet, LibvirtProvider, LibvirtProvider09 } = require(process.env.BENCH_LIB ?? '../../lib');
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
  const Provider = process.env.BENCH_LIBVIRT === '0.9.7' ? LibvirtProvider09 : LibvirtProvider;
  new Provider(stack, 'libvirt', { uri: 'qemu:///system' });
  const host = benchHost(process.env.BENCH_RICH === '1');
  if (process.env.BENCH_CHANGE === '1') host.addFile({ path: '/etc/motd', content: 'changed\n' });
  new LibvirtDockerFleet(stack, 'lab', { os: ContainerOs.flatcar(), hostCount: hosts, hostConfig: host, networkCidr: '10.20.0.0/22' });
} else {
  throw new Error(`BENCH_KIND must be aws or libvirt, got ${kind}`);
}
app.synth();
