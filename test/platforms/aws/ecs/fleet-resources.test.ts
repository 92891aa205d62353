/**
 * Bottlerocket as a real Docker host: the HostConfig's containers become ECS task
 * definitions and DAEMON services placed on exactly the fleet's hosts, the user data joins the
 * cluster, logs go to the fleet's log group, secrets to a task execution role scoped to them.
 */
import { parse as parseToml } from 'smol-toml';
import { AwsDockerFleet, ContainerOs, ContainerSecret, FleetConfigErrors, HostConfig, UpdatePolicy, Weekday } from '../../../../lib';
import { OS_KINDS, awsStack, baseProps, osOf, synthFleet, userDataOf, warningsOf } from '../aws-fixtures';
import { WEB_FLEET } from '../aws-fixtures';
import { Testing } from 'cdktf';
import { cloudConfig, cloudConfigFile } from '../../../helpers/payloads';
import { thrownCode } from '../../../helpers/error-codes';

const PARAM = '/prod/db/password';
const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/api-AbCdEf';

/** The test host: nginx on 80:80 with env and a volume. */
function nginxHost(): HostConfig {
  const h = new HostConfig();
  h.addContainer({ name: 'web', image: 'nginx:1.27', ports: ['80:80'], environment: { NGINX_HOST: 'example.com' }, volumes: ['/var/lib/web:/usr/share/nginx/html:ro'] });
  return h;
}

function resources(json: any, type: string): any[] {
  return Object.values(json.resource?.[type] ?? {});
}

function definitionsOf(json: any): any[] {
  return resources(json, 'aws_ecs_task_definition').map((t) => JSON.parse(t.container_definitions)[0]);
}


describe('one HostConfig on all four OSes', () => {
  test.each(OS_KINDS)('nginx on 80:80 with env and a volume synthesizes on %s', (kind) => {
    const { json } = synthFleet({ ...baseProps(kind), hostConfig: nginxHost() });
    expect(resources(json, 'aws_launch_template')).toHaveLength(1);
    // only Bottlerocket needs ECS for it
    expect(resources(json, 'aws_ecs_service')).toHaveLength(kind === 'bottlerocket' ? 1 : 0);
  });

  test.each(OS_KINDS)('only a fleet whose containers run as ECS services has fleet.ecs (%s)', (kind) => {
    const { fleet } = synthFleet({ ...baseProps(kind), hostConfig: nginxHost() });
    expect(fleet.ecs !== undefined).toBe(kind === 'bottlerocket');
  });
});

describe('Bottlerocket containers as ECS daemon services', () => {
  const { json, fleet } = synthFleet({ ...baseProps('bottlerocket'), hostConfig: nginxHost() });

  test('creates a cluster named after the fleet and exposes it', () => {
    expect(resources(json, 'aws_ecs_cluster').map((c) => c.name)).toEqual([WEB_FLEET]);
    expect(fleet.ecs?.cluster).toBeDefined();
    expect(fleet.ecs?.clusterName).toBe(WEB_FLEET);
    expect(fleet.ecs?.services).toHaveLength(1);
    expect(fleet.ecs?.containerLogGroup).toBeDefined();
  });

  test('keeps the fleet\'s former ECS members as aliases of fleet.ecs', () => {
    expect(fleet.ecsCluster).toBe(fleet.ecs?.cluster);
    expect(fleet.ecsClusterName).toBe(fleet.ecs?.clusterName);
    expect(fleet.ecsServices).toBe(fleet.ecs?.services);
    expect(fleet.containerLogGroup).toBe(fleet.ecs?.containerLogGroup);
    expect(fleet.updateMaintenanceWindow).toBe(fleet.ecs?.updateMaintenanceWindow);
  });

  test('user data names the cluster, the fleet attribute and the awslogs driver', () => {
    const toml = parseToml(userDataOf(json).toString('utf8')) as any;
    expect(toml.settings.ecs).toEqual({
      'cluster': WEB_FLEET,
      'instance-attributes': { 'cdktf-docker-fleet.fleet': WEB_FLEET },
      'logging-drivers': ['json-file', 'awslogs', 'none'],
    });
    expect(toml.settings['host-containers']?.web).toBeUndefined();
  });

  test('a change of a container rolls its DAEMON service over half of the hosts at a time', () => {
    const [service] = resources(json, 'aws_ecs_service');
    expect(service.deployment_minimum_healthy_percent).toBe(50);
  });

  test('a fleet of fewer than two hosts keeps minimum healthy 0, so its one task can be replaced', () => {
    const one = synthFleet({ ...baseProps('bottlerocket'), hostConfig: nginxHost(), hostCount: 1 }).json;
    expect(resources(one, 'aws_ecs_service')[0].deployment_minimum_healthy_percent).toBe(0);
  });

  test('a DAEMON service with launch type EC2, placed on this fleet\'s hosts only', () => {
    const [service] = resources(json, 'aws_ecs_service');
    expect(service).toMatchObject({
      name: `${WEB_FLEET}-web`, scheduling_strategy: 'DAEMON', launch_type: 'EC2',
      placement_constraints: [{ type: 'memberOf', expression: `attribute:cdktf-docker-fleet.fleet == ${WEB_FLEET}` }],
    });
    expect(service.capacity_provider_strategy).toBeUndefined();
    expect(service.desired_count).toBeUndefined();
  });

  test('the task definition maps ports, env, the volume and logs the way an ECS user writes them', () => {
    const [td] = resources(json, 'aws_ecs_task_definition');
    expect(td).toMatchObject({ family: `${WEB_FLEET}-web`, network_mode: 'bridge', requires_compatibilities: ['EC2'] });
    expect(td.execution_role_arn).toBeUndefined();
    expect(td.volume).toEqual([{ name: 'host-var-lib-web-0', host_path: '/var/lib/web' }]);
    const [c] = definitionsOf(json);
    expect(c).toMatchObject({
      name: 'web', image: 'nginx:1.27', essential: true, memoryReservation: 128,
      portMappings: [{ containerPort: 80, hostPort: 80, protocol: 'tcp' }],
      environment: [{ name: 'NGINX_HOST', value: 'example.com' }],
      mountPoints: [{ sourceVolume: 'host-var-lib-web-0', containerPath: '/usr/share/nginx/html', readOnly: true }],
      restartPolicy: { enabled: true, restartAttemptPeriod: 60 },
    });
    expect(c.logConfiguration.logDriver).toBe('awslogs');
    expect(c.logConfiguration.options['awslogs-stream-prefix']).toBe('web');
    expect(c.logConfiguration.options['awslogs-group']).toMatch(/^\$\{aws_cloudwatch_log_group\..*\.name\}$/);
    expect(c.logConfiguration.options['awslogs-region']).toMatch(/^\$\{data\.aws_region\..*\.name\}$/);
  });

  test('the log group keeps 30 days by default', () => {
    expect(resources(json, 'aws_cloudwatch_log_group')).toEqual([expect.objectContaining({ name: `/cdktf-docker-fleet/${WEB_FLEET}`, retention_in_days: 30 })]);
  });

  test('the instance role gets the ECS and SSM managed policies and no secrets policy', () => {
    const arns = resources(json, 'aws_iam_role_policy_attachment').map((a) => a.policy_arn.replace(/^arn:\$\{[^}]+\}/, 'arn:P'));
    expect(arns.sort()).toEqual(['arn:P:iam::aws:policy/AmazonSSMManagedInstanceCore', 'arn:P:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role']);
    expect(resources(json, 'aws_iam_role_policy').map((p) => p.name)).not.toContain('read-container-secrets');
  });

  test('no warnings for a host path on the data volume', () => {
    expect(warningsOf(fleet).join('\n')).not.toContain('read-only root');
  });
});

describe('Bottlerocket container secrets', () => {
  const h = new HostConfig();
  h.addContainer({
    name: 'app', image: 'ghcr.io/org/app:1.4',
    secrets: { DB_PASSWORD: ContainerSecret.fromSsmParameter(PARAM), API_KEY: ContainerSecret.fromSecretsManager(SECRET_ARN, { jsonKey: 'key' }) },
  });
  h.addContainer({ name: 'plain', image: 'ghcr.io/org/plain:1' });
  const { json } = synthFleet({ ...baseProps('bottlerocket'), hostConfig: h });

  test('map to the task definition\'s secrets with valueFrom (a JSON key appended to the ARN)', () => {
    const app = definitionsOf(json).find((c) => c.name === 'app');
    expect(app.secrets).toEqual([
      { name: 'API_KEY', valueFrom: `${SECRET_ARN}:key::` },
      { name: 'DB_PASSWORD', valueFrom: PARAM },
    ]);
    expect(JSON.stringify(definitionsOf(json))).not.toContain('environment');
  });

  test('only the task with secrets gets the execution role, which reads exactly those and writes the log group', () => {
    const tds = resources(json, 'aws_ecs_task_definition');
    expect(tds.find((t) => t.family === `${WEB_FLEET}-app`).execution_role_arn).toMatch(/aws_iam_role\..*TaskExecutionRole.*\.arn/);
    expect(tds.find((t) => t.family === `${WEB_FLEET}-plain`).execution_role_arn).toBeUndefined();
    const role = resources(json, 'aws_iam_role').find((r) => r.name_prefix === `${WEB_FLEET}-exec-`);
    expect(JSON.parse(role.assume_role_policy).Statement[0].Principal).toEqual({ Service: 'ecs-tasks.amazonaws.com' });
    // Terraform interpolations (with their own quotes) become X, so the rest parses as JSON
    const policy = JSON.parse(resources(json, 'aws_iam_role_policy').find((p) => p.name === 'secrets-and-logs').policy.replace(/\$\{[^}]*\}/g, 'X'));
    const bySid = Object.fromEntries(policy.Statement.map((s: any) => [s.Sid, s]));
    expect(bySid.ReadParameters.Action).toBe('ssm:GetParameters');
    expect(bySid.ReadParameters.Resource).toEqual([expect.stringMatching(/:parameter\/prod\/db\/password$/)]);
    expect(bySid.ReadSecrets).toMatchObject({ Action: 'secretsmanager:GetSecretValue', Resource: [SECRET_ARN] });
    expect(bySid.WriteContainerLogs.Action).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
    expect(bySid.WriteContainerLogs.Resource).toBe('X:*');
    expect(resources(json, 'aws_iam_role_policy').find((p) => p.name === 'secrets-and-logs').policy).toMatch(/"Resource":"\$\{aws_cloudwatch_log_group\.[^}]*\.arn\}:\*"/);
    expect(Object.keys(bySid).sort()).toEqual(['ReadParameters', 'ReadSecrets', 'WriteContainerLogs']);
  });
});

describe('port and volume mappings', () => {
  function definitionFor(c: Parameters<HostConfig['addContainer']>[0]): any {
    const h = new HostConfig();
    h.addContainer(c);
    return definitionsOf(synthFleet({ ...baseProps('bottlerocket'), hostConfig: h }).json)[0];
  }

  test('udp, ranges and a container-only port (a dynamic host port) map one mapping per port', () => {
    const c = definitionFor({ name: 'dns', image: 'coredns/coredns:1.11.1', ports: ['53:53/udp', '53:53', '9000-9002:9100-9102', '8080'] });
    expect(c.portMappings).toEqual([
      { containerPort: 53, hostPort: 53, protocol: 'udp' },
      { containerPort: 53, hostPort: 53, protocol: 'tcp' },
      { containerPort: 9100, hostPort: 9000, protocol: 'tcp' },
      { containerPort: 9101, hostPort: 9001, protocol: 'tcp' },
      { containerPort: 9102, hostPort: 9002, protocol: 'tcp' },
      { containerPort: 8080, hostPort: 0, protocol: 'tcp' },
    ]);
  });

  test('named and anonymous volumes, a command and a memory reservation', () => {
    const h = new HostConfig();
    h.addContainer({ name: 'db', image: 'postgres:16', volumes: ['pgdata:/var/lib/postgresql/data', '/scratch'], command: ['postgres', '-c', 'fsync=on'], memoryReservationMiB: 512 });
    const { json } = synthFleet({ ...baseProps('bottlerocket'), hostConfig: h });
    const [td] = resources(json, 'aws_ecs_task_definition');
    expect(td.volume).toEqual([
      { name: 'pgdata', docker_volume_configuration: { scope: 'shared', autoprovision: true, driver: 'local' } },
      { name: 'anonymous-1' },
    ]);
    expect(definitionsOf(json)[0]).toMatchObject({
      command: ['postgres', '-c', 'fsync=on'], memoryReservation: 512,
      mountPoints: [
        { sourceVolume: 'pgdata', containerPath: '/var/lib/postgresql/data', readOnly: false },
        { sourceVolume: 'anonymous-1', containerPath: '/scratch', readOnly: false },
      ],
    });
  });

  test('warns about a host path on the read-only root file system', () => {
    const h = new HostConfig();
    h.addContainer({ name: 'web', image: 'nginx:1.27', volumes: ['/srv/www:/usr/share/nginx/html:ro'] });
    const { fleet } = synthFleet({ ...baseProps('bottlerocket'), hostConfig: h });
    expect(warningsOf(fleet).join('\n')).toContain("hostConfig.containers[0].volumes[0]: '/srv/www' is on Bottlerocket's read-only root file system");
  });

  test.each([
    ['a host address in a port', { ports: ['127.0.0.1:9100:9100'] }, /ports\[0\]: got "127.0.0.1:9100:9100".*no host address: publish '9100:9100'/],
    ['an IPv6 host address', { ports: ['[::1]:80:80'] }, /ports\[0\].*no host address/],
    ['sctp', { ports: ['9000:9000/sctp'] }, /tcp or udp/],
    ['a host range of another length', { ports: ['8000-8010:80'] }, /same length/],
    ['an SELinux label on a volume', { volumes: ['/var/lib/x:/x:z'] }, /volumes\[0\].*no SELinux label.*: z/],
    ['a named volume with a dot', { volumes: ['my.data:/data'] }, /volumes\[0\].*ECS volume names/],
  ])('fails on %s', (_what, extra, msg) => {
    const h = new HostConfig();
    h.addContainer({ name: 'web', image: 'nginx:1.27', ...extra });
    const make = () => new AwsDockerFleet(awsStack(), 'web', { ...baseProps('bottlerocket'), hostConfig: h });
    expect(thrownCode(make)).toBe('ECS_CANNOT_EXPRESS');
    expect(make).toThrow(msg);
  });

  test('fails on a container name with a dot, which ECS refuses', () => {
    const h = new HostConfig();
    h.addContainer({ name: 'web.1', image: 'nginx:1.27' });
    expect(thrownCode(() => new AwsDockerFleet(awsStack(), 'web', { ...baseProps('bottlerocket'), hostConfig: h }))).toBe('ECS_CANNOT_EXPRESS');
  });
});

describe('clusters and logs', () => {
  test('joins an existing cluster named by the OS, creating none, with its ARN built from the region and account', () => {
    const { json, fleet } = synthFleet({ ...baseProps('bottlerocket'), os: ContainerOs.bottlerocket({ ecsCluster: 'shared' }), hostConfig: nginxHost() });
    expect(resources(json, 'aws_ecs_cluster')).toHaveLength(0);
    expect(fleet.ecs?.cluster).toBeUndefined();
    expect(fleet.ecs?.clusterName).toBe('shared');
    const [service] = resources(json, 'aws_ecs_service');
    expect(service.cluster).toMatch(/^arn:\$\{data\.aws_partition\..*\}:ecs:\$\{data\.aws_region\..*\.name\}:\$\{element\(split\(":", aws_iam_role\..*\.arn\), 4\)\}:cluster\/shared$/);
    expect((parseToml(userDataOf(json).toString('utf8')) as any).settings.ecs.cluster).toBe('shared');
  });

  test('two fleets in one shared cluster get distinct service names and placements', () => {
    const stack = awsStack(undefined, 'shared-cluster');
    const os = ContainerOs.bottlerocket({ ecsCluster: 'shared' });
    const blue = new AwsDockerFleet(stack, 'blue', { ...baseProps('bottlerocket'), os, hostConfig: nginxHost() });
    const green = new AwsDockerFleet(stack, 'green', { ...baseProps('bottlerocket'), os, hostConfig: nginxHost() });
    const services = resources(JSON.parse(Testing.synth(stack)), 'aws_ecs_service');
    expect(blue.fleetName).toMatch(/^blue-[0-9a-f]{6}$/);
    expect(services.map((s) => [s.name, s.placement_constraints[0].expression]).sort()).toEqual([
      [`${blue.fleetName}-web`, `attribute:cdktf-docker-fleet.fleet == ${blue.fleetName}`],
      [`${green.fleetName}-web`, `attribute:cdktf-docker-fleet.fleet == ${green.fleetName}`],
    ]);
  });

  test('no containers: a cluster to join, no log group, no services', () => {
    const { json } = synthFleet({ ...baseProps('bottlerocket'), hostConfig: new HostConfig() });
    expect(resources(json, 'aws_ecs_cluster')).toHaveLength(1);
    expect(resources(json, 'aws_cloudwatch_log_group')).toHaveLength(0);
    expect(resources(json, 'aws_ecs_service')).toHaveLength(0);
  });

  test('takes a log retention from the prop', () => {
    const { json } = synthFleet({ ...baseProps('bottlerocket'), hostConfig: nginxHost(), containerLogRetentionDays: 365 });
    expect(resources(json, 'aws_cloudwatch_log_group')[0].retention_in_days).toBe(365);
  });

  test('fails on a log retention CloudWatch does not offer', () => {
    expect(thrownCode(() => new AwsDockerFleet(awsStack(), 'web', { ...baseProps('bottlerocket'), containerLogRetentionDays: 10 }))).toBe('BAD_LOG_RETENTION');
  });

  test('warns that the log retention is ignored on an OS that runs its containers itself', () => {
    const { fleet } = synthFleet({ ...baseProps('flatcar'), containerLogRetentionDays: 7 });
    expect(warningsOf(fleet).join('\n')).toContain('containerLogRetentionDays is ignored');
  });

  test('the same input synthesizes byte-identical JSON', () => {
    const a = synthFleet({ ...baseProps('bottlerocket'), os: osOf('bottlerocket'), hostConfig: nginxHost() }, 'det').text;
    const b = synthFleet({ ...baseProps('bottlerocket'), os: osOf('bottlerocket'), hostConfig: nginxHost() }, 'det').text;
    expect(a).toBe(b);
  });
});

describe('memory reservation on the Docker OSes', () => {
  test.each(['fcos', 'flatcar', 'alpine'] as const)('%s passes --memory-reservation to docker run', (kind) => {
    const h = new HostConfig();
    h.addContainer({ name: 'web', image: 'nginx:1.27', memoryReservationMiB: 256 });
    const payload = osOf(kind).renderFirstBoot(h).content;
    const text = kind === 'alpine'
      ? cloudConfig(payload).write_files.map((f: any) => cloudConfigFile(payload, f.path)).join('\n')
      : JSON.stringify(JSON.parse(payload));
    expect(text).toContain('--memory-reservation=256m');
  });

  test('fails on a reservation below the 6 MiB Docker allows', () => {
    const h = new HostConfig();
    expect(thrownCode(() => h.addContainer({ name: 'web', image: 'nginx:1.27', memoryReservationMiB: 4 }))).toBe('NOT_AN_INTEGER');
  });
});

describe('Bottlerocket update policies on AWS', () => {
  const types = (json: any) => Object.keys(json.resource ?? {});

  test('the default policy (Sunday 03:00 for 2 hours) is enforced by an SSM maintenance window', () => {
    const { json, fleet } = synthFleet({ ...baseProps('bottlerocket'), hostConfig: nginxHost() });
    expect(fleet.ecs?.updateMaintenanceWindow).toBeDefined();
    expect(resources(json, 'aws_ssm_maintenance_window')[0]).toMatchObject({ schedule: 'cron(0 3 ? * SUN *)', duration: 2 });
    expect(warningsOf(fleet).join('\n')).not.toContain('NOT enforced');
  });

  test('fails on UpdatePolicy.immediate(): the hosts never update themselves, so nothing would apply it', () => {
    expect(thrownCode(() => synthFleet({ ...baseProps('bottlerocket'), hostConfig: nginxHost(), updatePolicy: UpdatePolicy.immediate() })))
      .toBe('UNSUPPORTED_POLICY');
  });

  test.each([
    ['disabled', UpdatePolicy.disabled(), 'updates are disabled'],
  ])('%s creates no window and says what happens instead', (_name, updatePolicy, warning) => {
    const { json, fleet } = synthFleet({ ...baseProps('bottlerocket'), hostConfig: nginxHost(), updatePolicy });
    expect(types(json)).not.toContain('aws_ssm_maintenance_window');
    expect(fleet.ecs?.updateMaintenanceWindow).toBeUndefined();
    expect(warningsOf(fleet).join('\n')).toContain(warning);
  });

  test('warns that a 90-minute window runs as two whole SSM hours', () => {
    const updatePolicy = UpdatePolicy.maintenanceWindow({ days: [Weekday.MONDAY, Weekday.THURSDAY], startTime: '02:30', durationMinutes: 90 });
    const { json, fleet } = synthFleet({ ...baseProps('bottlerocket'), hostConfig: nginxHost(), updatePolicy });
    expect(resources(json, 'aws_ssm_maintenance_window')[0]).toMatchObject({ schedule: 'cron(30 2 ? * MON,THU *)', duration: 2 });
    expect(warningsOf(fleet).join('\n')).toMatch(/90/);
  });

  test('fails on a window too short to update one host, with the other problems of the fleet', () => {
    const updatePolicy = UpdatePolicy.maintenanceWindow({ days: [Weekday.SUNDAY], startTime: '03:00', durationMinutes: 20 });
    let error: unknown;
    try {
      new AwsDockerFleet(awsStack(), 'web', { ...baseProps('bottlerocket'), hostConfig: nginxHost(), updatePolicy, hostCount: -1 });
    } catch (e) {
      error = e;
    }
    expect(FleetConfigErrors.codesOf(error).sort()).toEqual(['BOTTLEROCKET_WINDOW_TOO_SHORT', 'NOT_AN_INTEGER']);
  });

  test('fails on fleetLock, pointing at the window the fleet enforces', () => {
    const make = () => new AwsDockerFleet(awsStack(), 'web', { ...baseProps('bottlerocket'), updatePolicy: UpdatePolicy.fleetLock({ url: 'https://lock.example.com' }) });
    expect(thrownCode(make)).toBe('UNSUPPORTED_POLICY');
    expect(make).toThrow(/maintenanceWindow\(\), which AwsDockerFleet enforces/);
  });
});
