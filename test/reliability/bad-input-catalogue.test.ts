/**
 * Every public entry point, fed bad input as a TypeScript or JavaScript caller might: each case
 * must throw a FleetConfigError at construction (synth) time whose message names the property,
 * shows the bad value and says what is allowed ("<property>: got <value>; <allowed>"), and nothing
 * may be written to the output directory. Values known only at apply time are not judged as literals.
 */
import { createHash } from 'crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack, TerraformVariable, Token } from 'cdktf';
import {
  AwsDockerFleet, AwsDockerFleetProps, AwsDockerSwarm, AwsImage, ContainerOs, HostConfig, LibvirtDockerFleet, LibvirtDockerFleetProps,
  FirstBootFragment, FleetConfigErrors, FleetSecurityChecks, LibvirtImage, LibvirtProvider, Platform, UpdatePolicy, Weekday,
} from '../../lib';
import { BootConfigErrors } from '../../lib/bootconfig/errors';
import { codeOf } from '../../lib/core/define-errors';
import { CoreErrors } from '../../lib/core/errors';
import { FleetConfigError } from '../../lib/core/fleet-config-error';
import { OsErrors } from '../../lib/os/errors';
import { EcsErrors } from '../../lib/platforms/aws/ecs/errors';
import { AwsErrors } from '../../lib/platforms/aws/errors';
import { LibvirtErrors } from '../../lib/platforms/libvirt/errors';
import { SwarmErrors } from '../../lib/swarm/errors';
import { ED25519_KEY } from '../helpers/fixtures';

const aws = (): AwsDockerFleetProps => ({
  os: ContainerOs.flatcar(), hostCount: 2, instanceType: 't3.small', vpcId: 'vpc-0123456789abcdef0',
  subnetIds: ['subnet-0123456789abcdef0'], image: AwsImage.pinned('ami-0123456789abcdef0'),
});
const lv = (): LibvirtDockerFleetProps => ({ os: ContainerOs.flatcar(), hostCount: 2 });
const big = () => {
  const h = new HostConfig();
  // 24 KB that gzip cannot shrink below the 16 KB limit: a sha256 chain, hex-encoded.
  let block = 'seed';
  const parts: string[] = [];
  for (let i = 0; i < 375; i++) parts.push((block = createHash('sha256').update(block).digest('hex')));
  h.addFile({ path: '/etc/big', content: parts.join('') });
  return h;
};
const swarm = () => ({
  os: ContainerOs.flatcar(), managerCount: 3, instanceType: 't3.small', vpcId: 'vpc-0123456789abcdef0', subnetIds: ['subnet-0123456789abcdef0'],
});
/** A HostConfig given the same thing twice. */
const twice = (add: (h: HostConfig) => void) => {
  const h = new HostConfig();
  add(h);
  add(h);
};
const win = (o: Record<string, unknown>) => ({ days: [Weekday.MONDAY], startTime: '02:00', durationMinutes: 60, ...o });

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/** A case: what to run inside a fresh app, the property its message must name, and a piece of the shown value. */
type Case = [string, (stack: TerraformStack) => unknown, string, string];

const cases: Case[] = [
  // HostConfig
  ['HostConfig: props not an object', () => new HostConfig('keys' as any), 'hostConfig', '"keys"'],
  ['HostConfig: keys not an array', () => new HostConfig({ sshAuthorizedKeys: ED25519_KEY as any }), 'sshAuthorizedKeys', 'ssh-ed25519'],
  ['HostConfig: a key that is a number', () => new HostConfig({ sshAuthorizedKeys: [42 as any] }), 'sshAuthorizedKeys[0]', '42'],
  ['HostConfig: a private key pasted as a key', () => new HostConfig({ sshAuthorizedKeys: ['-----BEGIN OPENSSH PRIVATE KEY-----'] }), 'sshAuthorizedKeys[0]', 'BEGIN'],
  ['HostConfig: a key whose blob names another type', () => new HostConfig({ sshAuthorizedKeys: [ED25519_KEY.replace('ssh-ed25519', 'ssh-rsa')] }), 'sshAuthorizedKeys[0]', 'ssh-rsa'],
  ['HostConfig: sysctls not an object', () => new HostConfig({ sysctls: ['vm.x=1'] as any }), 'sysctls', 'vm.x=1'],
  ['HostConfig: sysctl key with a space', () => new HostConfig({ sysctls: { 'vm max': '1' } }), 'sysctls', '"vm max"'],
  ['HostConfig: sysctl value a number', () => new HostConfig({ sysctls: { 'vm.swappiness': 10 as any } }), 'sysctls.vm.swappiness', '10'],
  ['HostConfig: sysctl value with a newline', () => new HostConfig({ sysctls: { 'vm.swappiness': '1\n2' } }), 'sysctls.vm.swappiness', '1\\n2'],
  ['HostConfig: unknown time zone', () => new HostConfig({ timeZone: 'Europe/Atlantis' }), 'timeZone', 'Atlantis'],
  ['HostConfig: time zone an offset', () => new HostConfig({ timeZone: '+02:00' }), 'timeZone', '+02:00'],
  ['HostConfig: host name with underscore', () => new HostConfig({ hostname: 'web_1' }), 'hostname', 'web_1'],
  ['HostConfig: daemon settings not an object', () => new HostConfig({ dockerDaemonSettings: 'debug' as any }), 'dockerDaemonSettings', '"debug"'],
  ['HostConfig: Docker TCP socket', () => new HostConfig({ dockerDaemonSettings: { hosts: 'tcp://0.0.0.0:2375' } }), 'dockerDaemonSettings.hosts', 'tcp://'],
  ['HostConfig: data volume device not under /dev', () => new HostConfig({ dockerDataVolume: { device: '/mnt/disk' } }), 'dockerDataVolume.device', '/mnt/disk'],
  ['HostConfig: data volume label too long', () => new HostConfig({ dockerDataVolume: { label: 'a-very-long-label' } }), 'dockerDataVolume.label', 'a-very-long-label'],
  ['HostConfig: data volume file system btrfs', () => new HostConfig({ dockerDataVolume: { fileSystem: 'btrfs' as any } }), 'dockerDataVolume.fileSystem', 'btrfs'],
  ['addFile: relative path', () => new HostConfig().addFile({ path: 'etc/x' }), 'files[0].path', 'etc/x'],
  ['addFile: path with ..', () => new HostConfig().addFile({ path: '/etc/../x' }), 'files[0].path', '/etc/../x'],
  ['addFile: path with a trailing slash', () => new HostConfig().addFile({ path: '/etc/x/' }), 'files[0].path', '/etc/x/'],
  ['addFile: mode above 0o7777', () => new HostConfig().addFile({ path: '/etc/x', mode: 0o10000 }), 'files[0].mode', '4096'],
  ['addFile: mode as a string', () => new HostConfig().addFile({ path: '/etc/x', mode: '644' as any }), 'files[0].mode', '"644"'],
  ['addFile: owner with spaces', () => new HostConfig().addFile({ path: '/etc/x', owner: 'a b' }), 'files[0].owner', '"a b"'],
  ['addFile: content a Buffer', () => new HostConfig().addFile({ path: '/etc/x', content: Buffer.from('x') as any }), 'files[0].content', 'Buffer'],
  ['addFile: base64 that is not base64', () => new HostConfig().addFile({ path: '/etc/x', contentBase64: 'not base64!' }), 'files[0].contentBase64', 'not base64!'],
  ['addFile: content known only at apply time', () => new HostConfig().addFile({ path: '/etc/x', content: Token.asString({ a: 1 } as any) }), 'files[0].content', 'TfToken'],
  ['addSystemdUnit: empty name', () => new HostConfig().addSystemdUnit({ name: '', contents: '[Service]\n' }), 'units[0].name', '""'],
  ['addSystemdUnit: name without suffix', () => new HostConfig().addSystemdUnit({ name: 'web', contents: '[Service]\n' }), 'units[0].name', '"web"'],
  ['addSystemdUnit: enabled as a string', () => new HostConfig().addSystemdUnit({ name: 'a.service', contents: 'x', enabled: 'yes' as any }), 'units[0].enabled', '"yes"'],
  ['addSystemdDropIn: name without .conf', () => new HostConfig().addSystemdDropIn({ unit: 'docker.service', name: 'limits', contents: 'x' }), 'dropIns[0].name', '"limits"'],
  ['addContainer: name with a space', () => new HostConfig().addContainer({ name: 'my app', image: 'nginx:1.27' }), 'containers[0].name', '"my app"'],
  ['addContainer: upper-case image', () => new HostConfig().addContainer({ name: 'web', image: 'NGINX' }), 'containers[0].image', '"NGINX"'],
  ['addContainer: port 0', () => new HostConfig().addContainer({ name: 'web', image: 'nginx:1.27', ports: ['0:80'] }), 'containers[0].ports[0]', '"0:80"'],
  ['addContainer: port as a number', () => new HostConfig().addContainer({ name: 'web', image: 'nginx:1.27', ports: [80 as any] }), 'containers[0].ports[0]', '80'],
  ['addContainer: volume with a relative target', () => new HostConfig().addContainer({ name: 'web', image: 'nginx:1.27', volumes: ['/a:b'] }), 'containers[0].volumes[0]', '"/a:b"'],
  ['addContainer: env name with a dash', () => new HostConfig().addContainer({ name: 'web', image: 'nginx:1.27', environment: { 'A-B': '1' } }), 'containers[0].environment', '"A-B"'],
  ['addContainer: env value a number', () => new HostConfig().addContainer({ name: 'web', image: 'nginx:1.27', environment: { A: 1 as any } }), 'containers[0].environment.A', '1'],
  ['addContainer: command not an array', () => new HostConfig().addContainer({ name: 'web', image: 'nginx:1.27', command: 'nginx -g' as any }), 'containers[0].command', 'nginx -g'],
  ['addUser: upper-case name', () => new HostConfig().addUser({ name: 'Deploy' }), 'users[0].name', '"Deploy"'],
  ['addUser: bad group', () => new HostConfig().addUser({ name: 'deploy', groups: ['Docker Users'] }), 'users[0].groups[0]', 'Docker Users'],
  // ContainerOs factories
  ['fedoraCoreOs: unknown stream', () => ContainerOs.fedoraCoreOs({ stream: 'rawhide' as any }), 'stream', 'rawhide'],
  ['fedoraCoreOs: stream a number', () => ContainerOs.fedoraCoreOs({ stream: 42 as any }), 'stream', '42'],
  ['flatcar: unknown channel', () => ContainerOs.flatcar({ channel: 'edge' as any }), 'channel', 'edge'],
  ['flatcar: options not an object', () => ContainerOs.flatcar('stable' as any), 'options', '"stable"'],
  ['alpine: end-of-life release', () => ContainerOs.alpine({ release: '3.18' }), 'release', '3.18'],
  ['alpine: release as a number', () => ContainerOs.alpine({ release: 3.22 as any }), 'release', '3.22'],
  ['alpine: unknown bootstrap', () => ContainerOs.alpine({ bootstrap: 'systemd' as any }), 'bootstrap', 'systemd'],
  ['bottlerocket: Kubernetes variant', () => ContainerOs.bottlerocket({ variant: 'aws-k8s-1.31' }), 'variant', 'aws-k8s-1.31'],
  ['bottlerocket: empty ECS cluster', () => ContainerOs.bottlerocket({ ecsCluster: '' }), 'ecsCluster', '""'],
  ['awsImage: unknown architecture', () => ContainerOs.flatcar().awsImage('i386' as any), 'architecture', 'i386'],
  ['renderFirstBoot: unknown platform', () => ContainerOs.flatcar().renderFirstBoot(new HostConfig(), { platform: 'vmware' as any }), 'platform', 'vmware'],
  ['renderFirstBoot: not a HostConfig', () => ContainerOs.flatcar().renderFirstBoot({} as any), 'host', '{}'],
  ['renderFirstBoot: Bottlerocket on libvirt', () => ContainerOs.bottlerocket().renderFirstBoot(new HostConfig(), { platform: Platform.LIBVIRT }), 'platform', 'libvirt'],
  ['renderFirstBoot: systemd unit on Alpine', () => { const h = new HostConfig(); h.addSystemdUnit({ name: 'a.service', contents: 'x' }); return ContainerOs.alpine().renderFirstBoot(h); }, 'hostConfig.units[0].name', 'a.service'],
  ['renderFirstBoot: exec-opts on Fedora CoreOS', () => ContainerOs.fedoraCoreOs().renderFirstBoot(new HostConfig({ dockerDaemonSettings: { 'exec-opts': [] } })), 'hostConfig.dockerDaemonSettings.exec-opts', '[]'],
  // UpdatePolicy
  ['maintenanceWindow: no days', () => UpdatePolicy.maintenanceWindow(win({ days: [] }) as any), 'maintenanceWindow.days', '[]'],
  ['maintenanceWindow: unknown weekday', () => UpdatePolicy.maintenanceWindow(win({ days: ['Caturday'] }) as any), 'maintenanceWindow.days[0]', 'Caturday'],
  ['maintenanceWindow: 12-hour time', () => UpdatePolicy.maintenanceWindow(win({ startTime: '2:30 PM' }) as any), 'maintenanceWindow.startTime', '2:30 PM'],
  ['maintenanceWindow: time 24:00', () => UpdatePolicy.maintenanceWindow(win({ startTime: '24:00' }) as any), 'maintenanceWindow.startTime', '24:00'],
  ['maintenanceWindow: zero minutes', () => UpdatePolicy.maintenanceWindow(win({ durationMinutes: 0 }) as any), 'maintenanceWindow.durationMinutes', '0'],
  ['maintenanceWindow: fractional minutes', () => UpdatePolicy.maintenanceWindow(win({ durationMinutes: 1.5 }) as any), 'maintenanceWindow.durationMinutes', '1.5'],
  ['fleetLock: ftp URL', () => UpdatePolicy.fleetLock({ url: 'ftp://lock' }), 'fleetLock.url', 'ftp://lock'],
  ['fleetLock: not a URL', () => UpdatePolicy.fleetLock({ url: 'lock server' }), 'fleetLock.url', 'lock server'],
  ['fleetLock on Flatcar', () => ContainerOs.flatcar().renderFirstBoot(new HostConfig(), { updatePolicy: UpdatePolicy.fleetLock({ url: 'https://l' }) }), 'updatePolicy', 'fleet-lock'],
  ['a policy as a string', () => ContainerOs.flatcar().renderFirstBoot(new HostConfig(), { updatePolicy: 'immediate' as any }), 'updatePolicy', '"immediate"'],
  // AwsImage
  ['AwsImage.pinned: not an AMI id', () => AwsImage.pinned('ubuntu-22.04'), 'image', 'ubuntu-22.04'],
  ['AwsImage.pinned: upper-case id', () => AwsImage.pinned('ami-0ABC'), 'image', 'ami-0ABC'],
  // AwsDockerFleet
  ['AwsDockerFleet: os not a ContainerOs', (s) => new AwsDockerFleet(s, 'f', { ...aws(), os: 'flatcar' as any }), 'os', '"flatcar"'],
  ['AwsDockerFleet: negative hostCount', (s) => new AwsDockerFleet(s, 'f', { ...aws(), hostCount: -1 }), 'hostCount', '-1'],
  ['AwsDockerFleet: fractional hostCount', (s) => new AwsDockerFleet(s, 'f', { ...aws(), hostCount: 2.5 }), 'hostCount', '2.5'],
  ['AwsDockerFleet: hostCount as a string', (s) => new AwsDockerFleet(s, 'f', { ...aws(), hostCount: '3' as any }), 'hostCount', '"3"'],
  ['AwsDockerFleet: no subnets', (s) => new AwsDockerFleet(s, 'f', { ...aws(), subnetIds: [] }), 'subnetIds', '[]'],
  ['AwsDockerFleet: a subnet that is a VPC id', (s) => new AwsDockerFleet(s, 'f', { ...aws(), subnetIds: ['vpc-0123456789abcdef0'] }), 'subnetIds[0]', 'vpc-0123456789abcdef0'],
  ['AwsDockerFleet: malformed VPC id', (s) => new AwsDockerFleet(s, 'f', { ...aws(), vpcId: 'default' }), 'vpcId', 'default'],
  ['AwsDockerFleet: malformed instance type', (s) => new AwsDockerFleet(s, 'f', { ...aws(), instanceType: 't3small' }), 'instanceType', 't3small'],
  ['AwsDockerFleet: Graviton type on x86_64', (s) => new AwsDockerFleet(s, 'f', { ...aws(), instanceType: 't4g.small' }), 'instanceType', 't4g.small'],
  ['AwsDockerFleet: x86 type on arm64', (s) => new AwsDockerFleet(s, 'f', { ...aws(), instanceType: 't3.small', architecture: 'arm64' as any }), 'instanceType', 't3.small'],
  ['AwsDockerFleet: malformed SSH CIDR', (s) => new AwsDockerFleet(s, 'f', { ...aws(), sshIngressCidrs: ['10.0.0.0/33'] }), 'sshIngressCidrs[0]', '10.0.0.0/33'],
  ['AwsDockerFleet: CIDR with host bits', (s) => new AwsDockerFleet(s, 'f', { ...aws(), sshIngressCidrs: ['10.0.0.1/8'] }), 'sshIngressCidrs[0]', '10.0.0.1/8'],
  ['AwsDockerFleet: port 70000', (s) => new AwsDockerFleet(s, 'f', { ...aws(), ingressPorts: [70000] }), 'ingressPorts[0]', '70000'],
  ['AwsDockerFleet: root volume below the OS minimum', (s) => new AwsDockerFleet(s, 'f', { ...aws(), os: ContainerOs.fedoraCoreOs(), rootVolumeSizeGiB: 4 }), 'rootVolumeSizeGiB', '4'],
  ['AwsDockerFleet: data volume of 0 GiB', (s) => new AwsDockerFleet(s, 'f', { ...aws(), dockerVolumeSizeGiB: 0 }), 'dockerVolumeSizeGiB', '0'],
  ['AwsDockerFleet: hop limit 0', (s) => new AwsDockerFleet(s, 'f', { ...aws(), metadataHopLimit: 0 }), 'metadataHopLimit', '0'],
  ['AwsDockerFleet: min healthy 150%', (s) => new AwsDockerFleet(s, 'f', { ...aws(), minHealthyPercentage: 150 }), 'minHealthyPercentage', '150'],
  ['AwsDockerFleet: minCapacity above hostCount', (s) => new AwsDockerFleet(s, 'f', { ...aws(), minCapacity: 5 }), 'minCapacity', '5'],
  ['AwsDockerFleet: bucket name with upper case', (s) => new AwsDockerFleet(s, 'f', { ...aws(), userDataBucket: 'My_Bucket' }), 'userDataBucket', 'My_Bucket'],
  ['AwsDockerFleet: oversize user data without a bucket', (s) => new AwsDockerFleet(s, 'f', { ...aws(), hostConfig: big() }), 'hostConfig', 'bytes'],
  ['AwsDockerFleet: Bottlerocket with a systemd unit', (s) => { const h = new HostConfig(); h.addSystemdUnit({ name: 'a.service', contents: 'x' }); return new AwsDockerFleet(s, 'f', { ...aws(), os: ContainerOs.bottlerocket(), hostConfig: h }); }, 'hostConfig.units[0].name', 'a.service'],
  ['AwsDockerFleet: fleetLock on Alpine', (s) => new AwsDockerFleet(s, 'f', { ...aws(), os: ContainerOs.alpine(), updatePolicy: UpdatePolicy.fleetLock({ url: 'https://l' }) }), 'updatePolicy', 'fleet-lock'],
  // LibvirtImage
  ['LibvirtImage.fromUrl: xz-compressed', () => LibvirtImage.fromUrl('https://example.com/fcos.qcow2.xz'), 'image', '.xz'],
  ['LibvirtImage.fromUrl: ftp', () => LibvirtImage.fromUrl('ftp://example.com/a.qcow2'), 'image', 'ftp://'],
  ['LibvirtImage.fromPath: relative path', () => LibvirtImage.fromPath('images/a.qcow2'), 'image', 'images/a.qcow2'],
  // LibvirtDockerFleet
  ['LibvirtDockerFleet: FCOS without an image', (s) => new LibvirtDockerFleet(s, 'f', { ...lv(), os: ContainerOs.fedoraCoreOs() }), 'image', 'qcow2.xz'],
  ['LibvirtDockerFleet: Bottlerocket', (s) => new LibvirtDockerFleet(s, 'f', { ...lv(), os: ContainerOs.bottlerocket() }), 'platform', 'libvirt'],
  ['LibvirtDockerFleet: IPv6 network', (s) => new LibvirtDockerFleet(s, 'f', { ...lv(), networkCidr: 'fd00::/64' }), 'networkCidr', 'fd00::/64'],
  ['LibvirtDockerFleet: /30 network', (s) => new LibvirtDockerFleet(s, 'f', { ...lv(), networkCidr: '10.0.0.0/30' }), 'networkCidr', '10.0.0.0/30'],
  ['LibvirtDockerFleet: more hosts than addresses', (s) => new LibvirtDockerFleet(s, 'f', { ...lv(), hostCount: 6, networkCidr: '10.0.0.0/29' }), 'networkCidr', '10.0.0.0/29'],
  ['LibvirtDockerFleet: memory below the OS minimum', (s) => new LibvirtDockerFleet(s, 'f', { ...lv(), memoryMiB: 256 }), 'memoryMiB', '256'],
  ['LibvirtDockerFleet: 0 vcpus', (s) => new LibvirtDockerFleet(s, 'f', { ...lv(), vcpus: 0 }), 'vcpus', '0'],
  ['LibvirtDockerFleet: duplicate host names', (s) => new LibvirtDockerFleet(s, 'f', { ...lv(), hostNames: ['a', 'a'] }), 'hostNames[1]', '"a"'],
  ['LibvirtDockerFleet: host names and count differ', (s) => new LibvirtDockerFleet(s, 'f', { ...lv(), hostNames: ['a'] }), 'hostNames', '["a"]'],
  // Hostile input (test/reliability/hostile-input.test.ts has more)
  ['HostConfig: U+2028 in an SSH key comment (a line break for YAML 1.1)', () => new HostConfig({ sshAuthorizedKeys: [`${ED25519_KEY}\u2028bootcmd: [reboot]`] }), 'sshAuthorizedKeys[0]', '\\u2028bootcmd'],
  ['HostConfig: U+0085 in a sysctl value', () => new HostConfig({ sysctls: { 'vm.swappiness': '1\u00852' } }), 'sysctls.vm.swappiness', '1\\u00852'],
  ['HostConfig: a C1 control in a sysctl value', () => new HostConfig({ sysctls: { 'vm.swappiness': '1\u009b2' } }), 'sysctls.vm.swappiness', '1\\u009b2'],
  ['addContainer: U+2029 in an env value', () => new HostConfig().addContainer({ name: 'web', image: 'nginx:1.27', environment: { A: 'x\u2029y' } }), 'containers[0].environment.A', 'x\\u2029y'],
  ['addContainer: U+2028 in a command argument', () => new HostConfig().addContainer({ name: 'web', image: 'nginx:1.27', command: ['a\u2028b'] }), 'containers[0].command[0]', 'a\\u2028b'],
  ['addContainer: a lone surrogate in an env value', () => new HostConfig().addContainer({ name: 'web', image: 'nginx:1.27', environment: { A: 'x\ud800' } }), 'containers[0].environment.A', 'x\\ud800'],
  ['addFile: /etc/localtime next to timeZone (two Ignition entries)', () => new HostConfig({ timeZone: 'UTC' }).addFile({ path: '/etc/localtime', content: 'x' }), 'files[0].path', '/etc/localtime'],
  ['renderFirstBoot: a fragment link where the config has a file', () => { const h = new HostConfig({ hostname: 'a' }); h.addFirstBootFragment(FirstBootFragment.ignition('{"storage":{"links":[{"path":"/etc/hostname","target":"/x"}]}}')); return ContainerOs.flatcar().renderFirstBoot(h); }, 'storage.links', '/etc/hostname'],
  ['HostConfig: daemon settings whose toJSON() opens a TCP socket', () => new HostConfig({ dockerDaemonSettings: { toJSON: () => ({ hosts: 'tcp://0.0.0.0:2375' }) } as any }), 'dockerDaemonSettings.hosts', 'tcp://'],
  ['renderFirstBoot: a fleetLock URL known only at apply time', (s) => ContainerOs.fedoraCoreOs().renderFirstBoot(new HostConfig(), { updatePolicy: UpdatePolicy.fleetLock({ url: new TerraformVariable(s, 'lock', { type: 'string' }).stringValue }) }), 'updatePolicy.fleetLock.url', 'TfToken'],
  ['bottlerocket: ECS cluster known only at apply time', (s) => ContainerOs.bottlerocket({ ecsCluster: new TerraformVariable(s, 'c', { type: 'string' }).stringValue }), 'ecsCluster', 'TfToken'],
  ['AwsDockerFleet: a 1-character name (launch template name_prefix below 3)', (s) => new AwsDockerFleet(s, 'f', { ...aws(), name: 'a' }), 'name', '"a"'],
  ['AwsDockerFleet: an aws: tag key', (s) => new AwsDockerFleet(s, 'f', { ...aws(), tags: { 'aws:cloudformation:stack-name': 'x' } }), 'tags.aws:cloudformation:stack-name', 'aws:cloudformation'],
  ['AwsDockerFleet: 50 user tags (the fleet adds Name)', (s) => new AwsDockerFleet(s, 'f', { ...aws(), tags: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`t${i}`, 'v'])) }), 'tags', '50 tags'],
  ['AwsDockerFleet: a tag value over 256 characters', (s) => new AwsDockerFleet(s, 'f', { ...aws(), tags: { team: 'x'.repeat(257) } }), 'tags.team', 'xxxx'],
  ['AwsDockerFleet: a port listed twice', (s) => new AwsDockerFleet(s, 'f', { ...aws(), ingressPorts: [80, 443, 80] }), 'ingressPorts[2]', '80'],
  ['AwsDockerFleet: ingressPorts with ingressCidrs []', (s) => new AwsDockerFleet(s, 'f', { ...aws(), ingressPorts: [80], ingressCidrs: [] }), 'ingressCidrs', '[]'],
  ['FleetSecurityChecks: an unknown severity', () => new FleetSecurityChecks({ severity: 'loud' as any }), 'severity', '"loud"'],
  ['FleetSecurityChecks: skip as a string', () => new FleetSecurityChecks({ skip: 'CKV_AWS_88' as any }), 'skip', '"CKV_AWS_88"'],
  ['HostConfig: a time zone in the wrong case (dangling /etc/localtime)', () => new HostConfig({ timeZone: 'europe/berlin' }), 'timeZone', 'europe/berlin'],
  ['HostConfig: a time zone Node knows but the tz database does not', () => new HostConfig({ timeZone: 'US/Pacific-New' }), 'timeZone', 'US/Pacific-New'],
  ['LibvirtDockerFleet: a loopback network', (s) => new LibvirtDockerFleet(s, 'f', { ...lv(), networkCidr: '127.0.0.0/24' }), 'networkCidr', '127.0.0.0/24'],
  ['LibvirtDockerFleet: a multicast network', (s) => new LibvirtDockerFleet(s, 'f', { ...lv(), networkCidr: '224.0.0.0/24' }), 'networkCidr', '224.0.0.0/24'],
  ['LibvirtDockerFleet: a 0/8 network', (s) => new LibvirtDockerFleet(s, 'f', { ...lv(), networkCidr: '0.0.0.0/24' }), 'networkCidr', '0.0.0.0/24'],
  ['LibvirtDockerFleet: a billion hosts', (s) => new LibvirtDockerFleet(s, 'f', { ...lv(), hostCount: 1e9 }), 'hostCount', '1000000000'],
  ['AwsDockerFleet: waitForCapacityTimeout not a duration', (s) => new AwsDockerFleet(s, 'f', { ...aws(), waitForCapacityTimeout: '10 minutes' }), 'waitForCapacityTimeout', '10 minutes'],
  ['AwsDockerFleet: hostCount 1e21', (s) => new AwsDockerFleet(s, 'f', { ...aws(), hostCount: 1e21 }), 'hostCount', '1e+21'],
  ['addFile: U+2028 in a path', () => new HostConfig().addFile({ path: '/etc/a\u2028b' }), 'files[0].path', '/etc/a\\u2028b'],
  ['AwsDockerFleet: a Name tag', (s) => new AwsDockerFleet(s, 'f', { ...aws(), tags: { Name: 'web' } }), 'tags.Name', 'web'],
  ['AwsDockerFleet: a target group that is no ARN', (s) => new AwsDockerFleet(s, 'f', { ...aws(), targetGroupArns: ['web-tg'] }),
    'targetGroupArns[0]', 'web-tg'],
  ['AwsDockerFleet: a KMS key that is no ARN', (s) => new AwsDockerFleet(s, 'f', { ...aws(), secretsKmsKeyArn: 'alias/app' }),
    'secretsKmsKeyArn', 'alias/app'],
  ['AwsDockerFleet: Bottlerocket logs kept 2 days', (s) => new AwsDockerFleet(s, 'f', {
    ...aws(), os: ContainerOs.bottlerocket(), containerLogRetentionDays: 2,
  }), 'containerLogRetentionDays', '2'],
  ['AwsDockerFleet: a 20-minute Bottlerocket window', (s) => new AwsDockerFleet(s, 'f', {
    ...aws(), os: ContainerOs.bottlerocket(), updatePolicy: UpdatePolicy.maintenanceWindow(win({ durationMinutes: 20 })),
  }), 'updatePolicy.maintenanceWindow.durationMinutes', '20'],
  ['LibvirtDockerFleet: a DNS domain with an empty label', (s) => new LibvirtDockerFleet(s, 'f', { ...lv(), domainName: 'lab..internal' }),
    'domainName', 'lab..internal'],
  ['LibvirtDockerFleet: a host name with an underscore', (s) => new LibvirtDockerFleet(s, 'f', { ...lv(), hostNames: ['web_0', 'web-1'] }),
    'hostNames[0]', 'web_0'],
  ['LibvirtDockerFleet: a pool name starting with a dot', (s) => new LibvirtDockerFleet(s, 'f', { ...lv(), poolName: '.pool' }), 'poolName', '.pool'],
  ['AwsDockerSwarm: two managers', (s) => new AwsDockerSwarm(s, 'f', { ...swarm(), managerCount: 2 }), 'managerCount', '2'],
  ['AwsDockerSwarm: Bottlerocket', (s) => new AwsDockerSwarm(s, 'f', { ...swarm(), os: ContainerOs.bottlerocket() }), 'os', 'Bottlerocket'],
  ['HostConfig: daemon settings that write no object', () => new HostConfig({ dockerDaemonSettings: { toJSON: () => [1] } }),
    'dockerDaemonSettings', '[1]'],
  ['addFile: the same path twice', () => twice((h) => h.addFile({ path: '/etc/x' })), 'files[1].path', '/etc/x'],
  ['addSystemdUnit: the same unit twice', () => twice((h) => h.addSystemdUnit({ name: 'a.service', contents: '[Service]\n' })),
    'units[1].name', 'a.service'],
  ['addSystemdUnit: neither content nor mask', () => new HostConfig().addSystemdUnit({ name: 'a.service' }), 'units[0].content', 'undefined'],
  ['addContainer: the same name twice', () => twice((h) => h.addContainer({ name: 'web', image: 'nginx:1.27' })), 'containers[1].name', 'web'],
  ['addContainer: an env value with a newline', () => new HostConfig().addContainer({ name: 'web', image: 'nginx:1.27', environment: { A: 'x\ny' } }),
    'containers[0].environment.A', 'x\\ny'],
  ['LibvirtDockerFleet id: one that makes no DNS label for the default host names', (s) => new LibvirtDockerFleet(s, 'web_lab', lv()),
    'hostNames', 'web_lab-0'],
  ['AwsDockerSwarm: a manager count known only at apply time', (s) => new AwsDockerSwarm(s, 'f', {
    ...swarm(), managerCount: new TerraformVariable(s, 'managers', { type: 'number' }).numberValue,
  }), 'managerCount', 'e+'],
  ['AwsDockerSwarm: a parameter path without a leading slash', (s) => new AwsDockerSwarm(s, 'f', { ...swarm(), parameterPath: 'swarm/prod' }),
    'parameterPath', 'swarm/prod'],
];

/**
 * Codes the cases above do not meet, with the test that meets each: a new builder gets a case
 * here or a line here.
 */
const MET_ELSEWHERE: Record<string, string> = {
  GROUP_IS_USERS_OWN: 'test/bootconfig/user-groups.test.ts',
  DUPLICATE_USER_GROUP: 'test/bootconfig/user-groups.test.ts',
  NOT_CONTAINER_SECRET: 'test/platforms/aws/secrets.test.ts',
  BAD_SSM_PARAMETER_NAME: 'test/platforms/aws/secrets.test.ts',
  BAD_SECRET_ARN: 'test/platforms/aws/secrets.test.ts',
  SECRET_NAME_TOKEN: 'test/platforms/aws/secrets.test.ts',
  SECRET_SHADOWS_ENVIRONMENT: 'test/platforms/aws/secrets.test.ts',
  SECRETS_WITHOUT_INSTANCE_ROLE: 'test/platforms/aws/secrets.test.ts',
  HOST_CONFIG_FROZEN: 'test/os/container-os.test.ts',
  BAD_FRAGMENT: 'test/os/container-os.test.ts',
  FRAGMENT_FORMAT: 'test/os/container-os.test.ts',
  BAD_ECS_CLUSTER_NAME: 'test/os/bottlerocket.test.ts',
  BAD_HOST_CONTAINER: 'test/os/bottlerocket.test.ts',
  ECS_CANNOT_EXPRESS: 'test/platforms/aws/ecs/fleet-resources.test.ts',
  BAD_ECS_SERVICE_NAME: 'test/platforms/aws/ecs/update-window.test.ts',
  SWARM_UPDATE_WINDOW_TOO_SHORT: 'test/swarm/aws-docker-swarm.test.ts',
  SWARM_LIVE_RESTORE: 'test/swarm/aws-docker-swarm.test.ts',
  BAD_SWARM_NAME: 'test/swarm/aws-docker-swarm.test.ts',
  NVIDIA_VARIANT_WITHOUT_GPU: 'test/platforms/aws/gpu-instance-types.test.ts',
  DUPLICATE_NAME: 'test/platforms/aws/default-names.test.ts',
  UNKNOWN_PROP: 'test/core/unknown-props.test.ts',
  HOST_PORT_TAKEN: 'test/bootconfig/published-ports.test.ts',
  SHARED_ON_LIBVIRT_HOST: 'test/platforms/libvirt/libvirt-host-claims.test.ts',
  OVERLAPPING_NETWORKS: 'test/platforms/libvirt/libvirt-host-claims.test.ts',
};

/** Every layer's error builders: the codes the library can throw, each stated by one layer. */
const LAYERS: Record<string, object> = {
  core: CoreErrors, bootconfig: BootConfigErrors, os: OsErrors, aws: AwsErrors, ecs: EcsErrors, libvirt: LibvirtErrors, swarm: SwarmErrors,
};
const ALL_CODES = Object.values(LAYERS).flatMap((builders) => Object.keys(builders).map(codeOf));
/** The codes the cases below threw. */
const met = new Set<string>();

describe('the error codes of the layers', () => {
  test('each builder of each layer has a code of its own', () => {
    expect(ALL_CODES.filter((c, i) => ALL_CODES.indexOf(c) !== i)).toEqual([]);
    for (const c of ALL_CODES) expect(c).toMatch(/^[A-Z][A-Z0-9_]+$/);
  });

  test('keep the codes programs already match on', () => {
    expect(ALL_CODES).toEqual(expect.arrayContaining([
      'NOT_AN_INTEGER', 'NOT_ABOOLEAN', 'BAD_PORT', 'UNSUPPORTED_POLICY', 'BAD_TARGET_GROUP_ARN', 'ECS_CANNOT_EXPRESS', 'BAD_MANAGER_COUNT',
    ]));
  });
});

describe('the bad-input catalogue', () => {
  test(`has at least 60 cases (it has ${cases.length})`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });

  test.each(cases)('fails on %s, naming the property and the value, and writes nothing', (_name, run, property, valuePart) => {
    const outdir = join(mkdtempSync(join(tmpdir(), 'bad-input.')), 'cdktf.out');
    let error: unknown;
    try {
      const app = new App({ outdir, skipValidation: true });
      const stack = new TerraformStack(app, 'stack');
      new AwsProvider(stack, 'aws', { region: 'us-east-1' });
      new LibvirtProvider(stack, 'libvirt', { uri: 'qemu:///system' });
      run(stack);
      app.synth();
    } catch (e) {
      error = e;
    }
    try {
      expect(error).toBeInstanceOf(FleetConfigError);
      expect(FleetConfigErrors.isFleetConfigError(error)).toBe(true);
      expect(ALL_CODES).toContain(FleetConfigErrors.codeOf(error));
      FleetConfigErrors.codesOf(error).forEach((c) => met.add(c));
      expect(FleetConfigErrors.propertyOf(error)).toBe(property);
      const msg = (error as Error).message;
      // A fleet names itself first (its construct path), then the property.
      const path = FleetConfigErrors.constructPathOf(error);
      expect(msg.startsWith(`${path === undefined ? '' : `${path}: `}${property}: got `)).toBe(true);
      if (_name.includes('Fleet:')) expect(path).toBe('stack/f');
      expect(msg).toContain(valuePart);
      expect(msg.split('; ').slice(1).join('; ').length).toBeGreaterThan(10); // says what is allowed
      // cdktf makes its (empty) outdir and stacks/ folder when constructed; no file may be written.
      expect(filesUnder(outdir)).toEqual([]);
    } finally {
      rmSync(join(outdir, '..'), { recursive: true, force: true });
    }
  });

  test('meets every code of every layer, or names the test that does', () => {
    if (met.size === 0) return; // the cases were filtered out of this run
    expect(ALL_CODES.filter((c) => !met.has(c)).sort()).toEqual(Object.keys(MET_ELSEWHERE).sort());
  });
});

describe('values known only at apply time', () => {
  test('are not judged as literals', () => {
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'tokens.')), skipValidation: true });
    const stack = new TerraformStack(app, 'stack');
    new AwsProvider(stack, 'aws', { region: 'us-east-1' });
    const v = (name: string, type: string) => new TerraformVariable(stack, name, { type });
    expect(() => new AwsDockerFleet(stack, 'f', {
      ...aws(),
      hostCount: v('count', 'number').numberValue,
      subnetIds: v('subnets', 'list(string)').listValue,
      vpcId: v('vpc', 'string').stringValue,
      instanceType: v('type', 'string').stringValue,
      sshIngressCidrs: [v('cidr', 'string').stringValue],
      ingressPorts: [v('port', 'number').numberValue],
      rootVolumeSizeGiB: v('root', 'number').numberValue,
    })).not.toThrow();
    expect(() => UpdatePolicy.fleetLock({ url: v('lock', 'string').stringValue })).not.toThrow();
    expect(() => new LibvirtDockerFleet(stack, 'l', { ...lv(), networkCidr: v('net', 'string').stringValue })).not.toThrow();
  });
});
