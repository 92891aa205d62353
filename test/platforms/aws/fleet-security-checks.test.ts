import { EbsVolume } from '@cdktf/provider-aws/lib/ebs-volume';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Aspects, TerraformStack, Testing } from 'cdktf';
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

  test('every rule has a description and a test above', () => {
    expect(Object.keys(SECURITY_RULES).sort()).toEqual(['CKV_AWS_1', 'CKV_AWS_24', 'CKV_AWS_274', 'CKV_AWS_3', 'CKV_AWS_46', 'CKV_AWS_79', 'CKV_AWS_8', 'CKV_AWS_88']);
  });
});
