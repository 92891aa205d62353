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
  const oses: Array<[string, ContainerOs, string]> = [
    ['fcos', ContainerOs.fedoraCoreOs(), 'traefik/whoami:v1.10'],
    ['flatcar', ContainerOs.flatcar(), 'traefik/whoami:v1.10'],
    ['alpine', ContainerOs.alpine(), 'traefik/whoami:v1.10'],
    // Bottlerocket runs host containers: a fully qualified image, the image's own entrypoint.
    ['bottlerocket', ContainerOs.bottlerocket(), 'docker.io/traefik/whoami:v1.10'],
  ];
  for (const [id, os, img] of oses) {
    const host = new HostConfig({ sshAuthorizedKeys: [OPS_KEY] });
    host.addContainer({ name: 'whoami', image: img });
    const fleet = new AwsDockerFleet(stack, id, {
      os, hostCount: 1, instanceType: 't3.small', ...NETWORK, image: image(o), hostConfig: host, updatePolicy: window,
    });
    new TerraformOutput(stack, `${id}_comparison`, {
      value: { os: os.displayName, format: os.firstBootFormat, firstBootBytes: fleet.firstBootPayloadBytes, userDataBytes: fleet.userDataBytes },
    });
  }
  return stack;
}
