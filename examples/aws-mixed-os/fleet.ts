import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { AwsDockerFleet, ContainerOs, HostConfig, UpdatePolicy, Weekday } from '../../lib';
import { NETWORK, OPS_KEY, ExampleOptions, awsStack, image } from '../shared';

/**
 * One stack, the same container on each OS, side by side: one host per OS, and outputs that
 * compare what each OS needs to express it (format, first-boot bytes, user-data bytes).
 */
export function awsMixedOs(app: App, o: ExampleOptions = {}): TerraformStack {
  const stack = awsStack(app, 'aws-mixed-os', o);
  const window = UpdatePolicy.maintenanceWindow({ days: [Weekday.SUNDAY], startTime: '04:00', durationMinutes: 60 });
  const oses: Array<[string, ContainerOs]> = [
    ['fcos', ContainerOs.fedoraCoreOs()],
    ['flatcar', ContainerOs.flatcar()],
    ['alpine', ContainerOs.alpine()],
    // Bottlerocket runs it as an ECS daemon service (the fleet creates the cluster, task and service).
    ['bottlerocket', ContainerOs.bottlerocket()],
  ];
  for (const [id, os] of oses) {
    const host = new HostConfig({ sshAuthorizedKeys: [OPS_KEY] });
    host.addContainer({ name: 'whoami', image: 'traefik/whoami:v1.10', ports: ['80:80'], environment: { WHOAMI_NAME: id }, volumes: ['whoami-data:/data'] });
    const fleet = new AwsDockerFleet(stack, id, {
      os, hostCount: 1, instanceType: 't3.small', ...NETWORK, image: image(o), hostConfig: host, updatePolicy: window, ingressPorts: [80],
    });
    new TerraformOutput(stack, `${id}_comparison`, {
      value: { os: os.displayName, format: os.firstBootFormat, firstBootBytes: fleet.firstBootPayloadBytes, userDataBytes: fleet.userDataBytes },
    });
  }
  return stack;
}
