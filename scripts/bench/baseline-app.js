// BASELINE, on purpose: the same AWS fleet written as a plain cdktf app the way most users write
// one, with the provider's barrel import (the import style this library avoids). The benchmark
// reports the library's cost as ratios to this. With BENCH_IMPORT=deep the same app uses deep
// imports instead: the FLOOR an AWS-only app cannot go below (the fleet's target: within 1.15x of
// it). Same resources as AwsDockerFleet creates: launch template (same user data), Auto Scaling
// group, security group, IAM role and instance profile, partition data source and outputs.
const { App, TerraformStack, TerraformOutput } = require('cdktf');
const aws = process.env.BENCH_IMPORT === 'deep' ? {
  provider: require('@cdktf/provider-aws/lib/provider'),
  dataAwsPartition: require('@cdktf/provider-aws/lib/data-aws-partition'),
  securityGroup: require('@cdktf/provider-aws/lib/security-group'),
  iamRole: require('@cdktf/provider-aws/lib/iam-role'),
  iamInstanceProfile: require('@cdktf/provider-aws/lib/iam-instance-profile'),
  launchTemplate: require('@cdktf/provider-aws/lib/launch-template'),
  autoscalingGroup: require('@cdktf/provider-aws/lib/autoscaling-group'),
} : require('@cdktf/provider-aws');
const { readFileSync } = require('fs');

const hosts = Number(process.env.BENCH_HOSTS ?? 3);
const userData = readFileSync(process.env.BENCH_USER_DATA, 'utf8');
const app = new App();
const stack = new TerraformStack(app, 'bench');
new aws.provider.AwsProvider(stack, 'aws', { region: 'us-east-1' });
new aws.dataAwsPartition.DataAwsPartition(stack, 'partition');
const sg = new aws.securityGroup.SecurityGroup(stack, 'sg', {
  namePrefix: 'web-', vpcId: 'vpc-0123456789abcdef0',
  egress: [{ fromPort: 0, toPort: 0, protocol: '-1', cidrBlocks: ['0.0.0.0/0'], ipv6CidrBlocks: ['::/0'] }],
});
const role = new aws.iamRole.IamRole(stack, 'role', {
  namePrefix: 'web-',
  assumeRolePolicy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
});
const profile = new aws.iamInstanceProfile.IamInstanceProfile(stack, 'profile', { namePrefix: 'web-', role: role.name });
const lt = new aws.launchTemplate.LaunchTemplate(stack, 'lt', {
  namePrefix: 'web-', imageId: 'ami-0123456789abcdef0', instanceType: 't3.small', userData: Buffer.from(userData).toString('base64'),
  updateDefaultVersion: true,
  iamInstanceProfile: { arn: profile.arn },
  metadataOptions: { httpEndpoint: 'enabled', httpTokens: 'required', httpPutResponseHopLimit: 2 },
  networkInterfaces: [{ associatePublicIpAddress: 'false', securityGroups: [sg.id], deleteOnTermination: 'true' }],
  blockDeviceMappings: [
    { deviceName: '/dev/xvda', ebs: { volumeSize: 8, volumeType: 'gp3', encrypted: 'true', deleteOnTermination: 'true' } },
    { deviceName: '/dev/xvdb', ebs: { volumeSize: 20, volumeType: 'gp3', encrypted: 'true', deleteOnTermination: 'false' } },
  ],
  lifecycle: { ignoreChanges: ['image_id'] },
});
const asg = new aws.autoscalingGroup.AutoscalingGroup(stack, 'asg', {
  namePrefix: 'web-', minSize: hosts, maxSize: hosts, desiredCapacity: hosts, vpcZoneIdentifier: ['subnet-0123456789abcdef0'],
  waitForCapacityTimeout: '0', healthCheckGracePeriod: 300,
  launchTemplate: { id: lt.id, version: lt.latestVersion.toString() },
  instanceRefresh: { strategy: 'Rolling', preferences: { minHealthyPercentage: 90 } },
});
new TerraformOutput(stack, 'asg_name', { value: asg.name });
new TerraformOutput(stack, 'lt_id', { value: lt.id });
new TerraformOutput(stack, 'sg_id', { value: sg.id });
new TerraformOutput(stack, 'role_arn', { value: role.arn });
app.synth();
