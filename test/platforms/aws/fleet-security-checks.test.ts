import { readFileSync } from 'fs';
import { join } from 'path';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import { EbsVolume } from '@cdktf/provider-aws/lib/ebs-volume';
import { IamGroupPolicyAttachment } from '@cdktf/provider-aws/lib/iam-group-policy-attachment';
import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { IamUserPolicyAttachment } from '@cdktf/provider-aws/lib/iam-user-policy-attachment';
import { Instance } from '@cdktf/provider-aws/lib/instance';
import { LaunchConfiguration } from '@cdktf/provider-aws/lib/launch-configuration';
import { SecurityGroupRule } from '@cdktf/provider-aws/lib/security-group-rule';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Aspects, Fn, TerraformStack, Testing } from 'cdktf';
import { allExamples } from '../../../examples/fleets';
import { AwsDockerFleet, FindingSeverity, FleetSecurityChecks, HostConfig, SECURITY_RULES } from '../../../lib';
import { awsStack, baseProps, OsKind } from './aws-fixtures';

/** Applies the checks to a stack, synthesizes it (aspects run then) and returns the rule ids found. */
function check(stack: TerraformStack, checks = new FleetSecurityChecks()): string[] {
  Aspects.of(stack).add(checks);
  Testing.synth(stack);
  return checks.findings.map((f) => f.rule).sort();
}

function fleetStack(kind: OsKind, extra: Record<string, unknown> = {}, host?: HostConfig): TerraformStack {
  const stack = awsStack();
  new AwsDockerFleet(stack, 'fleet', { ...baseProps(kind), ...(host ? { hostConfig: host } : {}), ...extra });
  return stack;
}

describe('FleetSecurityChecks', () => {
  test('every example stack passes with zero findings', () => {
    const stacks = allExamples(Testing.app());
    const found = stacks.map((s) => [s.node.id, check(s)] as const).filter(([, f]) => f.length);
    expect(found).toEqual([]);
  });

  test('a default fleet of every OS passes with zero findings', () => {
    for (const kind of ['fcos', 'flatcar', 'alpine', 'bottlerocket'] as OsKind[]) expect(check(fleetStack(kind))).toEqual([]);
  });

  test('CKV_AWS_79 fires for a launch template without required IMDSv2 tokens', () => {
    const stack = awsStack();
    new LaunchTemplate(stack, 'lt', { imageId: 'ami-0123456789abcdef0' });
    new LaunchTemplate(stack, 'lt2', { imageId: 'ami-0123456789abcdef0', metadataOptions: { httpTokens: 'optional' } });
    const checks = new FleetSecurityChecks();
    expect(check(stack, checks)).toEqual(['CKV_AWS_79', 'CKV_AWS_79']);
    expect(checks.findings[0].message).toContain('set it to "required"');
  });

  test('CKV_AWS_8 fires for an unencrypted launch-template volume', () => {
    const stack = awsStack();
    new LaunchTemplate(stack, 'lt', {
      metadataOptions: { httpTokens: 'required' },
      blockDeviceMappings: [{ deviceName: '/dev/xvda', ebs: { volumeSize: 20, encrypted: 'false' } }],
    });
    expect(check(stack)).toEqual(['CKV_AWS_8']);
  });

  test('CKV_AWS_3 fires for an unencrypted EBS volume', () => {
    const stack = awsStack();
    new EbsVolume(stack, 'vol', { availabilityZone: 'us-east-1a', size: 10 });
    expect(check(stack)).toEqual(['CKV_AWS_3']);
  });

  test('CKV_AWS_24 fires for SSH open to the world, from the fleet and from a plain security group', () => {
    expect(check(fleetStack('flatcar', { sshIngressCidrs: ['0.0.0.0/0'] }))).toEqual(['CKV_AWS_24']);
    const stack = awsStack();
    new SecurityGroup(stack, 'sg', { ingress: [{ fromPort: 0, toPort: 65535, protocol: 'tcp', ipv6CidrBlocks: ['::/0'] }] });
    expect(check(stack)).toEqual(['CKV_AWS_24']);
  });

  test('CKV_AWS_88 fires when hosts get public IPs', () => {
    expect(check(fleetStack('alpine', { associatePublicIpAddress: true }))).toEqual(['CKV_AWS_88']);
  });

  test('CKV_AWS_46 fires for an AWS key or a private key in user data, also inside gzipped files', () => {
    const leaky = (content: string) => {
      const h = new HostConfig();
      h.addFile({ path: '/etc/app/credentials', content: `${content}\n${'padding so the file is gzipped\n'.repeat(30)}` });
      return h;
    };
    expect(check(fleetStack('flatcar', {}, leaky('aws_access_key_id = AKIAABCDEFGHIJKLMNOP')))).toEqual(['CKV_AWS_46']);
    expect(check(fleetStack('alpine', {}, leaky('-----BEGIN OPENSSH PRIVATE KEY-----')))).toEqual(['CKV_AWS_46']);
    expect(check(fleetStack('fcos', {}, leaky('AWS_SECRET_ACCESS_KEY=abc')))).toEqual(['CKV_AWS_46']);
  });

  test('CKV_AWS_1 and CKV_AWS_274 fire for admin rights on a role', () => {
    const stack = awsStack();
    const role = new IamRole(stack, 'role', { assumeRolePolicy: '{}' });
    new IamRolePolicy(stack, 'p', { role: role.name, policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }) });
    new IamRolePolicyAttachment(stack, 'a', { role: role.name, policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' });
    expect(check(stack)).toEqual(['CKV_AWS_1', 'CKV_AWS_274']);
  });

  test('skip leaves a rule out, and WARNING severity reports without failing', () => {
    expect(check(fleetStack('alpine', { associatePublicIpAddress: true }), new FleetSecurityChecks({ skip: ['CKV_AWS_88'] }))).toEqual([]);
    const stack = fleetStack('alpine', { associatePublicIpAddress: true });
    const checks = new FleetSecurityChecks({ severity: FindingSeverity.WARNING });
    Aspects.of(stack).add(checks);
    const manifest = Testing.synth(stack);
    expect(manifest).toBeDefined();
    expect(checks.findings.map((f) => f.path)).toEqual(['fleet-stack/fleet/LaunchTemplate']);
  });

  // --- what the checks once missed ---------------------------------------------------------
  test('CKV_AWS_1 fires for "*" on "*" in an aws_iam_policy_document data source and in a Fn.jsonencode policy', () => {
    const stack = awsStack();
    const doc = new DataAwsIamPolicyDocument(stack, 'doc', { statement: [{ actions: ['*'], resources: ['*'] }] });
    new IamPolicy(stack, 'fromDoc', { policy: doc.json });
    new IamPolicy(stack, 'encoded', { policy: Fn.jsonencode({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }) });
    new IamPolicy(stack, 'denied', { policy: Fn.jsonencode({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] }) });
    const checks = new FleetSecurityChecks();
    expect(check(stack, checks)).toEqual(['CKV_AWS_1', 'CKV_AWS_1']);
    expect(checks.findings.map((f) => f.path).sort()).toEqual(['fleet-stack/doc', 'fleet-stack/encoded']);
  });

  test('CKV_AWS_274 fires for AdministratorAccess attached to a user or a group', () => {
    const stack = awsStack();
    const arn = 'arn:aws:iam::aws:policy/AdministratorAccess';
    new IamUserPolicyAttachment(stack, 'u', { user: 'ops', policyArn: arn });
    new IamGroupPolicyAttachment(stack, 'g', { group: 'ops', policyArn: arn });
    expect(check(stack)).toEqual(['CKV_AWS_274', 'CKV_AWS_274']);
  });

  test('an aws_launch_configuration is checked like a launch template (IMDSv2, encryption, public IP)', () => {
    const stack = awsStack();
    new LaunchConfiguration(stack, 'lc', { imageId: 'ami-0123456789abcdef0', instanceType: 't3.small', associatePublicIpAddress: true, rootBlockDevice: { encrypted: false } });
    expect(check(stack)).toEqual(['CKV_AWS_79', 'CKV_AWS_8', 'CKV_AWS_88']);
  });

  test('CKV_AWS_24 fires for the default security group and for a rule open to ::/0', () => {
    const stack = awsStack();
    new DefaultSecurityGroup(stack, 'default', { vpcId: 'vpc-0123456789abcdef0', ingress: [{ fromPort: 22, toPort: 22, protocol: 'tcp', cidrBlocks: ['0.0.0.0/0'] }] });
    new SecurityGroupRule(stack, 'v6', { type: 'ingress', securityGroupId: 'sg-0123456789abcdef0', fromPort: 22, toPort: 22, protocol: '6', ipv6CidrBlocks: ['0::/0'] });
    expect(check(stack)).toEqual(['CKV_AWS_24', 'CKV_AWS_24']);
  });

  test('CKV_AWS_46 fires for an encrypted private key, an AWS_SECRET_KEY= line and a secret inside MIME multipart user data', () => {
    const leaky = (content: string) => {
      const h = new HostConfig();
      h.addFile({ path: '/etc/app/credentials', content });
      return h;
    };
    expect(check(fleetStack('flatcar', {}, leaky('-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIF\n')))).toEqual(['CKV_AWS_46']);
    expect(check(fleetStack('alpine', {}, leaky('export AWS_SECRET_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n')))).toEqual(['CKV_AWS_46']);
    const stack = awsStack();
    const part = Buffer.from('#cloud-config\nwrite_files:\n  - path: /root/.aws/credentials\n    content: "aws_access_key_id = AKIAABCDEFGHIJKLMNOP"\n').toString('base64');
    const mime = ['Content-Type: multipart/mixed; boundary="==B=="', 'MIME-Version: 1.0', '', '--==B==', 'Content-Type: text/cloud-config; charset="us-ascii"',
      'Content-Transfer-Encoding: base64', '', part, '--==B==--', ''].join('\n');
    new Instance(stack, 'i', { ami: 'ami-0123456789abcdef0', instanceType: 't3.small', metadataOptions: { httpTokens: 'required' }, rootBlockDevice: { encrypted: true }, userData: mime });
    expect(check(stack)).toEqual(['CKV_AWS_46']);
  });

  // --- what the checks once reported wrongly ------------------------------------------------------
  test('no false findings: a *_FILE env name with a path, an instance from an IMDSv2 launch template, IMDS disabled, UDP over port 22', () => {
    const h = new HostConfig();
    h.addContainer({ name: 'app', image: 'nginx:1.27', environment: { AWS_SECRET_ACCESS_KEY_FILE: '/run/secrets/aws', DB_PASSWORD_FILE: '/run/secrets/db' } });
    expect(check(fleetStack('flatcar', {}, h))).toEqual([]);
    const stack = awsStack();
    new Instance(stack, 'fromTemplate', { launchTemplate: { id: 'lt-0123456789abcdef0' }, rootBlockDevice: { encrypted: true } });
    new Instance(stack, 'noImds', { ami: 'ami-0123456789abcdef0', instanceType: 't3.small', metadataOptions: { httpEndpoint: 'disabled' }, rootBlockDevice: { encrypted: true } });
    new SecurityGroupRule(stack, 'udp', { type: 'ingress', securityGroupId: 'sg-0123456789abcdef0', fromPort: 0, toPort: 65535, protocol: 'udp', cidrBlocks: ['0.0.0.0/0'] });
    expect(check(stack)).toEqual([]);
  });

  // --- hop limit and secrets in container environments ----------------------------------------------
  test('CKV_AWS_341 fires for an IMDS hop limit above 1, and the fleet default passes', () => {
    expect(check(fleetStack('flatcar', { metadataHopLimit: 2 }))).toEqual(['CKV_AWS_341']);
    expect(check(fleetStack('flatcar'))).toEqual([]);
  });

  test('FLEET_ENV_SECRET warns (also under ERROR severity) about secret-looking env values in user data, naming ContainerSecret', () => {
    for (const kind of ['flatcar', 'alpine'] as OsKind[]) {
      const h = new HostConfig();
      h.addContainer({ name: 'db', image: 'postgres:16', environment: { POSTGRES_PASSWORD: 'hunter2', API_TOKEN: 'abc', SIGNING_KEY: 'k', PGDATA: '/var/lib/pg', SECRET_PATH: '/run/s' } });
      const stack = fleetStack(kind, {}, h);
      const checks = new FleetSecurityChecks({ severity: FindingSeverity.ERROR });
      Aspects.of(stack).add(checks);
      Testing.synth(stack);
      expect(checks.findings.map((f) => f.rule)).toEqual(['FLEET_ENV_SECRET']);
      const types = stack.node.findAll().flatMap((c) => c.node.metadata).filter((m) => String(m.data).includes('FLEET_ENV_SECRET')).map((m) => m.type);
      expect(types).toEqual(['@cdktf/warn']);
      expect(checks.findings[0].message).toContain('API_TOKEN, POSTGRES_PASSWORD, SIGNING_KEY look like secrets');
      expect(checks.findings[0].message).toContain('ContainerSecret');
    }
  });

  // --- props validated, never ignored -----------------------------------------------------------
  test("severity 'ERROR' from JavaScript reports errors, not warnings", () => {
    const checks = new FleetSecurityChecks({ severity: 'ERROR' as any });
    const stack = fleetStack('alpine', { associatePublicIpAddress: true });
    Aspects.of(stack).add(checks);
    Testing.synth(stack);
    const entries = stack.node.findAll().flatMap((c) => c.node.metadata).filter((m) => String(m.data).includes('CKV_AWS_88'));
    expect(entries.map((m) => m.type)).toEqual(['@cdktf/error']);
  });

  test('fails on an unknown severity, skip given as a string, and a skip entry that is not a string', () => {
    expect(() => new FleetSecurityChecks({ severity: 'loud' as any })).toThrow(/severity: got "loud"; allowed values: 'error', 'warning'/);
    expect(() => new FleetSecurityChecks({ skip: 'CKV_AWS_88' as any })).toThrow(/skip: got "CKV_AWS_88"; expected an array/);
    expect(() => new FleetSecurityChecks({ skip: [88 as any] })).toThrow(/skip\[0\]: got 88; expected a string/);
    expect(check(fleetStack('alpine', { associatePublicIpAddress: true }), new FleetSecurityChecks({ skip: ['ckv_aws_88'] }))).toEqual([]);
  });

  test('loads no YAML library at import: the yaml package is required only where cloud-config user data is read', () => {
    const src = readFileSync(join(__dirname, '../../../lib/platforms/aws/fleet-security-checks.ts'), 'utf8');
    expect(src).not.toMatch(/^import .* from 'yaml';/m);
    expect(src).toMatch(/require\('yaml'\)/);
  });

  test('every rule has a description and a test above', () => {
    expect(Object.keys(SECURITY_RULES).sort()).toEqual(['CKV_AWS_1', 'CKV_AWS_24', 'CKV_AWS_274', 'CKV_AWS_3', 'CKV_AWS_341', 'CKV_AWS_46', 'CKV_AWS_79', 'CKV_AWS_8', 'CKV_AWS_88', 'FLEET_ENV_SECRET']);
  });
});
