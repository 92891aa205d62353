import { App, TerraformStack } from 'cdktf';
import { Architecture, AwsDockerFleet, ContainerOs, HostConfig, UpdatePolicy, Weekday } from '../../lib';
import { NETWORK, ExampleOptions, awsStack, image } from '../shared';

/**
 * Bottlerocket ECS hosts: the containers run as ECS daemon services (one task per host) in a
 * cluster the fleet creates, log to CloudWatch, and the hosts update one at a time in the
 * Sunday window, each drained in ECS before its reboot.
 */
export function awsBottlerocketEcs(app: App, o: ExampleOptions = {}): TerraformStack {
  const stack = awsStack(app, 'aws-bottlerocket-ecs', o);
  const host = new HostConfig({ sysctls: { 'vm.max_map_count': '262144' } });
  host.addContainer({
    name: 'web', image: 'nginx:1.27', ports: ['80:80'], environment: { NGINX_HOST: 'example.com' },
    // /var is on Bottlerocket's data volume: the root file system is read-only
    volumes: ['/var/lib/web:/usr/share/nginx/html:ro'],
  });
  host.addContainer({
    name: 'node-exporter', image: 'quay.io/prometheus/node-exporter:v1.8.2', ports: ['9100:9100'],
    volumes: ['/proc:/host/proc:ro', '/sys:/host/sys:ro'], command: ['--path.procfs=/host/proc', '--path.sysfs=/host/sys'],
    memoryReservationMiB: 64,
  });
  new AwsDockerFleet(stack, 'ecs', {
    os: ContainerOs.bottlerocket({ variant: 'aws-ecs-2' }),
    hostCount: 3,
    instanceType: 'm7g.large',
    architecture: Architecture.ARM64,
    ...NETWORK,
    image: image(o),
    hostConfig: host,
    ingressPorts: [80],
    updatePolicy: UpdatePolicy.maintenanceWindow({ days: [Weekday.SUNDAY], startTime: '03:00', durationMinutes: 120 }),
    containerLogRetentionDays: 90,
    dockerVolumeSizeGiB: 40,
  });
  return stack;
}
