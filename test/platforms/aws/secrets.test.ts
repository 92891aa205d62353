/**
 * Container secrets: the API, what the payload holds (names and ARNs only), the
 * instance role's exact access, the hardening that goes with it (sensitive user data, hop
 * limit 1) and the clear errors where there is no instance role or no environment.
 */
import { gunzipSync } from 'zlib';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import {
  AwsDockerFleet, ContainerOs, ContainerSecret, FleetConfigErrors, HostConfig, LibvirtDockerFleet, LibvirtProvider,
} from '../../../lib';
import { FleetConfigError } from '../../../lib/core/fleet-config-error';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AWS_CLI_IMAGE, SECRET_FETCHER, renderSecretFetcher } from '../../../lib/bootconfig/secret-fetch';
import { TOOLS, run } from '../../helpers/effect';
import { describeWithTools, requireTools } from '../../helpers/tools';
import { cloudConfigFile, ignitionFile, ignitionUnit } from '../../helpers/payloads';
import { OsKind, awsStack, baseProps, noise, only, osOf, synthFleet, unsensitive, userDataOf } from './aws-fixtures';

const PARAM = '/prod/db/password';
const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/api-AbCdEf';
const KMS = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

function secretHost(): HostConfig {
  const h = new HostConfig();
  h.addContainer({
    name: 'app', image: 'ghcr.io/org/app:1.4', environment: { LOG_LEVEL: 'info' },
    secrets: {
      DB_PASSWORD: ContainerSecret.fromSsmParameter(PARAM),
      API_KEY: ContainerSecret.fromSecretsManager(SECRET_ARN, { jsonKey: 'key' }),
    },
  });
  return h;
}

function payloadOf(json: any): string {
  const ud = userDataOf(json);
  return (ud[0] === 0x1f && ud[1] === 0x8b ? gunzipSync(ud) : ud).toString('utf8');
}

/**
 * A role policy as JSON: Terraform evaluates its `${…}` interpolations (the account comes from
 * `element(split(":", <role arn>), 4)`, whose quotes are HCL inside the template), so they are
 * swapped for a quote-free stand-in before parsing.
 */
function policyOf(r: any): any {
  return JSON.parse(r.policy.replace(/\$\{element\(split\(":", (aws_iam_role\.[A-Za-z0-9_]+\.arn)\), 4\)\}/g, '<account of $1>'));
}

function errorOf(f: () => unknown): FleetConfigError {
  try { f(); } catch (e) { if (FleetConfigErrors.isFleetConfigError(e)) return e as FleetConfigError; throw e; }
  throw new Error('no error thrown');
}

describe('ContainerSecret', () => {
  test('keeps only where the secret is', () => {
    expect(ContainerSecret.fromSsmParameter(PARAM).toString()).toBe(`ssm:${PARAM}`);
    expect(ContainerSecret.fromSecretsManager(SECRET_ARN, { jsonKey: 'password' }).toString()).toBe(`secretsmanager:${SECRET_ARN}#password`);
  });

  test.each([
    ['', 'EMPTY_STRING'], ['/a b', 'BAD_SSM_PARAMETER_NAME'], ['/a//b', 'BAD_SSM_PARAMETER_NAME'], [42, 'NOT_ASTRING'],
  ])('rejects the parameter name %j (%s)', (name, code) => {
    expect(errorOf(() => ContainerSecret.fromSsmParameter(name as string)).code).toBe(code);
  });

  test.each([
    'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/api', // no 6-character suffix: not the full ARN
    'arn:aws:ssm:eu-west-1:123456789012:parameter/x',
    'prod/api',
  ])('rejects %s as a secret ARN', (arn) => {
    expect(errorOf(() => ContainerSecret.fromSecretsManager(arn)).code).toBe('BAD_SECRET_ARN');
  });

  test('rejects tokens, saying why the payload needs the literal name', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    const v = new TerraformVariable(stack, 'name', { type: 'string' });
    const e = errorOf(() => ContainerSecret.fromSsmParameter(v.stringValue));
    expect(e.code).toBe('SECRET_NAME_TOKEN');
    expect(e.message).toMatch(/rendered .* at synth time.*pass the literal name or ARN/);
    expect(errorOf(() => ContainerSecret.fromSecretsManager(v.stringValue)).code).toBe('SECRET_NAME_TOKEN');
  });

  test('addContainer rejects a non-secret, a bad name, and a name that is also in environment', () => {
    const h = new HostConfig();
    expect(errorOf(() => h.addContainer({ name: 'a', image: 'nginx:1.27', secrets: { X: 'plain' as any } })).code).toBe('NOT_CONTAINER_SECRET');
    expect(errorOf(() => h.addContainer({ name: 'b', image: 'nginx:1.27', secrets: { 'BAD-NAME': ContainerSecret.fromSsmParameter('x') } })).code).toBe('BAD_ENV_NAME');
    const e = errorOf(() => h.addContainer({ name: 'c', image: 'nginx:1.27', environment: { X: '1' }, secrets: { X: ContainerSecret.fromSsmParameter('x') } }));
    expect(e.code).toBe('SECRET_SHADOWS_ENVIRONMENT');
    expect(e.property).toBe('containers[0].secrets.X');
  });
});

describe.each<OsKind>(['fcos', 'flatcar', 'alpine'])('an AWS %s fleet with secrets', (kind) => {
  const { json, text } = synthFleet({ ...baseProps(kind), hostConfig: secretHost(), secretsKmsKeyArn: KMS });
  const payload = payloadOf(json);

  test('the payload holds the names and ARNs and the fetcher, and no env-file line of a secret', () => {
    const ign = kind !== 'alpine';
    const fetcher = ign ? ignitionFile(payload, SECRET_FETCHER)! : cloudConfigFile(payload, SECRET_FETCHER)!;
    const runner = ign ? ignitionUnit(payload, 'container-app.service').contents : cloudConfigFile(payload, '/etc/init.d/container-app')!;
    const env = ign ? ignitionFile(payload, '/etc/docker-fleet/containers/app.env') : cloudConfigFile(payload, '/etc/docker-fleet/containers/app.env');
    // where each secret is, passed to the fetcher; the run reads the fetched file
    expect(runner).toContain(`${SECRET_FETCHER} /run/docker-fleet/secrets/app.env API_KEY secretsmanager ${SECRET_ARN} =key eu-west-1 DB_PASSWORD ssm ${PARAM} - -`);
    expect(runner).toContain('--env-file /run/docker-fleet/secrets/app.env');
    expect(fetcher).toMatch(/^#!\/bin\/sh\n/);
    expect(fetcher).toContain(ign ? `run --rm --network host --log-driver none ${AWS_CLI_IMAGE} "$@"` : 'aws() { /usr/bin/aws "$@"; }');
    // the plain environment keeps its own env file, without the secrets
    expect(env).toBe('LOG_LEVEL=info\n');
    expect(`${payload}${fetcher}${runner}`).not.toMatch(/(DB_PASSWORD|API_KEY)=/);
    if (!ign) expect(cloudConfigFile(payload, SECRET_FETCHER)).toBeDefined();
  });

  test('the whole synthesized stack has no env-file line of a secret and marks user data sensitive', () => {
    expect(text).not.toMatch(/(DB_PASSWORD|API_KEY)=/);
    expect(only(json, 'aws_launch_template').user_data).toMatch(/^\$\{sensitive\("[A-Za-z0-9+/=]+"\)\}$/);
  });

  test('the role may read exactly the named parameter and secret, and decrypt only through SSM and Secrets Manager', () => {
    const policy = policyOf(only(json, 'aws_iam_role_policy'));
    const partition = '${data.aws_partition.web_Partition_';
    expect(policy.Statement).toHaveLength(3);
    const [ssm, sm, kms] = policy.Statement;
    expect(ssm).toMatchObject({ Effect: 'Allow', Action: 'ssm:GetParameter' });
    expect(ssm.Resource).toHaveLength(1);
    expect(ssm.Resource[0]).toMatch(/^arn:\$\{data\.aws_partition\.[^}]+\}:ssm:\$\{data\.aws_region\.[^}]+\.name\}:<account of aws_iam_role\.web_InstanceRole_[A-Z0-9]+\.arn>:parameter\/prod\/db\/password$/);
    expect(ssm.Resource[0]).toContain(partition);
    expect(sm).toEqual({ Sid: 'ReadSecrets', Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: [SECRET_ARN] });
    expect(kms).toMatchObject({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: KMS });
    const via: string[] = kms.Condition.StringEquals['kms:ViaService'];
    expect(via).toHaveLength(2);
    expect(via[0]).toMatch(/^ssm\.\$\{data\.aws_region\.[^}]+\.name\}\.\$\{data\.aws_partition\.[^}]+\.dns_suffix\}$/);
    expect(via[1]).toMatch(/^secretsmanager\.eu-west-1\.\$\{data\.aws_partition\.[^}]+\.dns_suffix\}$/);
    expect(JSON.stringify(policy)).not.toMatch(/\*/);
  });
});

describe('AWS fleet hardening', () => {
  test('no secrets: no secrets policy, no region/account lookups, no kms:Decrypt', () => {
    const { json } = synthFleet(baseProps('flatcar'));
    expect(json.resource.aws_iam_role_policy).toBeUndefined();
    expect(json.data?.aws_region).toBeUndefined();
    expect(json.data?.aws_caller_identity).toBeUndefined();
  });

  test('Secrets Manager only: no kms statement without a key, no account lookup', () => {
    const h = new HostConfig();
    h.addContainer({ name: 'app', image: 'nginx:1.27', secrets: { T: ContainerSecret.fromSecretsManager(SECRET_ARN) } });
    const { json } = synthFleet({ ...baseProps('alpine'), hostConfig: h });
    const policy = policyOf(only(json, 'aws_iam_role_policy'));
    expect(policy.Statement).toEqual([{ Sid: 'ReadSecrets', Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: [SECRET_ARN] }]);
    expect(json.data?.aws_caller_identity).toBeUndefined();
  });

  test('the same parameter used twice is granted once', () => {
    const h = new HostConfig();
    h.addContainer({ name: 'a', image: 'nginx:1.27', secrets: { P: ContainerSecret.fromSsmParameter(PARAM) } });
    h.addContainer({ name: 'b', image: 'nginx:1.27', secrets: { Q: ContainerSecret.fromSsmParameter(PARAM) } });
    const { json } = synthFleet({ ...baseProps('fcos'), hostConfig: h });
    expect(policyOf(only(json, 'aws_iam_role_policy')).Statement[0].Resource).toHaveLength(1);
  });

  test('the S3 config object is sensitive too', () => {
    const h = secretHost();
    h.addFile({ path: '/etc/app/big', content: noise(24000) });
    const { json } = synthFleet({ ...baseProps('flatcar'), hostConfig: h, userDataBucket: 'my-bucket' });
    const obj = only(json, 'aws_s3_object');
    expect(obj.content_base64).toMatch(/^\$\{sensitive\("/);
    expect(Buffer.from(unsensitive(obj.content_base64), 'base64').toString('utf8')).toContain(PARAM);
    // the role reads the config object and the secrets: two inline policies
    expect(Object.keys(json.resource.aws_iam_role_policy)).toHaveLength(2);
  });

  test('a malformed secretsKmsKeyArn is reported with the other problems; a token passes', () => {
    const stack = awsStack(undefined, 'kms');
    const e = errorOf(() => new AwsDockerFleet(stack, 'web', { ...baseProps('flatcar'), secretsKmsKeyArn: 'alias/aws/ssm' }));
    expect(e.code).toBe('BAD_KMS_KEY_ARN');
    const v = new TerraformVariable(stack, 'key', { type: 'string' });
    new AwsDockerFleet(stack, 'ok', { ...baseProps('flatcar'), hostConfig: secretHost(), secretsKmsKeyArn: v.stringValue });
    const json = JSON.parse(Testing.synth(stack));
    const policy = policyOf(Object.values<any>(json.resource.aws_iam_role_policy)[0]);
    expect(policy.Statement[2].Resource).toBe('${var.key}');
  });

  test('Bottlerocket takes secrets as ECS task secrets: nothing of them in the payload, and the instance role reads none', () => {
    const h = new HostConfig();
    h.addContainer({ name: 'app', image: 'nginx:1.27', secrets: { T: ContainerSecret.fromSsmParameter(PARAM) } });
    const stack = awsStack(undefined, 'br-secrets');
    new AwsDockerFleet(stack, 'fleet', { ...baseProps('bottlerocket'), hostConfig: h });
    const json = JSON.parse(Testing.synth(stack));
    expect(Buffer.from(unsensitive(Object.values<any>(json.resource.aws_launch_template)[0].user_data), 'base64').toString('utf8')).not.toContain(PARAM);
    const policies = Object.values<any>(json.resource.aws_iam_role_policy).map((p) => p.name);
    expect(policies).not.toContain('read-container-secrets');
    expect(policies).toContain('secrets-and-logs');
  });

  test('libvirt refuses secrets at synth time and says what to do instead', () => {
    const stack = new TerraformStack(Testing.app(), 'lv');
    new LibvirtProvider(stack, 'libvirt', { uri: 'qemu:///system' });
    const h = new HostConfig();
    h.addContainer({ name: 'app', image: 'nginx:1.27', secrets: { T: ContainerSecret.fromSsmParameter(PARAM) } });
    const e = errorOf(() => new LibvirtDockerFleet(stack, 'fleet', { os: ContainerOs.flatcar(), hostCount: 1, hostConfig: h }));
    expect(e.code).toBe('SECRETS_WITHOUT_INSTANCE_ROLE');
    expect(e.message).toMatch(/^lv\/fleet: hostConfig\.containers\[0\]\.secrets: got \["T"\]; libvirt hosts have no instance role.*root-only file/);
  });
});

describeWithTools([TOOLS.shellcheck])('the secret fetcher', () => {
  test.each([
    ['image', renderSecretFetcher({ kind: 'image', docker: '/usr/bin/docker' })],
    ['packaged', renderSecretFetcher({ kind: 'packaged', aws: '/usr/bin/aws' })],
  ])('(%s CLI) passes shellcheck as POSIX sh', async (_k, script) => {
    requireTools([TOOLS.shellcheck]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fetcher-'));
    fs.writeFileSync(path.join(dir, 'fetch'), script);
    const r = await run('shellcheck', ['-s', 'sh', path.join(dir, 'fetch')], { timeoutMs: 60_000 });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
