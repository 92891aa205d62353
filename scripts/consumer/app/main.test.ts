import 'cdktf/lib/testing/adapters/jest'; // types of the Testing matchers (registered in setup.js)
import { Testing } from 'cdktf';
import { AutoscalingGroup } from '@cdktf/provider-aws/lib/autoscaling-group';
import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { LabStack, WebStack } from './main';

describe('the consumer app', () => {
  test('AWS: a rolling Auto Scaling group of three Flatcar hosts with IMDSv2', () => {
    const stack = new WebStack(Testing.app(), 'consumer-aws');
    const synth = Testing.synth(stack);
    expect(synth).toHaveResourceWithProperties(AutoscalingGroup, { desired_capacity: 3, min_size: 3, max_size: 3 });
    expect(synth).toHaveResourceWithProperties(LaunchTemplate, {
      image_id: 'ami-0123456789abcdef0',
      instance_type: 't3.small',
      metadata_options: expect.objectContaining({ http_tokens: 'required' }),
    });
    expect(synth).toHaveResource(SecurityGroup);
    const [template] = Object.values(JSON.parse(synth).resource.aws_launch_template) as Array<{ user_data: string }>;
    // user_data is `${sensitive("<base64>")}`: plans show (sensitive value) instead of the payload
    const base64 = JSON.parse(/^\$\{sensitive\((".*")\)\}$/s.exec(template.user_data)![1]) as string;
    const ignition = JSON.parse(Buffer.from(base64, 'base64').toString('utf8'));
    expect(ignition.ignition.version).toBe('3.3.0');
    expect(synth).toMatchSnapshot();
  });

  test('libvirt: two Alpine domains from the bundled libvirt 0.9.7 bindings', () => {
    const stack = new LabStack(Testing.app(), 'consumer-libvirt');
    const synth = JSON.parse(Testing.synth(stack));
    expect(synth.terraform.required_providers.libvirt).toEqual({ source: 'dmacvicar/libvirt', version: '0.9.7' });
    expect(Object.keys(synth.resource.libvirt_domain)).toHaveLength(1);
    expect(Testing.synth(stack)).toMatchSnapshot();
  });
});
