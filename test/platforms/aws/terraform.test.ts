/**
 * Layer 3: every AWS stack goes through real Terraform (init from the local plugin directory,
 * validate, plan with fake credentials and pinned AMIs), and the planned user data is decoded
 * and checked with the real validators (ignition-validate, cloud-init schema, a TOML parser).
 */
import { gunzipSync } from 'zlib';
import { parse as parseToml } from 'smol-toml';
import { TerraformStack } from 'cdktf';
import { AwsDockerFleet, AwsDockerFleetProps, AwsImage, UserDataDelivery } from '../../../lib';
import {
  TerraformResult, findTerraform, planActionCounts, plannedResources, removeRun, terraformCheck,
} from '../../helpers/terraform';
import { describeWithTools, findTool, requireTools } from '../../helpers/tools';
import { expectValid } from '../../helpers/validators';
import { FirstBootFormat } from '../../../lib';
import { OS_KINDS, OsKind, awsStack, baseProps, hostFor, noise } from './aws-fixtures';

const tf = findTerraform();
const tools = [
  ['terraform', tf],
  ['ignition-validate', findTool('ignition-validate')],
  ['cloud-init', findTool('cloud-init')],
] as const;
const maybe = describeWithTools(tools);

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Runs jobs with limited concurrency; outcomes never reject (each test rethrows its own). */
function pool<T>(jobs: Array<() => Promise<T>>, limit: number): Array<Promise<Outcome<T>>> {
  let running = 0;
  const queue: Array<() => void> = [];
  const next = () => {
    running--;
    queue.shift()?.();
  };
  return jobs.map((job) => new Promise<Outcome<T>>((resolve) => {
    const start = () => {
      running++;
      job().then((value) => resolve({ ok: true, value }), (error) => resolve({ ok: false, error })).finally(next);
    };
    if (running < limit) start(); else queue.push(start);
  }));
}

async function outcome<T>(p: Promise<Outcome<T>> | undefined): Promise<T> {
  if (!p) throw new Error('the terraform run was not started');
  const o = await p;
  if (!o.ok) throw o.error;
  return o.value;
}

interface Case {
  readonly name: string;
  readonly plan: boolean;
  readonly build: () => { stack: TerraformStack; fleet: AwsDockerFleet };
}

function fleetStack(stackName: string, props: AwsDockerFleetProps): { stack: TerraformStack; fleet: AwsDockerFleet } {
  const stack = awsStack(undefined, stackName);
  const fleet = new AwsDockerFleet(stack, 'web', props);
  return { stack, fleet };
}

function pinnedProps(kind: OsKind): AwsDockerFleetProps {
  return {
    ...baseProps(kind),
    image: AwsImage.pinned('ami-0123456789abcdef0'),
    sshIngressCidrs: ['203.0.113.0/24', '2001:db8::/32'],
    ingressPorts: [80, 443],
    dockerVolumeSizeGiB: 40,
    tags: { team: 'platform' },
  };
}

const cases: Case[] = [
  ...OS_KINDS.map((kind) => ({ name: `pinned-${kind}`, plan: true, build: () => fleetStack(`pinned-${kind}`, pinnedProps(kind)) })),
  ...OS_KINDS.map((kind) => ({
    name: `latest-${kind}`, plan: false, build: () => fleetStack(`latest-${kind}`, { ...pinnedProps(kind), image: AwsImage.latest() }),
  })),
  {
    name: 'oversize-flatcar',
    plan: true,
    build: () => fleetStack('oversize-flatcar', {
      ...pinnedProps('flatcar'), hostConfig: hostFor('flatcar', { fileContent: noise(20 * 1024) }), userDataBucket: 'my-bucket',
    }),
  },
];

maybe('AwsDockerFleet through terraform and the real validators', () => {
  const runs: Record<string, Promise<Outcome<{ result: TerraformResult; fleet: AwsDockerFleet }>>> = {};

  beforeAll(() => {
    if (!tools.every(([, c]) => c.ok)) return;
    const started = pool(cases.map((c) => async () => {
      const { stack, fleet } = c.build();
      return { result: await terraformCheck(tf, stack, { plan: c.plan }), fleet };
    }), 3);
    cases.forEach((c, i) => (runs[c.name] = started[i]));
  });

  afterAll(async () => {
    for (const p of Object.values(runs)) {
      const o = await p;
      if (o.ok) removeRun(o.value.result);
    }
  });

  test.each(OS_KINDS)('a %s fleet with a pinned AMI plans offline and its planned user data passes the real validator', async (kind) => {
    requireTools(tools);
    const { result, fleet } = await outcome(runs[`pinned-${kind}`]);
    const resources = plannedResources(result.plan);
    const lt = resources.find((r) => r.type === 'aws_launch_template');
    expect(lt).toBeDefined();
    const userData = Buffer.from(lt!.values.user_data, 'base64');
    const payload = userData[0] === 0x1f && userData[1] === 0x8b ? gunzipSync(userData) : userData;
    expect(lt!.values.image_id).toBe('ami-0123456789abcdef0');
    expect(lt!.values.metadata_options[0]).toEqual(expect.objectContaining({ http_tokens: 'required', http_put_response_hop_limit: 1 }));
    validatePayload(kind, payload.toString('utf8'));
    const counts = planActionCounts(result.plan);
    // eslint-disable-next-line no-console
    console.log(`[aws-terraform] ${kind}: first-boot payload ${fleet.firstBootPayloadBytes} B, user data ${userData.length} B `
      + `(${fleet.userDataDelivery}, base64 ${lt!.values.user_data.length} chars); plan: ${JSON.stringify(counts)}, `
      + `types: ${resources.filter((r) => r.mode === 'managed').map((r) => r.type).sort().join(', ')}`);
    // ASG, launch template, security group, role, instance profile; Bottlerocket adds its two
    // managed-policy attachments (ECS, SSM), the cluster, log group, task definition and DAEMON
    // service, and the update window (window, target, task, runbook, its role and policy).
    expect(counts).toEqual({ create: kind === 'bottlerocket' ? 17 : 5 });
  });

  test.each(OS_KINDS)('a %s fleet with AwsImage.latest() passes terraform validate', async (kind) => {
    requireTools(tools);
    const { result } = await outcome(runs[`latest-${kind}`]);
    expect(result.validate.valid).toBe(true);
    expect(result.validate.error_count).toBe(0);
  });

  test('an oversize Flatcar config plans as an S3 object and the user data is a valid Ignition pointer', async () => {
    requireTools(tools);
    const { result, fleet } = await outcome(runs['oversize-flatcar']);
    expect(fleet.userDataDelivery).toBe(UserDataDelivery.S3_POINTER);
    const resources = plannedResources(result.plan);
    const lt = resources.find((r) => r.type === 'aws_launch_template')!;
    const pointer = Buffer.from(lt.values.user_data, 'base64').toString('utf8');
    expect(Buffer.byteLength(pointer)).toBeLessThan(1024);
    expect(JSON.parse(pointer).ignition.config.replace.source).toMatch(/^s3:\/\/my-bucket\/docker-fleet\/web-[0-9a-f]{6}\/[0-9a-f]{16}\.ign$/);
    validatePayload('flatcar', pointer);
    const obj = resources.find((r) => r.type === 'aws_s3_object')!;
    expect(obj.values.server_side_encryption).toBe('AES256');
    const full = Buffer.from(obj.values.content_base64, 'base64').toString('utf8');
    expect(Buffer.byteLength(full)).toBeGreaterThan(16384);
    validatePayload('flatcar', full);
    const policy = resources.find((r) => r.type === 'aws_iam_role_policy');
    expect(JSON.parse(policy!.values.policy).Statement).toEqual([
      { Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::my-bucket/${obj.values.key}` },
    ]);
    const counts = planActionCounts(result.plan);
    expect(counts).toEqual({ create: 7 }); // the five base resources + S3 object + inline role policy
    // eslint-disable-next-line no-console
    console.log(`[aws-terraform] oversize flatcar: first-boot payload ${fleet.firstBootPayloadBytes} B in S3, pointer user data ${fleet.userDataBytes} B; plan: ${JSON.stringify(counts)}`);
  });
});

function validatePayload(kind: OsKind, payload: string): void {
  switch (kind) {
    case 'fcos':
    case 'flatcar':
      expectValid([{ format: FirstBootFormat.IGNITION, content: payload }]);
      break;
    case 'alpine':
      expect(payload.split('\n')[0]).toBe('#alpine-config');
      expectValid([{ format: FirstBootFormat.ALPINE_CONFIG, content: payload }]);
      break;
    case 'bottlerocket': {
      const doc = parseToml(payload) as any;
      // the container is an ECS daemon service; the settings join its cluster and announce the fleet
      expect(doc.settings['host-containers'].web).toBeUndefined();
      expect(doc.settings.ecs).toMatchObject({ 'cluster': expect.stringMatching(/^web-[0-9a-f]{6}$/) });
      expect(doc.settings.ecs['instance-attributes']).toEqual({ 'cdktf-docker-fleet.fleet': doc.settings.ecs.cluster });
      expect(doc.settings.kernel.sysctl['vm.max_map_count']).toBe('262144');
      break;
    }
  }
}

