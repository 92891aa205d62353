import { App, TerraformStack } from 'cdktf';
import { Architecture, AwsDockerFleet, ContainerOs, HostConfig, UpdatePolicy } from '../../lib';
import { NETWORK, ExampleOptions, awsStack, image } from '../shared';

/** Bottlerocket ECS hosts with a host container for node metrics. */
export function awsBottlerocketEcs(app: App, o: ExampleOptions = {}): TerraformStack {
  const stack = awsStack(app, 'aws-bottlerocket-ecs', o);
  const host = new HostConfig({ sysctls: { 'vm.max_map_count': '262144' } });
  host.addContainer({ name: 'node-exporter', image: 'quay.io/prometheus/node-exporter:v1.8.2' });
  new AwsDockerFleet(stack, 'ecs', {
    os: ContainerOs.bottlerocket({ variant: 'aws-ecs-2', ecsCluster: 'production' }),
    hostCount: 3,
    instanceType: 'm7g.large',
    architecture: Architecture.ARM64,
    ...NETWORK,
    image: image(o),
    hostConfig: host,
    updatePolicy: UpdatePolicy.immediate(),
    dockerVolumeSizeGiB: 40,
  });
  return stack;
}
