import { App, TerraformStack } from 'cdktf';
import { AwsDockerSwarm, ContainerOs, HostConfig, UpdatePolicy, Weekday } from '../../lib';
import { NETWORK, OPS_KEY, ExampleOptions, awsStack, image } from '../shared';

/**
 * A Flatcar Docker Swarm: 3 managers (one may fail without losing quorum) and 2 workers, formed
 * at first boot. Managers reboot for updates one at a time inside Sunday 02:00-04:00 UTC; the
 * workers use the whole window. Deploy a stack to it as README "Swarm" shows.
 */
export function swarmAws(app: App, o: ExampleOptions = {}): TerraformStack {
  const stack = awsStack(app, 'aws-swarm', o);
  new AwsDockerSwarm(stack, 'swarm', {
    os: ContainerOs.flatcar(),
    managerCount: 3,
    workerCount: 2,
    instanceType: 't3.small',
    ...NETWORK,
    image: image(o),
    hostConfig: new HostConfig({ sshAuthorizedKeys: [OPS_KEY] }),
    updatePolicy: UpdatePolicy.maintenanceWindow({ days: [Weekday.SUNDAY], startTime: '02:00', durationMinutes: 120 }),
    // SSH from the operators' network: `docker -H ssh://core@<manager>` deploys stacks.
    sshIngressCidrs: ['203.0.113.0/24'],
    // the routing mesh publishes service ports on every node
    ingressPorts: [80],
    encryptedOverlay: true,
  });
  return stack;
}
