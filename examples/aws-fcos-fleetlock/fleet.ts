import { App, TerraformStack } from 'cdktf';
import { AwsDockerFleet, ContainerOs, FedoraCoreOsStream, HostConfig, UpdatePolicy } from '../../lib';
import { NETWORK, OPS_KEY, ExampleOptions, awsStack, image } from '../shared';

/** Fedora CoreOS hosts that take a FleetLock lock before rebooting, so one reboots at a time. */
export function awsFcosFleetLock(app: App, o: ExampleOptions = {}): TerraformStack {
  const stack = awsStack(app, 'aws-fcos-fleetlock', o);
  const host = new HostConfig({ sshAuthorizedKeys: [OPS_KEY] });
  host.addContainer({ name: 'api', image: 'ghcr.io/example/api:2.4.1', ports: ['8080:8080'], environment: { LOG_LEVEL: 'info' } });
  new AwsDockerFleet(stack, 'api', {
    os: ContainerOs.fedoraCoreOs({ stream: FedoraCoreOsStream.STABLE }),
    hostCount: 4,
    instanceType: 'm6i.large',
    ...NETWORK,
    image: image(o),
    hostConfig: host,
    updatePolicy: UpdatePolicy.fleetLock({ url: 'https://fleetlock.internal.example.com' }),
    ingressPorts: [8080],
    ingressCidrs: ['10.0.0.0/8'],
    dockerVolumeSizeGiB: 100,
  });
  return stack;
}
