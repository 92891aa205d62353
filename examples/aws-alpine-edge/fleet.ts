import { App, TerraformStack } from 'cdktf';
import { Architecture, AwsDockerFleet, ContainerOs, HostConfig, UpdatePolicy, Weekday } from '../../lib';
import { NETWORK, OPS_KEY, ExampleOptions, awsStack, image } from '../shared';

/** A small Alpine edge fleet on Graviton (arm64) with a nightly maintenance window. */
export function awsAlpineEdge(app: App, o: ExampleOptions = {}): TerraformStack {
  const stack = awsStack(app, 'aws-alpine-edge', o);
  const host = new HostConfig({ sshAuthorizedKeys: [OPS_KEY], timeZone: 'UTC' });
  host.addContainer({ name: 'caddy', image: 'caddy:2.8', ports: ['80:80', '443:443'], volumes: ['caddy-data:/data'] });
  new AwsDockerFleet(stack, 'edge', {
    // The branch is pinned, so upgrading the library never moves the fleet to a new one; synth warns
    // once 3.25's community repository (Docker) is no longer supported: then move to the next branch.
    os: ContainerOs.alpine({ release: '3.25' }),
    architecture: Architecture.ARM64,
    hostCount: 2,
    instanceType: 't4g.small',
    ...NETWORK,
    image: image(o),
    hostConfig: host,
    updatePolicy: UpdatePolicy.maintenanceWindow({
      days: [Weekday.MONDAY, Weekday.TUESDAY, Weekday.WEDNESDAY, Weekday.THURSDAY, Weekday.FRIDAY, Weekday.SATURDAY, Weekday.SUNDAY],
      startTime: '03:00', durationMinutes: 60,
    }),
    ingressPorts: [80, 443],
  });
  return stack;
}
