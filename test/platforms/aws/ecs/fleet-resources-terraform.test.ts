/**
 * Issue 18 through real Terraform (offline init from the plugin mirror, validate, plan, show):
 * a Bottlerocket fleet whose container publishes 80:80 with env and a volume, and one with
 * secrets, plans a cluster, task definitions with the port mapping, DAEMON services with launch
 * type EC2, the roles scoped as designed, and user data whose TOML names the cluster.
 */
import { parse as parseToml } from 'smol-toml';
import { AwsDockerFleet, AwsImage, ContainerOs, ContainerSecret, HostConfig, UpdatePolicy, Weekday } from '../../../../lib';
import { TerraformResult, findTerraform, plannedResources, removeRun, terraformCheck } from '../../../helpers/terraform';
import { describeWithTools, requireTools } from '../../../helpers/tools';
import { awsStack, baseProps } from '../aws-fixtures';

const tf = findTerraform();
const tools = [['terraform', tf]] as const;
jest.setTimeout(300_000);

describeWithTools(tools)('a Bottlerocket ECS fleet through terraform plan', () => {
  let result: TerraformResult | undefined;
  let planned: ReturnType<typeof plannedResources> = [];
  const of = (type: string) => planned.filter((r) => r.type === type);

  beforeAll(async () => {
    if (!tf.ok) return;
    const stack = awsStack(undefined, 'bottlerocket-ecs-plan');
    const host = new HostConfig();
    host.addContainer({ name: 'web', image: 'nginx:1.27', ports: ['80:80'], environment: { NGINX_HOST: 'example.com', TEMPLATE: '${file("/etc/passwd")} %{if true}x%{endif}' }, volumes: ['/var/lib/web:/usr/share/nginx/html:ro'] });
    host.addContainer({ name: 'app', image: 'ghcr.io/org/app:1.4', volumes: ['appdata:/data'], secrets: { DB_PASSWORD: ContainerSecret.fromSsmParameter('/prod/db/password') } });
    new AwsDockerFleet(stack, 'ecs', {
      ...baseProps('bottlerocket'), name: 'ecs', os: ContainerOs.bottlerocket(), image: AwsImage.pinned('ami-0123456789abcdef0'), hostConfig: host, ingressPorts: [80],
      updatePolicy: UpdatePolicy.maintenanceWindow({ days: [Weekday.SUNDAY], startTime: '03:00', durationMinutes: 120 }),
    });
    result = await terraformCheck(tf, stack, { plan: true });
    planned = plannedResources(result.plan);
  });
  afterAll(() => removeRun(result));

  test('plans the cluster and user data whose TOML names it', () => {
    requireTools(tools);
    expect(of('aws_ecs_cluster').map((r) => r.values.name)).toEqual(['ecs']);
    const [lt] = of('aws_launch_template');
    const toml = parseToml(Buffer.from(lt.values.user_data, 'base64').toString('utf8')) as any;
    expect(toml.settings.ecs.cluster).toBe('ecs');
    expect(toml.settings.ecs['instance-attributes']).toEqual({ 'cdktf-docker-fleet.fleet': 'ecs' });
  });

  test('plans the task definitions with the port mapping, env, volumes and awslogs in the provider region', () => {
    requireTools(tools);
    const tds = Object.fromEntries(of('aws_ecs_task_definition').map((r) => [r.values.family, r.values]));
    expect(Object.keys(tds).sort()).toEqual(['ecs-app', 'ecs-web']);
    const web = JSON.parse(tds['ecs-web'].container_definitions)[0];
    expect(web.portMappings).toEqual([{ containerPort: 80, hostPort: 80, protocol: 'tcp' }]);
    // Terraform template syntax in a value reaches ECS literally, not evaluated
    expect(web.environment).toEqual([{ name: 'NGINX_HOST', value: 'example.com' }, { name: 'TEMPLATE', value: '${file("/etc/passwd")} %{if true}x%{endif}' }]);
    expect(web.logConfiguration.options['awslogs-region']).toBe('us-east-1');
    expect(web.logConfiguration.options['awslogs-group']).toBe('/cdktf-docker-fleet/ecs');
    expect(tds['ecs-web'].network_mode).toBe('bridge');
    expect(tds['ecs-web'].volume.map((v: any) => v.host_path)).toEqual(['/var/lib/web']);
    expect(tds['ecs-app'].volume[0].docker_volume_configuration[0]).toMatchObject({ scope: 'shared', autoprovision: true, driver: 'local' });
    expect(JSON.parse(tds['ecs-app'].container_definitions)[0].secrets).toEqual([{ name: 'DB_PASSWORD', valueFrom: '/prod/db/password' }]);
  });

  test('plans DAEMON services with launch type EC2 and the fleet placement constraint', () => {
    requireTools(tools);
    const services = of('aws_ecs_service');
    expect(services.map((s) => s.values.name).sort()).toEqual(['ecs-app', 'ecs-web']);
    for (const s of services) {
      expect(s.values).toMatchObject({ scheduling_strategy: 'DAEMON', launch_type: 'EC2' });
      expect(s.values.placement_constraints).toEqual([{ type: 'memberOf', expression: 'attribute:cdktf-docker-fleet.fleet == ecs' }]);
    }
  });

  test('plans the log group and an execution role trusted by ECS tasks only', () => {
    requireTools(tools);
    expect(of('aws_cloudwatch_log_group').map((r) => [r.values.name, r.values.retention_in_days])).toEqual([['/cdktf-docker-fleet/ecs', 30]]);
    const exec = of('aws_iam_role').find((r) => r.values.name_prefix === 'ecs-exec-')!;
    expect(JSON.parse(exec.values.assume_role_policy).Statement).toEqual([
      { Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' },
    ]);
  });

  test('plans the SSM maintenance window at the window\'s start, one host at a time, targeting the fleet tag the hosts carry', () => {
    requireTools(tools);
    const [mw] = of('aws_ssm_maintenance_window');
    expect(mw.values).toMatchObject({ schedule: 'cron(0 3 ? * SUN *)', schedule_timezone: 'UTC', duration: 2 });
    const [task] = of('aws_ssm_maintenance_window_task');
    expect(task.values).toMatchObject({ task_type: 'AUTOMATION', max_concurrency: '1', max_errors: '0' });
    const [target] = of('aws_ssm_maintenance_window_target');
    expect(target.values.targets).toEqual([{ key: 'tag:cdktf-docker-fleet:fleet', values: ['ecs'] }]);
    const [lt] = of('aws_launch_template');
    const instanceTags = lt.values.tag_specifications.find((t: any) => t.resource_type === 'instance').tags;
    expect(instanceTags['cdktf-docker-fleet:fleet']).toBe('ecs');
    expect(of('aws_ssm_document').map((d) => d.values.document_type)).toEqual(['Automation']);
  });
});
