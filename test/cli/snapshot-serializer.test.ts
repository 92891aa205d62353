/**
 * The snapshot serializer (`snapshotSerializers: ['cdktf-docker-fleet/lib/cli/snapshot-serializer']`):
 * synthesized stacks print with their first-boot payloads decoded.
 */
import { existsSync, readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { format } from 'pretty-format';
import { TerraformStack, Testing } from 'cdktf';
import { AwsDockerFleet, AwsImage, ContainerOs, HostConfig, LibvirtDockerFleet } from '../../lib';
import * as serializer from '../../lib/cli/snapshot-serializer';
import { ED25519_KEY } from '../helpers/fixtures';
import { noise } from '../platforms/aws/aws-fixtures';
import { NETWORK, awsStack } from './cli-helpers';

const print = (v: unknown) => format(v, { plugins: [serializer as any], escapeString: false, printBasicPrototype: false, indent: 2 });

function host(): HostConfig {
  const h = new HostConfig({ sshAuthorizedKeys: [ED25519_KEY] });
  h.addFile({ path: '/etc/app/app.conf', content: 'listen: 8080\n'.repeat(20) });
  h.addContainer({ name: 'web', image: 'nginx:1.27' });
  return h;
}

function synth(os: ContainerOs, hostConfig = host()): string {
  const stack = awsStack(Testing.app(), 'aws');
  new AwsDockerFleet(stack, 'web', { os, hostCount: 2, instanceType: 't3.small', image: AwsImage.pinned('ami-0123456789abcdef0'), ...NETWORK, hostConfig });
  return Testing.synth(stack);
}

describe('the snapshot serializer', () => {
  test('prints an Ignition user_data decoded, file contents as text, and leaves the rest of the stack as it is', () => {
    const json = synth(ContainerOs.flatcar());
    expect(serializer.test(json)).toBe(true);
    const printed = print(json);
    const userData = (Object.values(JSON.parse(json).resource.aws_launch_template)[0] as { user_data: string }).user_data;
    expect(printed).not.toContain(userData);
    expect(printed).toContain('"decoded": "base64"');
    expect(printed).toContain('"path": "/etc/app/app.conf"');
    expect(printed).toContain('"text": "listen: 8080\nlisten: 8080\n');
    expect(printed).toContain('"instance_type": "t3.small"');
    expect(print(json)).toBe(printed);
  });

  test('prints a parsed stack object the same way as its JSON string', () => {
    const json = synth(ContainerOs.fedoraCoreOs());
    expect(print(JSON.parse(json))).toBe(print(json));
  });

  test('decodes gzip user data and cloud-config gz+b64 files', () => {
    const h = host();
    h.addFile({ path: '/etc/app/noise.txt', content: noise(17000) });
    const stack = awsStack(Testing.app(), 'aws');
    new AwsDockerFleet(stack, 'web', { os: ContainerOs.alpine(), hostCount: 2, instanceType: 't3.small', image: AwsImage.pinned('ami-0123456789abcdef0'), ...NETWORK, hostConfig: h });
    const printed = print(Testing.synth(stack));
    expect(printed).toContain('"decoded": "base64+gzip"');
    expect(printed).toContain('"header": "#alpine-config"');
    expect(printed).toContain('"encoding": "gz+b64 (decoded)"');
    expect(printed).toContain('supervisor=supervise-daemon');
  });

  test('decodes Bottlerocket TOML with the admin container\'s user data', () => {
    const h = new HostConfig({ sshAuthorizedKeys: [ED25519_KEY] });
    h.addContainer({ name: 'web', image: 'docker.io/library/nginx:1.27' });
    const printed = print(synth(ContainerOs.bottlerocket(), h));
    expect(printed).toContain('"authorized-keys": [\n');
    expect(printed).toContain(`"${ED25519_KEY}"`);
  });

  test('decodes an S3-pointer launch template and the aws_s3_object it points to', () => {
    const h = host();
    h.addFile({ path: '/etc/app/noise.txt', content: noise(24000) });
    const stack = awsStack(Testing.app(), 'aws');
    new AwsDockerFleet(stack, 'web', { os: ContainerOs.flatcar(), hostCount: 2, instanceType: 't3.small', image: AwsImage.pinned('ami-0123456789abcdef0'), ...NETWORK, hostConfig: h, userDataBucket: 'my-bucket' });
    const printed = print(Testing.synth(stack));
    expect(printed).toMatch(/"decoded": "S3 pointer → s3:\/\/my-bucket\/docker-fleet\/web-[0-9a-f]{6}\/[0-9a-f]{16}\.ign"/);
    expect(printed).toContain('"content_base64": {\n');
    expect(printed).toContain('"path": "/etc/app/noise.txt"');
  });

  test('decodes each libvirt host\'s payload in the for_each map', () => {
    const stack = new TerraformStack(Testing.app(), 'lab');
    new LibvirtDockerFleet(stack, 'lab', { os: ContainerOs.flatcar(), hostCount: 2, hostConfig: host() });
    const printed = print(Testing.synth(stack));
    expect(printed).toContain('"lab-0": {\n');
    expect(printed).toContain('"text": "lab-0\n"');
    expect(printed).toContain('"text": "lab-1\n"');
  });

  test('shows each libvirt host\'s payload as Terraform fills in the fleet\'s template, and the template\'s hash where it is', () => {
    const stack = new TerraformStack(Testing.app(), 'lab');
    new LibvirtDockerFleet(stack, 'lab', { os: ContainerOs.alpine(), hostCount: 2, hostConfig: host() });
    const decoded = serializer.decodeStack(JSON.parse(Testing.synth(stack))) as any;
    const disk = Object.values<any>(decoded.resource.libvirt_cloudinit_disk)[0];
    expect(disk.user_data.decoded).toMatch(/^terraform expression, per host: \$\{sensitive\(replace\(replace\(local\.lab_first-boot_[0-9A-F]+, /);
    expect(Object.keys(disk.user_data.hosts)).toEqual(['lab-0', 'lab-1']);
    for (const h of ['lab-0', 'lab-1']) {
      expect(disk.user_data.hosts[h].header).toBe('#alpine-config');
      expect(disk.user_data.hosts[h].write_files.find((f: any) => f.path === '/etc/hostname').content).toBe(`${h}\n`);
    }
    const template = Object.entries<any>(decoded.locals).find(([k]) => k.includes('_first-boot_'))![1];
    expect(template).toEqual({ decoded: expect.stringMatching(/^first-boot payload template of libvirt_cloudinit_disk\.lab_cloudinit_[0-9A-F]+, shown there per host$/), sha256: expect.stringMatching(/^[0-9a-f]{16}$/) });
    // the host table stays as it is; printing the decoded stack again changes nothing
    expect(Object.entries<any>(decoded.locals).find(([k]) => k.includes('_host-table_'))![1]).toMatch(/^name,mac,address,wwn,hash\nlab-0,/);
    expect(serializer.test(decoded)).toBe(false);
  });

  test('leaves strings and objects that are not synthesized fleet stacks alone', () => {
    expect(serializer.test('hello')).toBe(false);
    expect(serializer.test({ resource: { aws_instance: {} } })).toBe(false);
    expect(serializer.test(JSON.stringify({ resource: { aws_s3_bucket: { b: { bucket: 'x'.repeat(80) } } } }))).toBe(false);
  });

  test('is found under the path users put in jest.config.js once the package is built', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
    expect(pkg.files).toEqual(expect.arrayContaining(['lib/**/*.js', 'bin/cdktf-docker-fleet.js']));
    expect(pkg.bin).toEqual({ 'cdktf-docker-fleet': 'bin/cdktf-docker-fleet.js' });
    expect(existsSync(join(__dirname, '..', '..', 'lib', 'cli', 'snapshot-serializer.ts'))).toBe(true);
  });

  test('names no host path itself: it reads payloads by the paths the renderers write (lib/bootconfig/paths.ts)', () => {
    const dir = join(__dirname, '..', '..', 'lib', 'cli');
    const sources = readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
    for (const f of sources) expect([f, readFileSync(join(dir, f), 'utf8').match(/['"`]\/(etc|run|var)\/[^'"`]*/g)]).toEqual([f, null]);
  });
});
