/**
 * AwsDockerSwarm: the construct (both Auto Scaling groups, parameter-path IAM with exact ARNs,
 * security-group rules, refresh settings, update slots, errors) and, for Fedora CoreOS, Flatcar
 * and Alpine, a 3-manager / 2-worker swarm through real `terraform validate` + `plan` offline.
 */
import { gunzipSync } from 'zlib';
import { App, TerraformStack, Testing } from 'cdktf';
import {
  AwsDockerSwarm, AwsDockerSwarmProps, AwsImage, ContainerOs, HostConfig, UpdatePolicy, Weekday,
} from '../../lib';
import { FleetConfigError } from '../../lib/core/fleet-config-error';
import { OFFLINE } from '../../examples/fleets';
import { swarmAws } from '../../examples/aws-swarm/fleet';
import { TerraformResult, findTerraform, planActionCounts, plannedResources, removeRun, terraformCheck } from '../helpers/terraform';
import { describeWithTools } from '../helpers/tools';
import { cloudConfigFile, ignitionFile } from '../helpers/payloads';
import { PINNED_AMI, SSH_KEY, SUBNETS, VPC, awsStack, unsensitive } from '../platforms/aws/aws-fixtures';

type Kind = 'fcos' | 'flatcar' | 'alpine';
const KINDS: Kind[] = ['fcos', 'flatcar', 'alpine'];
const osOf = (k: Kind) => (k === 'fcos' ? ContainerOs.fedoraCoreOs() : k === 'flatcar' ? ContainerOs.flatcar() : ContainerOs.alpine());

function props(kind: Kind, extra: Partial<AwsDockerSwarmProps> = {}): AwsDockerSwarmProps {
  const host = new HostConfig({ sshAuthorizedKeys: [SSH_KEY] });
  return {
    os: osOf(kind), managerCount: 3, workerCount: 2, instanceType: 't3.small', vpcId: VPC, subnetIds: SUBNETS,
    image: AwsImage.pinned(PINNED_AMI), hostConfig: host, sshIngressCidrs: ['203.0.113.0/24'], ingressPorts: [80], ...extra,
  };
}

function build(kind: Kind, extra: Partial<AwsDockerSwarmProps> = {}, name = `swarm-${kind}`): { stack: TerraformStack; swarm: AwsDockerSwarm; doc: any } {
  const stack = awsStack(undefined, name);
  const swarm = new AwsDockerSwarm(stack, 'lab', props(kind, extra));
  return { stack, swarm, doc: JSON.parse(Testing.synth(stack)) };
}

const byPrefix = (doc: any, type: string, prefix: string) => Object.entries(doc.resource[type] ?? {}).filter(([k]) => k.startsWith(prefix)).map(([, v]) => v as any);

describe('AwsDockerSwarm construct', () => {
  const { swarm, doc } = build('flatcar');

  test('a managers and a workers Auto Scaling group; managers refresh one at a time, new before old, held until joined', () => {
    const asgs = doc.resource.aws_autoscaling_group;
    expect(Object.keys(asgs).sort()).toEqual(['lab_managers_AutoScalingGroup_CDB0B32E', 'lab_workers_AutoScalingGroup_7A085218']);
    const m = asgs.lab_managers_AutoScalingGroup_CDB0B32E;
    expect(m.desired_capacity).toBe(3);
    expect(m.instance_refresh).toMatchObject({ strategy: 'Rolling', preferences: { min_healthy_percentage: 100, max_healthy_percentage: 134 } });
    expect(m.max_size).toBe(4); // 3 managers and one replacement; 134% of 3 rounds down to 4
    expect(m.instance_maintenance_policy).toEqual({ min_healthy_percentage: 100, max_healthy_percentage: 134 });
    expect(m.initial_lifecycle_hook).toEqual([{
      name: 'lab-manager-joined', lifecycle_transition: 'autoscaling:EC2_INSTANCE_LAUNCHING', default_result: 'ABANDON', heartbeat_timeout: 900,
    }]);
    const w = asgs.lab_workers_AutoScalingGroup_7A085218;
    expect(w.desired_capacity).toBe(2);
    expect(w.instance_refresh.preferences).toMatchObject({ min_healthy_percentage: 90 });
    expect(w.instance_refresh.preferences.max_healthy_percentage).toBeUndefined();
    expect(w.initial_lifecycle_hook).toBeUndefined();
  });

  test('outputs a complete command listing the managers (with the region) and the parameter path, under readable names', () => {
    expect(Object.keys(doc.output).filter((k) => !k.startsWith('lab_managers_') && !k.startsWith('lab_workers_')).sort())
      .toEqual(['lab_manager_addresses', 'lab_parameter_path']);
    expect(doc.output.lab_manager_addresses.value).toMatch(
      /^aws ec2 describe-instances --region \$\{data\.aws_region\.lab_Region_[0-9A-F]+\.name\} --filters Name=tag:aws:autoscaling:groupName,Values=\$\{aws_autoscaling_group\.lab_managers_AutoScalingGroup_CDB0B32E\.name\} Name=instance-state-name,Values=running --query /);
    expect(Object.keys(doc.output)).toContain('lab_managers_auto_scaling_group_name');
  });

  test('instance roles reach exactly the swarm\'s parameter path (exact ARNs); workers only read the worker token and the address', () => {
    const pol = doc.resource.aws_iam_role_policy;
    const arn = (role: string, suffix: string) => 'arn:${data.aws_partition.lab_Partition_847BCC48.partition}:ssm:${data.aws_region.lab_Region_E99F3F3A.name}:'
      + `\${element(split(":", aws_iam_role.${role}.arn), 4)}:parameter/docker-swarm/lab/${suffix}`;
    const managers = pol.lab_ManagersSwarmPolicy_E9DA22B5.policy;
    expect(managers).toContain(`"Action" = ["ssm:GetParameter", "ssm:PutParameter"], "Resource" = "${arn('lab_managers_InstanceRole_3319DB50', '*')}"`);
    expect(managers).toContain('"Action" = "autoscaling:CompleteLifecycleAction", "Resource" = aws_autoscaling_group.lab_managers_AutoScalingGroup_CDB0B32E.arn');
    expect(managers.match(/ssm:/g)).toHaveLength(3); // the two actions and the ARN's service: nothing else in SSM
    const workers = pol.lab_WorkersSwarmPolicy_A0A51CD5.policy;
    expect(workers).toContain(`"Action" = "ssm:GetParameter", "Resource" = ["${arn('lab_workers_InstanceRole_16AD41A1', 'worker-token')}", "${arn('lab_workers_InstanceRole_16AD41A1', 'manager-address')}"]`);
    expect(workers).not.toContain('PutParameter');
    expect(swarm.parameterPath).toBe('/docker-swarm/lab');
  });

  test('security groups: 2377 to managers from members only, 7946 tcp+udp and 4789 udp among members, nothing from the world', () => {
    const members = byPrefix(doc, 'aws_security_group', 'lab_MembersSecurityGroup')[0];
    const membersId = `\${aws_security_group.${Object.keys(doc.resource.aws_security_group).find((k) => k.startsWith('lab_MembersSecurityGroup'))}.id}`;
    const managersId = `\${aws_security_group.${Object.keys(doc.resource.aws_security_group).find((k) => k.startsWith('lab_ManagersSecurityGroup'))}.id}`;
    expect(members.ingress.map((r: any) => `${r.protocol}/${r.from_port}-${r.to_port} self=${r.self}`)).toEqual([
      'tcp/7946-7946 self=true', 'udp/7946-7946 self=true', 'udp/4789-4789 self=true',
    ]);
    const managers = byPrefix(doc, 'aws_security_group', 'lab_ManagersSecurityGroup')[0];
    expect(managers.ingress).toEqual([expect.objectContaining({ protocol: 'tcp', from_port: 2377, to_port: 2377, security_groups: [membersId] })]);
    for (const g of [members, managers]) {
      expect(g.egress).toEqual([]);
      for (const r of g.ingress) expect(r.cidr_blocks ?? []).toEqual([]);
    }
    const lts = doc.resource.aws_launch_template;
    const sgIds = (lt: any) => lt.network_interfaces[0].security_groups;
    expect(sgIds(lts.lab_managers_LaunchTemplate_EB7683A2)).toEqual(expect.arrayContaining([membersId, managersId]));
    expect(sgIds(lts.lab_workers_LaunchTemplate_D3261A17)).toContain(membersId);
    expect(sgIds(lts.lab_workers_LaunchTemplate_D3261A17)).not.toContain(managersId);
    // containers on bridge networks cannot reach the instance role (it reads the tokens)
    for (const lt of Object.values<any>(lts)) expect(lt.metadata_options.http_put_response_hop_limit).toBe(1);
  });

  test('encryptedOverlay opens IP protocol 50 among members', () => {
    const d = build('fcos', { encryptedOverlay: true }, 'esp').doc;
    expect(byPrefix(d, 'aws_security_group', 'lab_MembersSecurityGroup')[0].ingress).toContainEqual(expect.objectContaining({ protocol: '50', from_port: 0, to_port: 0, self: true }));
  });

  test('managers get non-overlapping windows cut from the user\'s; workers keep the user\'s policy', () => {
    expect(swarm.managerUpdatePolicies).toEqual([
      'maintenance-window SUNDAY 03:00 +30m', 'maintenance-window SUNDAY 03:40 +30m', 'maintenance-window SUNDAY 04:20 +30m',
    ]);
    const late = build('fcos', { updatePolicy: UpdatePolicy.maintenanceWindow({ days: [Weekday.SATURDAY], startTime: '23:30', durationMinutes: 90 }) }, 'late').swarm;
    expect(late.managerUpdatePolicies).toEqual([
      'maintenance-window SATURDAY 23:30 +20m', 'maintenance-window SUNDAY 00:00 +20m', 'maintenance-window SUNDAY 00:30 +20m',
    ]);
    const imm = build('alpine', { updatePolicy: UpdatePolicy.immediate(), managerCount: 5 }, 'imm').swarm;
    expect(imm.managerUpdatePolicies[1]).toBe('maintenance-window MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY 04:48 +278m');
  });

  test('the payloads carry the swarm scripts but no token', () => {
    for (const [key, lt] of Object.entries<any>(doc.resource.aws_launch_template)) {
      const raw = Buffer.from(unsensitive(lt.user_data), 'base64');
      const text = (raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw).toString('utf8');
      expect(text).toContain(key.includes('managers') ? 'docker-swarm-maintain.timer' : 'docker-swarm.service');
      expect(text).not.toMatch(/SWMTKN/);
    }
    expect(JSON.stringify(doc)).not.toMatch(/SWMTKN|SecureString.*value/);
  });

  test('the user\'s HostConfig is not changed, and is frozen', () => {
    const host = new HostConfig();
    const stack = awsStack(undefined, 'frozen');
    new AwsDockerSwarm(stack, 'lab', { ...props('fcos'), hostConfig: host });
    expect(host._toModel().files).toHaveLength(0);
    expect(() => host.addFile({ path: '/etc/x', content: 'x' })).toThrow(/lab/);
  });

  test.each(KINDS)('%s: every node\'s daemon.json turns live-restore off, which swarm mode requires', (kind) => {
    const { doc: d } = build(kind, {}, `live-restore-${kind}`);
    for (const [key, lt] of Object.entries<any>(d.resource.aws_launch_template)) {
      const raw = Buffer.from(unsensitive(lt.user_data), 'base64');
      const text = (raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw).toString('utf8');
      const daemon = text.startsWith('{') ? ignitionFile(text, '/etc/docker/daemon.json') : cloudConfigFile(text, '/etc/docker/daemon.json');
      expect([key, JSON.parse(daemon!)['live-restore']]).toEqual([key, false]);
    }
  });

  test('fails with live-restore turned on in the HostConfig, naming the setting and why', () => {
    const host = new HostConfig({ dockerDaemonSettings: { 'live-restore': true } });
    let err: FleetConfigError | undefined;
    try { new AwsDockerSwarm(awsStack(undefined, 'live-restore-on'), 'lab', { ...props('flatcar'), hostConfig: host }); } catch (e) { err = e as FleetConfigError; }
    expect(err?.code).toBe('SWARM_LIVE_RESTORE');
    expect(err?.message).toContain('hostConfig.dockerDaemonSettings.live-restore');
    expect(err?.message).toContain('incompatible with swarm mode');
  });

  test.each([2, 4, 7, 0])('%d managers is a clear error', (n) => {
    const stack = awsStack(undefined, `bad-${n}`);
    let err: FleetConfigError | undefined;
    try { new AwsDockerSwarm(stack, 'lab', props('fcos', { managerCount: n })); } catch (e) { err = e as FleetConfigError; }
    expect(err?.code).toBe('BAD_MANAGER_COUNT');
    expect(err?.message).toContain('expected 1, 3 or 5 managers');
  });

  test('Bottlerocket is a clear error', () => {
    const stack = awsStack(undefined, 'br');
    expect(() => new AwsDockerSwarm(stack, 'lab', { ...props('fcos'), hostConfig: undefined, os: ContainerOs.bottlerocket() }))
      .toThrow(expect.objectContaining({ code: 'SWARM_UNSUPPORTED_OS' }));
  });

  test('a window too short for one turn per manager is a clear error', () => {
    const stack = awsStack(undefined, 'short');
    expect(() => new AwsDockerSwarm(stack, 'lab', props('fcos', {
      managerCount: 5, updatePolicy: UpdatePolicy.maintenanceWindow({ days: [Weekday.SUNDAY], startTime: '03:00', durationMinutes: 60 }),
    }))).toThrow(expect.objectContaining({ code: 'SWARM_UPDATE_WINDOW_TOO_SHORT' }));
  });

  test('room for exactly one extra manager whatever the count (1: 200%, 5: 120%)', () => {
    expect(build('fcos', { managerCount: 5 }, 'five').swarm.maxHealthyPercentage).toBe(120);
    expect(build('fcos', { managerCount: 1 }, 'one').swarm.maxHealthyPercentage).toBe(200);
  });

  test('a large host config goes through userDataBucket (S3 pointer) on Ignition OSes', () => {
    const host = new HostConfig();
    host.addFile({ path: '/etc/app/big.txt', content: Array.from({ length: 2000 }, (_, i) => `line ${i} ${(i * 7919) % 104729}`).join('\n') });
    const { swarm: big } = build('flatcar', { hostConfig: host, userDataBucket: 'my-config-bucket' }, 'big');
    expect(big.managers.userDataDelivery).toBe('s3-pointer');
    expect(big.workers!.userDataDelivery).toBe('s3-pointer');
  });

  test('no workers: one Auto Scaling group, no workers policy', () => {
    const d = build('alpine', { workerCount: undefined, managerCount: 1 }, 'solo').doc;
    expect(Object.keys(d.resource.aws_autoscaling_group)).toHaveLength(1);
    expect(Object.keys(d.resource.aws_iam_role_policy)).toEqual(['lab_ManagersSwarmPolicy_E9DA22B5']);
  });
});

const tf = findTerraform();
describeWithTools([['terraform', tf]])('AwsDockerSwarm through terraform validate + plan (offline, pinned AMIs)', () => {
  const results: TerraformResult[] = [];
  afterAll(() => results.forEach(removeRun));

  test.each(KINDS)('a 3-manager / 2-worker %s swarm validates and plans', async (kind) => {
    const { stack } = build(kind, {}, `tf-swarm-${kind}`);
    const started = Date.now();
    const result = await terraformCheck(tf, stack, { plan: true });
    results.push(result);
    const resources = plannedResources(result.plan);
    const asgs = resources.filter((r) => r.type === 'aws_autoscaling_group');
    expect(asgs).toHaveLength(2);
    const managers = asgs.find((r) => r.address.includes('managers'))!;
    expect(managers.values.desired_capacity).toBe(3);
    expect(managers.values.instance_refresh[0].preferences[0]).toEqual(expect.objectContaining({ min_healthy_percentage: 100, max_healthy_percentage: 134 }));
    expect(managers.values.instance_maintenance_policy).toEqual([{ min_healthy_percentage: 100, max_healthy_percentage: 134 }]);
    expect(managers.values.initial_lifecycle_hook).toEqual([expect.objectContaining({ name: 'lab-manager-joined', default_result: 'ABANDON' })]);
    expect(asgs.find((r) => r.address.includes('workers'))!.values.desired_capacity).toBe(2);
    const ingress = resources.filter((r) => r.type === 'aws_security_group').flatMap((r) => r.values.ingress);
    expect(ingress.filter((r: any) => [2377, 7946, 4789].includes(r.from_port)).every((r: any) => r.cidr_blocks.length === 0)).toBe(true);
    expect(JSON.stringify(result.plan)).not.toMatch(/SWMTKN/);
    const counts = planActionCounts(result.plan);
    // eslint-disable-next-line no-console
    console.log(`[swarm-terraform] ${kind}: plan ${JSON.stringify(counts)} in ${Date.now() - started} ms`);
    expect(counts.create).toBeGreaterThan(10);
  }, 300_000);

  test('the aws-swarm example validates and plans', async () => {
    const stack = swarmAws(new App({ outdir: Testing.app().outdir }), OFFLINE);
    const result = await terraformCheck(tf, stack, { plan: true });
    results.push(result);
    const counts = planActionCounts(result.plan);
    // eslint-disable-next-line no-console
    console.log(`[swarm-terraform] example aws-swarm: plan ${JSON.stringify(counts)}`);
    expect(plannedResources(result.plan).filter((r) => r.type === 'aws_autoscaling_group')).toHaveLength(2);
  }, 300_000);
});
