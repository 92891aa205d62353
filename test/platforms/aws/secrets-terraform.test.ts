/**
 * Container secrets through real Terraform (offline init, validate, plan, show): the plan marks
 * user data and the S3 config sensitive, so neither the plan text (what `cdktf diff` on a pull
 * request prints) nor its JSON shows the payload, and the secrets policy plans.
 */
import { execFile } from 'child_process';
import { promisify } from 'util';
import { AwsDockerFleet, AwsImage, ContainerSecret, HostConfig } from '../../../lib';
import { TerraformResult, findTerraform, plannedResources, removeRun, terraformCheck } from '../../helpers/terraform';
import { describeWithTools, requireTools } from '../../helpers/tools';
import { awsStack, baseProps, noise } from './aws-fixtures';

const tf = findTerraform();
const tools = [['terraform', tf]] as const;
const PARAM = '/prod/db/password';
const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/api-AbCdEf';
const KMS = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

jest.setTimeout(240_000);

function host(big: boolean): HostConfig {
  const h = new HostConfig();
  h.addContainer({
    name: 'app', image: 'ghcr.io/org/app:1.4', environment: { LOG_LEVEL: 'info' },
    secrets: { DB_PASSWORD: ContainerSecret.fromSsmParameter(PARAM), API_KEY: ContainerSecret.fromSecretsManager(SECRET_ARN, { jsonKey: 'key' }) },
  });
  if (big) h.addFile({ path: '/etc/app/big', content: noise(24000) });
  return h;
}

describeWithTools(tools)('container secrets through terraform plan', () => {
  let result: TerraformResult | undefined;
  let text = '';

  beforeAll(async () => {
    if (!tf.ok) return;
    const stack = awsStack(undefined, 'secrets-plan');
    const props = { ...baseProps('flatcar'), image: AwsImage.pinned('ami-0123456789abcdef0'), secretsKmsKeyArn: KMS };
    new AwsDockerFleet(stack, 'web', { ...props, hostConfig: host(false) });
    new AwsDockerFleet(stack, 'big', { ...props, hostConfig: host(true), userDataBucket: 'my-bucket' });
    result = await terraformCheck(tf, stack, { plan: true });
    const out = await promisify(execFile)(tf.path!, ['show', '-no-color', 'plan.bin'],
      { cwd: result.dir, env: { ...process.env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' }, maxBuffer: 64 * 1024 * 1024 });
    text = out.stdout;
  });
  afterAll(() => removeRun(result));

  test('the plan text shows user data and the S3 config as (sensitive value), and no payload', () => {
    requireTools(tools);
    expect(text.match(/^\s+\+ user_data\s+= \(sensitive value\)$/gm)).toHaveLength(2);
    expect(text).toMatch(/^\s+\+ content_base64\s+= \(sensitive value\)$/m);
    // nothing of the payloads: not the env names, not the fetcher, not the parameter name
    for (const s of ['DB_PASSWORD', 'API_KEY', 'LOG_LEVEL', 'fetch-container-secrets', PARAM]) expect(text).not.toContain(s);
  });

  test('the plan JSON marks them sensitive too', () => {
    requireTools(tools);
    const changes = result!.plan.resource_changes.filter((r: any) => r.type === 'aws_launch_template' || r.type === 'aws_s3_object');
    expect(changes).toHaveLength(3);
    for (const c of changes) expect(c.change.after_sensitive[c.type === 'aws_s3_object' ? 'content_base64' : 'user_data']).toBe(true);
  });

  test('hop limit 1 and the secrets policies are planned', () => {
    requireTools(tools);
    const rs = plannedResources(result!.plan);
    for (const lt of rs.filter((r) => r.type === 'aws_launch_template')) expect(lt.values.metadata_options[0].http_put_response_hop_limit).toBe(1);
    const policies = rs.filter((r) => r.type === 'aws_iam_role_policy').map((r) => r.values.name).sort();
    expect(policies).toEqual(['read-container-secrets', 'read-container-secrets', 'read-ignition-config']);
  });
});
