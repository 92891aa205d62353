/**
 * Bad input to `cdktf-docker-fleet`: one clear line on stderr and exit code 2, never a stack trace.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { gzipSync } from 'zlib';
import { TerraformStack } from 'cdktf';
import { AwsDockerFleet, AwsImage, ContainerOs, HostConfig, LibvirtDockerFleet, LibvirtProvider } from '../../lib';
import { ED25519_KEY } from '../helpers/fixtures';
import { NETWORK, awsStack, runCli, synthApp, tempDir } from './cli-helpers';

function expectBadInput(args: string[], message: RegExp, cwd?: string): void {
  const r = runCli(args, cwd);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.split('\n')).toEqual([expect.stringMatching(/^cdktf-docker-fleet: /), '']);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

/** A synthesized app with one Flatcar fleet whose stack JSON `edit` may change. */
function appWith(edit?: (json: any) => void): string {
  const out = synthApp((app) => {
    const s = awsStack(app, 'aws');
    new AwsDockerFleet(s, 'web', {
      os: ContainerOs.flatcar(), hostCount: 2, instanceType: 't3.small', image: AwsImage.pinned('ami-0123456789abcdef0'), ...NETWORK,
      hostConfig: new HostConfig({ sshAuthorizedKeys: [ED25519_KEY] }),
    });
  });
  if (edit) {
    const file = join(out, 'stacks', 'aws', 'cdk.tf.json');
    const json = JSON.parse(readFileSync(file, 'utf8'));
    edit(json);
    writeFileSync(file, JSON.stringify(json));
  }
  return out;
}

const launchTemplate = (json: any) => Object.values(json.resource.aws_launch_template)[0] as any;

/** A synthesized app with one 2-host libvirt fleet whose stack JSON `edit` changes. */
function libvirtAppWith(edit: (json: any) => void): string {
  const out = synthApp((app) => {
    const s = new TerraformStack(app, 'lab');
    new LibvirtProvider(s, 'libvirt', { uri: 'qemu:///system' });
    new LibvirtDockerFleet(s, 'lab', { os: ContainerOs.flatcar(), hostCount: 2, hostConfig: new HostConfig({ sshAuthorizedKeys: [ED25519_KEY] }) });
  });
  const file = join(out, 'stacks', 'lab', 'cdk.tf.json');
  const json = JSON.parse(readFileSync(file, 'utf8'));
  edit(json);
  writeFileSync(file, JSON.stringify(json));
  return out;
}

const firstBootLocal = (json: any) => Object.keys(json.locals).find((k) => k.includes('_first-boot_'))!;
const ignition = (json: any) => Object.values(json.resource.libvirt_ignition)[0] as any;

describe('cdktf-docker-fleet with bad input', () => {
  test('fails for a directory that is not a synthesized app', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'README.md'), 'hello\n');
    expectBadInput(['explain', dir], /: not a synthesized cdktf app \(no manifest\.json, stacks\/\*\/cdk\.tf\.json or cdk\.tf\.json\); run `cdktf synth`/);
  });

  test('fails for a path that does not exist, and for the default cdktf.out when there is none', () => {
    expectBadInput(['explain', join(tempDir(), 'missing')], /missing: no such file or directory/);
    expectBadInput(['explain'], /^cdktf-docker-fleet: cdktf\.out: no such file or directory/, tempDir());
  });

  test('fails for a stack without fleets', () => {
    const out = synthApp((app) => { new TerraformStack(app, 'empty'); });
    expectBadInput(['explain', out], /: no Docker fleets found \(no aws_launch_template with user_data, libvirt_ignition or libvirt_cloudinit_disk\)/);
    expectBadInput(['diff', out, out], /no Docker fleets found in either app/);
  });

  test('fails for a stack file that is not JSON', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'stack'));
    writeFileSync(join(dir, 'stack', 'cdk.tf.json'), '{ not json');
    expectBadInput(['explain', join(dir, 'stack')], /cdk\.tf\.json: not valid JSON/);
  });

  test('fails for user data that is not base64, naming the fleet and the attribute', () => {
    const out = appWith((j) => { launchTemplate(j).user_data = 'not base64!'; });
    expectBadInput(['explain', out], /aws: aws\/web \(aws_launch_template\.web_LaunchTemplate_[0-9A-F]+\.user_data\): user_data is not base64/);
  });

  test('fails for user data that is corrupt gzip', () => {
    const gz = gzipSync(Buffer.from('{"ignition":{"version":"3.3.0"}}'));
    const out = appWith((j) => { launchTemplate(j).user_data = gz.subarray(0, gz.length - 8).toString('base64'); });
    expectBadInput(['explain', out], /user_data\): gzip data cannot be decompressed/);
  });

  test('fails for a payload in no known format', () => {
    const out = appWith((j) => { launchTemplate(j).user_data = Buffer.from('#!/bin/sh\necho hi\n').toString('base64'); });
    expectBadInput(['explain', out], /the payload is neither Ignition JSON, #cloud-config\/#alpine-config nor Bottlerocket TOML \(starts with "#!\/bin\/sh\\necho hi\\n"\)/);
  });

  test('fails for an Ignition file whose data URL cannot be decoded', () => {
    const ign = { ignition: { version: '3.3.0' }, storage: { files: [{ path: '/etc/x', contents: { source: 'data:;base64,@@@', compression: 'gzip' } }] } };
    const out = appWith((j) => { launchTemplate(j).user_data = Buffer.from(JSON.stringify(ign)).toString('base64'); });
    expectBadInput(['explain', out], /file \/etc\/x: the data URL's base64 is invalid/);
  });

  test('fails for an Ignition S3 pointer whose object is not in the stack', () => {
    const ptr = { ignition: { version: '3.3.0', config: { replace: { source: 's3://bucket/key.ign' } } } };
    const out = appWith((j) => { launchTemplate(j).user_data = Buffer.from(JSON.stringify(ptr)).toString('base64'); });
    expectBadInput(['explain', out], /the user data is an Ignition pointer to s3:\/\/bucket\/key\.ign, and no aws_s3_object in the stack holds it/);
  });

  test('fails for a libvirt fleet whose payload template is missing from the locals, naming the fleet, the resource and the local', () => {
    const out = libvirtAppWith((j) => { delete j.locals[firstBootLocal(j)]; });
    expectBadInput(['explain', out], /lab: lab\/lab \(libvirt_ignition\.lab_ignition_[0-9A-F]+\): local\.lab_first-boot_[0-9A-F]+: no such local value in the stack/);
  });

  test('fails for a libvirt payload expression outside what Terraform knows before apply or what the tool evaluates', () => {
    const unknown = libvirtAppWith((j) => { ignition(j).content = '${libvirt_volume.x[each.key].name}'; });
    expectBadInput(['explain', unknown], /\(libvirt_ignition\.lab_ignition_[0-9A-F]+\): content of host lab-0 is not known before apply \(it reads libvirt_volume\.x\["lab-0"\]\.name\)/);
    const fn = libvirtAppWith((j) => { ignition(j).content = `\${upper(local.${firstBootLocal(j)})}`; });
    expectBadInput(['explain', fn], /\(libvirt_ignition\.lab_ignition_[0-9A-F]+\): function upper\(\) is not one this tool evaluates/);
  });

  test('fails for bad arguments: no command, an unknown command or option, the wrong number of directories', () => {
    expect(runCli([]).code).toBe(2);
    expectBadInput(['explian'], /unknown command "explian"; commands: explain, diff/);
    expectBadInput(['explain', '--yaml'], /explain: unknown option --yaml/);
    expectBadInput(['explain', 'a', 'b'], /explain: one directory expected, got 2/);
    expectBadInput(['diff', 'a'], /diff: two directories expected \(diff OLD_DIR NEW_DIR\), got 1/);
  });

  test('fails for diff when either directory is bad, with exit code 2 rather than 0 or 1', () => {
    const out = appWith();
    expectBadInput(['diff', out, join(tempDir(), 'nope')], /nope: no such file or directory/);
  });
});
