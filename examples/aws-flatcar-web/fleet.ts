import { App, TerraformStack } from 'cdktf';
import { AwsDockerFleet, ContainerOs, FlatcarChannel, UpdatePolicy, Weekday } from '../../lib';
import { NETWORK, ExampleOptions, awsStack, image, webHost } from '../shared';

/** Three Flatcar stable hosts behind port 80 that reboot for updates only on Saturday night. */
export function awsFlatcarWeb(app: App, o: ExampleOptions = {}): TerraformStack {
  const stack = awsStack(app, 'aws-flatcar-web', o);
  new AwsDockerFleet(stack, 'web', {
    os: ContainerOs.flatcar({ channel: FlatcarChannel.STABLE }),
    hostCount: 3,
    instanceType: 't3.small',
    ...NETWORK,
    image: image(o),
    hostConfig: webHost(),
    updatePolicy: UpdatePolicy.maintenanceWindow({ days: [Weekday.SATURDAY], startTime: '22:00', durationMinutes: 120 }),
    ingressPorts: [80],
    dockerVolumeSizeGiB: 50,
  });
  return stack;
}
