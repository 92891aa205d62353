import { createHash } from 'crypto';
import { gunzipSync } from 'zlib';
import { TerraformOutput, TerraformVariable, Testing, Token } from 'cdktf';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { AutoscalingGroup } from '@cdktf/provider-aws/lib/autoscaling-group';
import { DataAwsAmi } from '@cdktf/provider-aws/lib/data-aws-ami';
import { DataAwsSsmParameter } from '@cdktf/provider-aws/lib/data-aws-ssm-parameter';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template';
import { S3Object } from '@cdktf/provider-aws/lib/s3-object';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import {
  Architecture, AwsDockerFleet, AwsImage, HostConfig, UpdatePolicy, UserDataDelivery,
} from '../../../lib';
import { instanceTypeArchitecture } from '../../../lib/platforms/aws/aws-checks';
import {
  OS_KINDS, OS_LABEL, PINNED_AMI, SUBNETS, VPC, awsStack, baseProps, hostFor, noise, only, osOf, synthFleet, unsensitive, userDataOf, warningsOf, WEB_FLEET,
} from './aws-fixtures';

describe('AwsDockerFleet launch template', () => {
  test('boots the pinned AMI with the rendered first-boot payload as base64 user data', () => {
    const props = baseProps('flatcar');
    const { text, json } = synthFleet(props);
    expect(text).toHaveResourceWithProperties(LaunchTemplate, { image_id: PINNED_AMI, instance_type: 't3.small' });
    const expected = osOf('flatcar').renderFirstBoot(hostFor('flatcar')).content;
    expect(userDataOf(json).toString('utf8')).toBe(expected);
  });

  test('ignores image changes and updates the default version', () => {
    const { text } = synthFleet(baseProps('fcos'));
    expect(text).toHaveResourceWithProperties(LaunchTemplate, {
      lifecycle: { ignore_changes: ['image_id'] },
      update_default_version: true,
    });
  });

  test('requires IMDSv2 with hop limit 1 (bridge-networked containers cannot reach IMDS)', () => {
    const { text } = synthFleet(baseProps('alpine'));
    expect(text).toHaveResourceWithProperties(LaunchTemplate, {
      metadata_options: { http_endpoint: 'enabled', http_tokens: 'required', http_put_response_hop_limit: 1 },
    });
  });

  test('takes a custom metadata hop limit', () => {
    const { json } = synthFleet({ ...baseProps('alpine'), metadataHopLimit: 2 });
    expect(only(json, 'aws_launch_template').metadata_options.http_put_response_hop_limit).toBe(2);
  });

  test('gives hosts no public IP and the fleet security group by default', () => {
    const { json } = synthFleet(baseProps('flatcar'));
    const nic = only(json, 'aws_launch_template').network_interfaces;
    expect(nic).toEqual([{
      associate_public_ip_address: 'false',
      delete_on_termination: 'true',
      device_index: 0,
      security_groups: [expect.stringMatching(/^\$\{aws_security_group\.[^.]+\.id\}$/)],
    }]);
  });

  test('adds a public IP, a key pair and extra security groups when asked', () => {
    const { json } = synthFleet({
      ...baseProps('flatcar'), associatePublicIpAddress: true, keyName: 'ops', additionalSecurityGroupIds: ['sg-0123456789abcdef0'],
    });
    const lt = only(json, 'aws_launch_template');
    expect(lt.key_name).toBe('ops');
    expect(lt.network_interfaces[0].associate_public_ip_address).toBe('true');
    expect(lt.network_interfaces[0].security_groups[1]).toBe('sg-0123456789abcdef0');
  });

  test.each(OS_KINDS)('sizes an encrypted gp3 root volume at the %s image minimum by default (Alpine: 8 GiB)', (kind) => {
    const { json } = synthFleet(baseProps(kind));
    const lookup = osOf(kind).awsImage();
    expect(only(json, 'aws_launch_template').block_device_mappings[0]).toEqual({
      device_name: lookup.rootDeviceName,
      ebs: { delete_on_termination: 'true', encrypted: 'true', volume_size: kind === 'alpine' ? 8 : lookup.minRootSizeGiB, volume_type: 'gp3' },
    });
  });

  test('uses the requested root volume size', () => {
    const { json } = synthFleet({ ...baseProps('fcos'), rootVolumeSizeGiB: 40 });
    expect(only(json, 'aws_launch_template').block_device_mappings[0].ebs.volume_size).toBe(40);
  });

  test('attaches the instance profile and tags instances and volumes with the fleet name', () => {
    const { text } = synthFleet({ ...baseProps('flatcar'), name: 'web-fleet', tags: { team: 'ops' } });
    expect(text).toHaveResourceWithProperties(LaunchTemplate, {
      iam_instance_profile: { arn: expect.stringMatching(/aws_iam_instance_profile\.[^.]+\.arn/) },
      tag_specifications: [
        { resource_type: 'instance', tags: { Name: 'web-fleet', team: 'ops' } },
        { resource_type: 'volume', tags: { Name: 'web-fleet', team: 'ops' } },
      ],
      name_prefix: 'web-fleet-',
    });
  });
});

describe('AwsDockerFleet images', () => {
  test('looks up the newest Flatcar AMI by owner, name and architecture', () => {
    const { text, json } = synthFleet({ ...baseProps('flatcar'), image: AwsImage.latest() });
    expect(text).toHaveDataSourceWithProperties(DataAwsAmi, {
      owners: ['075585003325'],
      most_recent: true,
      filter: expect.arrayContaining([
        { name: 'name', values: ['Flatcar-stable-*'] },
        { name: 'architecture', values: ['x86_64'] },
      ]),
    });
    expect(only(json, 'aws_launch_template').image_id).toMatch(/^\$\{data\.aws_ami\.[^.]+\.id\}$/);
  });

  test('looks up Fedora CoreOS by its description filter', () => {
    const { text } = synthFleet({ ...baseProps('fcos'), image: AwsImage.latest() });
    expect(text).toHaveDataSourceWithProperties(DataAwsAmi, {
      owners: ['125523088429'],
      filter: expect.arrayContaining([{ name: 'description', values: ['Fedora CoreOS stable *'] }]),
    });
  });

  test('reads Bottlerocket AMIs from the public SSM parameter', () => {
    const { text, json } = synthFleet({ ...baseProps('bottlerocket'), image: AwsImage.latest() });
    expect(text).toHaveDataSourceWithProperties(DataAwsSsmParameter, { name: '/aws/service/bottlerocket/aws-ecs-2/x86_64/latest/image_id' });
    expect(only(json, 'aws_launch_template').image_id).toMatch(/^\$\{data\.aws_ssm_parameter\.[^.]+\.insecure_value\}$/);
  });

  test('selects arm64 images for architecture arm64', () => {
    const fc = synthFleet({ ...baseProps('flatcar'), image: AwsImage.latest(), architecture: Architecture.ARM64, instanceType: 'm7g.large' });
    expect(fc.text).toHaveDataSourceWithProperties(DataAwsAmi, { filter: expect.arrayContaining([{ name: 'architecture', values: ['arm64'] }]) });
    const br = synthFleet({ ...baseProps('bottlerocket'), image: AwsImage.latest(), architecture: Architecture.ARM64, instanceType: 't4g.small' });
    expect(br.text).toHaveDataSourceWithProperties(DataAwsSsmParameter, { name: '/aws/service/bottlerocket/aws-ecs-2/arm64/latest/image_id' });
  });

  test('accepts the architecture as a plain string from JavaScript', () => {
    expect(() => synthFleet({ ...baseProps('alpine'), architecture: 'arm64' as Architecture, instanceType: 'c7gn.large' })).not.toThrow();
  });

  test.each([
    ['t4g.small', 'arm64'], ['m6g.large', 'arm64'], ['m7gd.xlarge', 'arm64'], ['c7gn.large', 'arm64'], ['r8g.medium', 'arm64'],
    ['x2gd.large', 'arm64'], ['im4gn.large', 'arm64'], ['is4gen.large', 'arm64'], ['a1.large', 'arm64'], ['g5g.xlarge', 'arm64'],
    ['t3.small', 'x86_64'], ['m7i-flex.large', 'x86_64'], ['g4dn.xlarge', 'x86_64'], ['c6in.large', 'x86_64'], ['x2iedn.xlarge', 'x86_64'],
    ['u-6tb1.metal', 'x86_64'], ['g6e.xlarge', 'x86_64'],
  ])('classifies %s as %s', (type, arch) => {
    expect(instanceTypeArchitecture(type)).toBe(arch);
  });
});

describe('AwsDockerFleet Docker data volume', () => {
  test('attaches an encrypted gp3 /dev/xvdb that Flatcar formats by name and that goes with its instance', () => {
    const { json } = synthFleet({ ...baseProps('flatcar'), dockerVolumeSizeGiB: 100 });
    expect(only(json, 'aws_launch_template').block_device_mappings[1]).toEqual({
      device_name: '/dev/xvdb',
      ebs: { delete_on_termination: 'true', encrypted: 'true', volume_size: 100, volume_type: 'gp3' },
    });
    const ign = JSON.parse(userDataOf(json).toString('utf8'));
    expect(ign.storage.filesystems).toEqual([expect.objectContaining({ device: '/dev/xvdb', format: 'ext4', label: 'docker-data' })]);
  });

  test('keeps (orphans) the data volume on termination when asked', () => {
    const { json } = synthFleet({ ...baseProps('flatcar'), dockerVolumeSizeGiB: 20, deleteDataVolumeOnTermination: false });
    expect(only(json, 'aws_launch_template').block_device_mappings[1].ebs.delete_on_termination).toBe('false');
  });

  test.each(['fcos', 'alpine'] as const)('lets %s find the data volume at boot by its EBS model', (kind) => {
    const { json } = synthFleet({ ...baseProps(kind), dockerVolumeSizeGiB: 50 });
    expect(only(json, 'aws_launch_template').block_device_mappings[1].device_name).toBe('/dev/xvdb');
    const payload = userDataOf(json).toString('utf8');
    // The discovery script may be compressed inside Ignition; decode data URLs to look into it.
    const texts = [payload, ...decodedIgnitionFiles(payload), ...decodedWriteFiles(payload)];
    expect(texts.some((t) => t.includes('Amazon Elastic Block Store'))).toBe(true);
    expect(texts.some((t) => t.includes('docker-data'))).toBe(true);
  });

  test('maps Bottlerocket\'s own data volume encrypted, 20 GiB, without dockerVolumeSizeGiB', () => {
    const { json } = synthFleet({ ...baseProps('bottlerocket') });
    expect(only(json, 'aws_launch_template').block_device_mappings[1]).toEqual({
      device_name: '/dev/xvdb',
      ebs: { delete_on_termination: 'true', encrypted: 'true', volume_size: 20, volume_type: 'gp3' },
    });
  });

  test('gives Alpine an 8 GiB root volume by default and still accepts its 1 GiB image size', () => {
    expect(only(synthFleet({ ...baseProps('alpine') }).json, 'aws_launch_template').block_device_mappings[0].ebs.volume_size).toBe(8);
    expect(only(synthFleet({ ...baseProps('alpine'), rootVolumeSizeGiB: 1 }).json, 'aws_launch_template')
      .block_device_mappings[0].ebs.volume_size).toBe(1);
  });

  test('only sizes Bottlerocket\'s own data volume and does not mount it', () => {
    const { json } = synthFleet({ ...baseProps('bottlerocket'), dockerVolumeSizeGiB: 60 });
    expect(only(json, 'aws_launch_template').block_device_mappings[1]).toEqual({
      device_name: '/dev/xvdb',
      ebs: { delete_on_termination: 'true', encrypted: 'true', volume_size: 60, volume_type: 'gp3' },
    });
    // the same settings as without a data volume (only the ECS membership the fleet adds): nothing mounts it
    const withoutEcs = (toml: string) => {
      const doc = parseToml(toml) as any;
      delete doc.settings.ecs;
      return doc;
    };
    const plain = synthFleet({ ...baseProps('bottlerocket') }).json;
    expect(userDataOf(json).toString('utf8')).toBe(userDataOf(plain).toString('utf8'));
    expect(withoutEcs(userDataOf(json).toString('utf8'))).toEqual(withoutEcs(osOf('bottlerocket').renderFirstBoot(hostFor('bottlerocket')).content));
  });

  test("keeps the user's own dockerDataVolume over the library's", () => {
    const host = new HostConfig({ dockerDataVolume: { device: '/dev/xvdb', label: 'mydata' } });
    const { json } = synthFleet({ ...baseProps('flatcar'), hostConfig: host, dockerVolumeSizeGiB: 30 });
    const ign = JSON.parse(userDataOf(json).toString('utf8'));
    expect(ign.storage.filesystems).toEqual([expect.objectContaining({ device: '/dev/xvdb', label: 'mydata' })]);
  });

  test('warns when hostConfig has a dockerDataVolume but no volume is attached', () => {
    const host = new HostConfig({ dockerDataVolume: { device: '/dev/xvdb' } });
    const { fleet } = synthFleet({ ...baseProps('flatcar'), hostConfig: host });
    expect(warningsOf(fleet)).toEqual(expect.arrayContaining([expect.stringContaining('dockerVolumeSizeGiB is not')]));
  });
});

describe('AwsDockerFleet Auto Scaling group', () => {
  test('runs hostCount hosts across the subnets with a rolling refresh on new launch template versions', () => {
    const { text } = synthFleet(baseProps('flatcar'));
    expect(text).toHaveResourceWithProperties(AutoscalingGroup, {
      min_size: 3,
      max_size: 3,
      desired_capacity: 3,
      vpc_zone_identifier: SUBNETS,
      health_check_grace_period: 300,
      wait_for_capacity_timeout: '0',
      launch_template: {
        id: expect.stringMatching(/aws_launch_template\.[^.]+\.id/),
        version: expect.stringMatching(/^\$\{aws_launch_template\.[^.]+\.latest_version\}$/),
      },
      instance_refresh: { strategy: 'Rolling', preferences: { min_healthy_percentage: 90, auto_rollback: true } },
    });
  });

  test('propagates the Name and user tags to hosts', () => {
    const { json } = synthFleet({ ...baseProps('alpine'), name: 'api', tags: { env: 'prod' } });
    expect(only(json, 'aws_autoscaling_group').tag).toEqual([
      { key: 'Name', value: 'api', propagate_at_launch: true },
      { key: 'env', value: 'prod', propagate_at_launch: true },
    ]);
  });

  test('takes explicit capacities, grace period and min healthy percentage', () => {
    const { json } = synthFleet({
      ...baseProps('alpine'), hostCount: 2, minCapacity: 1, maxCapacity: 5, healthCheckGracePeriod: 120, minHealthyPercentage: 50,
    });
    const asg = only(json, 'aws_autoscaling_group');
    expect([asg.min_size, asg.desired_capacity, asg.max_size]).toEqual([1, 2, 5]);
    expect(asg.health_check_grace_period).toBe(120);
    expect(asg.instance_refresh.preferences.min_healthy_percentage).toBe(50);
  });

  test('exposes its resources and outputs the group name, template id, security group id and role ARN', () => {
    const { fleet, json } = synthFleet(baseProps('flatcar'));
    expect(fleet.autoScalingGroup).toBeInstanceOf(AutoscalingGroup);
    expect(fleet.launchTemplate).toBeInstanceOf(LaunchTemplate);
    expect(fleet.securityGroup).toBeInstanceOf(SecurityGroup);
    expect(fleet.instanceRole).toBeInstanceOf(IamRole);
    const values = Object.values(json.output).map((o: any) => o.value);
    expect(values).toEqual(expect.arrayContaining([
      expect.stringMatching(/aws_autoscaling_group\..+\.name/),
      expect.stringMatching(/aws_launch_template\..+\.id/),
      expect.stringMatching(/aws_security_group\..+\.id/),
      expect.stringMatching(/aws_iam_role\..+\.arn/),
    ]));
  });

  test('names its outputs after the fleet\'s path, readable and without a hash', () => {
    const { json } = synthFleet(baseProps('flatcar'));
    expect(Object.keys(json.output).sort()).toEqual([
      'web_auto_scaling_group_name', 'web_instance_role_arn', 'web_launch_template_id', 'web_security_group_id',
    ]);
  });

  test('fails at synth when another output of the stack takes one of its output names', () => {
    const stack = awsStack(undefined, 'fleet-stack');
    new AwsDockerFleet(stack, 'web', baseProps('flatcar'));
    new TerraformOutput(stack, 'mine', { value: 'x' }).overrideLogicalId('web_launch_template_id');
    expect(() => Testing.synth(stack, true)).toThrow(/the output name "web_launch_template_id" of fleet-stack\/web\/LaunchTemplateId is also the name of fleet-stack\/mine/);
  });
});

describe('AwsDockerFleet security group', () => {
  test('allows all egress and no ingress by default', () => {
    const { json } = synthFleet(baseProps('flatcar'));
    const sg = only(json, 'aws_security_group');
    expect(sg.ingress).toEqual([]);
    expect(sg.egress).toEqual([expect.objectContaining({ protocol: '-1', cidr_blocks: ['0.0.0.0/0'], ipv6_cidr_blocks: ['::/0'] })]);
    expect(sg.vpc_id).toBe(VPC);
  });

  test('opens SSH only to the given IPv4 and IPv6 ranges', () => {
    const { json, fleet } = synthFleet({ ...baseProps('flatcar'), sshIngressCidrs: ['203.0.113.0/24', '2001:db8::/32'] });
    expect(only(json, 'aws_security_group').ingress).toEqual([expect.objectContaining({
      protocol: 'tcp', from_port: 22, to_port: 22, cidr_blocks: ['203.0.113.0/24'], ipv6_cidr_blocks: ['2001:db8::/32'],
    })]);
    expect(warningsOf(fleet).filter((w) => w.includes('SSH'))).toEqual([]);
  });

  test('warns when SSH is open to the whole internet', () => {
    const { fleet } = synthFleet({ ...baseProps('flatcar'), sshIngressCidrs: ['0.0.0.0/0'] });
    expect(warningsOf(fleet)).toEqual(expect.arrayContaining([expect.stringContaining('whole internet')]));
    const v6 = synthFleet({ ...baseProps('flatcar'), sshIngressCidrs: ['::/0'] });
    expect(warningsOf(v6.fleet)).toEqual(expect.arrayContaining([expect.stringContaining('::/0')]));
  });

  test('opens ingressPorts to everyone by default and to ingressCidrs when given', () => {
    const open = synthFleet({ ...baseProps('alpine'), ingressPorts: [80, 443] });
    expect(only(open.json, 'aws_security_group').ingress).toEqual([
      expect.objectContaining({ from_port: 80, to_port: 80, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'], ipv6_cidr_blocks: ['::/0'] }),
      expect.objectContaining({ from_port: 443, to_port: 443, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'], ipv6_cidr_blocks: ['::/0'] }),
    ]);
    const restricted = synthFleet({ ...baseProps('alpine'), ingressPorts: [8080], ingressCidrs: ['10.0.0.0/8'] });
    expect(only(restricted.json, 'aws_security_group').ingress).toEqual([
      expect.objectContaining({ from_port: 8080, cidr_blocks: ['10.0.0.0/8'], ipv6_cidr_blocks: null }),
    ]);
  });

  test('warns when the Docker API port is opened to the world', () => {
    const { fleet } = synthFleet({ ...baseProps('alpine'), ingressPorts: [2375] });
    expect(warningsOf(fleet)).toEqual(expect.arrayContaining([expect.stringContaining('Docker API')]));
  });
});

describe('AwsDockerFleet IAM', () => {
  test('gives the EC2 role no policies by default', () => {
    const { text, json } = synthFleet(baseProps('flatcar'));
    const role = only(json, 'aws_iam_role');
    expect(JSON.parse(role.assume_role_policy)).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    });
    expect(json.resource.aws_iam_role_policy).toBeUndefined();
    expect(json.resource.aws_iam_role_policy_attachment).toBeUndefined();
    expect(text).toHaveResourceWithProperties(IamRole, { name_prefix: `${WEB_FLEET}-` });
  });

  test('attaches SSM and ECS instance policies for Bottlerocket', () => {
    const { text, json } = synthFleet(baseProps('bottlerocket'));
    expect(text).toHaveResourceWithProperties(IamRolePolicyAttachment, {
      policy_arn: expect.stringMatching(/^arn:\$\{data\.aws_partition\.[^.]+\.partition\}:iam::aws:policy\/AmazonSSMManagedInstanceCore$/),
    });
    expect(text).toHaveResourceWithProperties(IamRolePolicyAttachment, {
      policy_arn: expect.stringMatching(/:iam::aws:policy\/service-role\/AmazonEC2ContainerServiceforEC2Role$/),
    });
    expect(Object.keys(json.resource.aws_iam_role_policy_attachment)).toHaveLength(2);
  });
});

describe('AwsDockerFleet user data limit', () => {
  test('puts an oversize Ignition config in S3 and a verified pointer in the user data', () => {
    const host = hostFor('flatcar', { fileContent: noise(24000) });
    const { json, text, fleet } = synthFleet({ ...baseProps('flatcar'), hostConfig: host, userDataBucket: 'my-bucket' });
    const obj = only(json, 'aws_s3_object');
    const full = Buffer.from(unsensitive(obj.content_base64), 'base64');
    expect(full.length).toBeGreaterThan(16384);
    expect(full.toString('utf8')).toBe(osOf('flatcar').renderFirstBoot(host).content);
    expect(obj).toEqual(expect.objectContaining({ bucket: 'my-bucket', server_side_encryption: 'AES256' }));
    expect(obj.key).toMatch(new RegExp(`^docker-fleet/${WEB_FLEET}/[0-9a-f]{16}\\.ign$`));
    const pointer = JSON.parse(userDataOf(json).toString('utf8'));
    expect(pointer).toEqual({
      ignition: {
        version: '3.3.0',
        config: { replace: { source: `s3://my-bucket/${obj.key}`, verification: { hash: `sha512-${createHash('sha512').update(full).digest('hex')}` } } },
      },
    });
    expect(text).toHaveResourceWithProperties(IamRolePolicy, {
      policy: expect.stringContaining(`"Action":"s3:GetObject","Resource":"arn:\${data.aws_partition.`),
    });
    const policy = only(json, 'aws_iam_role_policy').policy as string;
    expect(policy).toContain(`:s3:::my-bucket/${obj.key}"`);
    expect(only(json, 'aws_launch_template').depends_on).toEqual([expect.stringMatching(/^aws_s3_object\./)]);
    expect(fleet.userDataDelivery).toBe(UserDataDelivery.S3_POINTER);
    expect(fleet.configObject).toBeInstanceOf(S3Object);
  });

  test('gzips an oversize Alpine payload when that makes it fit', () => {
    // Alpine's renderer already gzips compressible files, so only barely compressible content
    // makes the payload exceed 16 KB; the whole payload then still shrinks enough.
    const host = hostFor('alpine', { fileContent: noise(17000) });
    const { json, fleet } = synthFleet({ ...baseProps('alpine'), hostConfig: host });
    const ud = userDataOf(json);
    expect(ud.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(ud.length).toBeLessThanOrEqual(16384);
    expect(gunzipSync(ud).toString('utf8')).toBe(osOf('alpine').renderFirstBoot(host).content);
    expect(fleet.userDataDelivery).toBe(UserDataDelivery.GZIP);
    expect(fleet.firstBootPayloadBytes).toBeGreaterThan(16384);
    // Deterministic: a second synthesis gives the same bytes.
    expect(userDataOf(synthFleet({ ...baseProps('alpine'), hostConfig: host }).json)).toEqual(ud);
  });

  test('keeps small payloads inline', () => {
    const { fleet } = synthFleet(baseProps('fcos'));
    expect(fleet.userDataDelivery).toBe(UserDataDelivery.INLINE);
    expect(fleet.userDataBytes).toBe(fleet.firstBootPayloadBytes);
  });
});

describe('AwsDockerFleet warnings and determinism', () => {
  test('turns OS render warnings into warning annotations', () => {
    const { fleet } = synthFleet({ ...baseProps('flatcar'), updatePolicy: UpdatePolicy.disabled() });
    expect(warningsOf(fleet)).toEqual(expect.arrayContaining([expect.stringContaining('updates are disabled')]));
  });

  test('synthesizes byte-identical JSON for the same input', () => {
    expect(synthFleet(baseProps('fcos')).text).toBe(synthFleet(baseProps('fcos')).text);
  });
});

describe('AwsDockerFleet snapshots', () => {
  test.each(OS_KINDS)('matches the %s snapshot', (kind) => {
    const stack = awsStack();
    new AwsDockerFleet(stack, 'web', { ...baseProps(kind), sshIngressCidrs: ['203.0.113.0/24'], ingressPorts: [80], dockerVolumeSizeGiB: 40 });
    expect(Testing.synth(stack)).toMatchSnapshot(OS_LABEL[kind]);
  });
});

describe('AwsDockerFleet change semantics', () => {
  test('a different pinned AMI changes only image_id, which the launch template ignores', () => {
    const a = synthFleet(baseProps('flatcar'));
    const b = synthFleet({ ...baseProps('flatcar'), image: AwsImage.pinned('ami-0fedcba9876543210') });
    const ltA = only(a.json, 'aws_launch_template');
    const ltB = only(b.json, 'aws_launch_template');
    expect({ ...ltB, image_id: ltA.image_id }).toEqual(ltA);
    expect(ltB.image_id).not.toBe(ltA.image_id);
    expect(ltB.lifecycle.ignore_changes).toContain('image_id');
    expect({ ...b.json.resource, aws_launch_template: undefined }).toEqual({ ...a.json.resource, aws_launch_template: undefined });
  });

  test('a HostConfig change changes user_data, so a new launch template version rolls the fleet', () => {
    const a = synthFleet(baseProps('fcos'));
    const b = synthFleet({ ...baseProps('fcos'), hostConfig: hostFor('fcos', { marker: 'v2' }) });
    const ltA = only(a.json, 'aws_launch_template');
    const ltB = only(b.json, 'aws_launch_template');
    expect(ltB.user_data).not.toBe(ltA.user_data);
    expect({ ...ltB, user_data: ltA.user_data }).toEqual(ltA);
    expect(only(b.json, 'aws_autoscaling_group').launch_template.version).toMatch(/latest_version/);
  });
});

describe('AwsDockerFleet tokens', () => {
  test('does not validate unresolved tokens as literals', () => {
    const stack = awsStack();
    const count = new TerraformVariable(stack, 'count', { type: 'number' });
    const subnets = new TerraformVariable(stack, 'subnets', { type: 'list(string)' });
    const cidr = new TerraformVariable(stack, 'cidr', { type: 'string' });
    const type = new TerraformVariable(stack, 'type', { type: 'string' });
    const vpc = new TerraformVariable(stack, 'vpc', { type: 'string' });
    expect(() => new AwsDockerFleet(stack, 'web', {
      ...baseProps('flatcar'),
      hostCount: Token.asNumber(count.value),
      subnetIds: Token.asList(subnets.value),
      sshIngressCidrs: [cidr.stringValue, '10.0.0.0/8'],
      instanceType: type.stringValue,
      vpcId: vpc.stringValue,
      rootVolumeSizeGiB: Token.asNumber(count.value),
    })).not.toThrow();
    const json = JSON.parse(Testing.synth(stack));
    const asg = only(json, 'aws_autoscaling_group');
    expect(asg.desired_capacity).toBe('${var.count}');
    expect(asg.vpc_zone_identifier).toBe('${var.subnets}');
    expect(only(json, 'aws_security_group').ingress[0].cidr_blocks).toEqual(['${var.cidr}', '10.0.0.0/8']);
  });
});

describe('AwsDockerFleet bad input', () => {
  const expectError = (props: Partial<Parameters<typeof baseProps>[0]> | any, pattern: RegExp, kind: any = 'flatcar') => {
    const stack = awsStack();
    expect(() => new AwsDockerFleet(stack, 'web', { ...baseProps(kind), ...props })).toThrow(pattern);
  };

  test('fails for a negative hostCount', () => expectError({ hostCount: -1 }, /^fleet-stack\/web: hostCount: got -1; expected a whole number from 0 to 2147483647$/));
  test('fails for a fractional hostCount', () => expectError({ hostCount: 1.5 }, /hostCount: got 1\.5; expected a whole number/));
  test('fails for empty subnetIds', () => expectError({ subnetIds: [] }, /subnetIds: got \[\]; expected at least one subnet id/));
  test('fails for a malformed subnet id', () => expectError({ subnetIds: ['subnet-xyz'] }, /subnetIds\[0\]: got "subnet-xyz"/));
  test('fails for a malformed vpcId', () => expectError({ vpcId: 'my-vpc' }, /vpcId: got "my-vpc"; expected an id like 'vpc-/));
  test('fails for a malformed CIDR', () => expectError({ sshIngressCidrs: ['10.0.0.0/33'] }, /sshIngressCidrs\[0\]: got "10\.0\.0\.0\/33".*prefix length is 0 to 32/));
  test('fails for a CIDR that is not an address', () => expectError({ ingressCidrs: ['office'], ingressPorts: [80] }, /ingressCidrs\[0\]: got "office"; expected an IPv4 or IPv6 CIDR/));
  test('fails for a CIDR with host bits set, naming the network', () => expectError({ sshIngressCidrs: ['10.1.2.3/16'] }, /network is '10\.1\.0\.0\/16'/));
  test('fails for an IPv6 CIDR with host bits set', () => expectError({ sshIngressCidrs: ['2001:db8::1/32'] }, /sshIngressCidrs\[0\]: got "2001:db8::1\/32"/));
  test('fails for port 0 and port 70000', () => {
    expectError({ ingressPorts: [0] }, /ingressPorts\[0\]: got 0; expected a whole number from 1 to 65535/);
    expectError({ ingressPorts: [80, 70000] }, /ingressPorts\[1\]: got 70000/);
  });
  test('fails for a Graviton instance type with the default x86_64 architecture', () =>
    expectError({ instanceType: 't4g.small' }, /instanceType: got "t4g\.small"; this instance type is arm64 but architecture is 'x86_64'/));
  test('fails for an x86 instance type with architecture arm64', () =>
    expectError({ instanceType: 't3.small', architecture: Architecture.ARM64 }, /instanceType: got "t3\.small"; this instance type is x86_64 but architecture is 'arm64'/));
  test('fails for an instance type without a size', () => expectError({ instanceType: 't3' }, /instanceType: got "t3"; expected an EC2 instance type 'family\.size'/));
  test('fails for a malformed pinned AMI id', () => {
    expect(() => AwsImage.pinned('ami-XYZ')).toThrow(/image: got "ami-XYZ"; expected an AMI id like 'ami-0123456789abcdef0'/);
    expect(() => AwsImage.pinned('0123456789abcdef0')).toThrow(/expected an AMI id/);
  });
  test('fails for a root volume below the OS minimum', () =>
    expectError({ rootVolumeSizeGiB: 5 }, /rootVolumeSizeGiB: got 5; Fedora CoreOS \(stable\)'s image needs a root volume of at least 10 GiB/, 'fcos'));
  test('fails for a zero-size Docker volume', () => expectError({ dockerVolumeSizeGiB: 0 }, /dockerVolumeSizeGiB: got 0; expected a whole number from 1 to 16384/));
  test('fails for oversize Ignition user data without a bucket, naming the size, the limit and userDataBucket', () => {
    const host = hostFor('flatcar', { fileContent: noise(24000) });
    const size = Buffer.byteLength(osOf('flatcar').renderFirstBoot(host).content);
    expectError({ hostConfig: host }, new RegExp(`got "${size} bytes of Flatcar Container Linux \\(stable\\) user data"; EC2 user data is limited to 16384 bytes \\(16 KB\\).*set userDataBucket`));
  });
  test('fails for Alpine user data that does not fit even gzip-compressed', () => {
    const host = hostFor('alpine', { fileContent: noise(40000) });
    expectError({ hostConfig: host }, /limited to 16384 bytes.*even gzip-compressed it is \d+ bytes/, 'alpine');
  });
  test('fails for a bucket name that is not a literal bucket name', () =>
    expectError({ userDataBucket: 's3://My_Bucket' }, /userDataBucket: got "s3:\/\/My_Bucket"; expected a literal S3 bucket name/));
  test('fails for Bottlerocket with systemd units at construction time', () => {
    const host = new HostConfig();
    host.addSystemdUnit({ name: 'app.service', contents: '[Service]\nExecStart=/bin/true\n' });
    expectError({ hostConfig: host }, /hostConfig\.units\[0\]\.name: got "app\.service"; Bottlerocket \(aws-ecs-2\) cannot express this/, 'bottlerocket');
  });
  test('fails for a Name tag', () => expectError({ tags: { Name: 'x' } }, /tags\.Name: got "x"; the Name tag is set from the fleet name/));
  test('fails for a fleet name with spaces', () => expectError({ name: 'my fleet' }, /name: got "my fleet"/));
  test('fails for minCapacity above hostCount', () => expectError({ minCapacity: 5 }, /minCapacity: got 5; must not exceed hostCount \(3\)/));
  test('fails for an os that is not a ContainerOs', () => expectError({ os: 'flatcar' }, /os: got "flatcar"; allowed values: 'ContainerOs\.fedoraCoreOs\(\)'/));
  test('fails for an update policy the OS cannot express', () =>
    expectError({ updatePolicy: UpdatePolicy.fleetLock({ url: 'https://fleetlock.example.com' }) }, /updatePolicy: .*Flatcar/));
});

/** Decodes the data: URLs of an Ignition config's files (gunzipping compressed ones). */
function decodedIgnitionFiles(payload: string): string[] {
  let ign: any;
  try {
    ign = JSON.parse(payload);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const f of ign.storage?.files ?? []) {
    const src: string = f.contents?.source ?? '';
    const m = /^data:([^,]*),(.*)$/s.exec(src);
    if (!m) continue;
    let buf = m[1].endsWith(';base64') ? Buffer.from(m[2], 'base64') : Buffer.from(decodeURIComponent(m[2]), 'utf8');
    if (f.contents.compression === 'gzip') buf = gunzipSync(buf);
    out.push(buf.toString('utf8'));
  }
  for (const u of ign.systemd?.units ?? []) out.push(u.contents ?? '');
  return out;
}

/** Decodes the write_files of a cloud-config/alpine-config document (gz+b64 ones included). */
function decodedWriteFiles(payload: string): string[] {
  if (!payload.startsWith('#')) return [];
  const doc = parseYaml(payload) as any;
  return (doc?.write_files ?? []).map((f: any) => {
    if (f.encoding === 'gz+b64') return gunzipSync(Buffer.from(f.content, 'base64')).toString('utf8');
    if (f.encoding === 'b64') return Buffer.from(f.content, 'base64').toString('utf8');
    return String(f.content);
  });
}
