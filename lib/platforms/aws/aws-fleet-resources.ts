/**
 * The resource step of `AwsDockerFleet`: maps an `AwsFleetPlan` to Terraform resources, one
 * function per resource family. No decisions are made here; they are in the plan.
 */
import { Fn, Token } from 'cdktf';
import { Construct } from 'constructs';
import { AutoscalingGroup } from '@cdktf/provider-aws/lib/autoscaling-group';
import { IamInstanceProfile } from '@cdktf/provider-aws/lib/iam-instance-profile';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { LaunchTemplate, LaunchTemplateBlockDeviceMappings } from '@cdktf/provider-aws/lib/launch-template';
import { S3Object } from '@cdktf/provider-aws/lib/s3-object';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { AwsFleetPlan } from './aws-fleet-plan';
import { tagsOrNone } from './aws-scope';
import { secretStatements } from './secret-access';

/**
 * The instance role's read access to exactly the fleet's container secrets, for OSes
 * whose hosts fetch them at each container start (with ECS the task execution role reads them).
 */
export function secretsPolicyFor(scope: Construct, plan: AwsFleetPlan, role: IamRole, partition: () => string): IamRolePolicy | undefined {
  if (plan.ecs) return undefined;
  const statements = secretStatements(scope, plan.secrets, role, partition, 'ssm:GetParameter');
  if (!statements.length) return undefined;
  return new IamRolePolicy(scope, 'ReadContainerSecrets', {
    role: role.id,
    name: 'read-container-secrets',
    policy: JSON.stringify({ Version: '2012-10-17', Statement: statements }),
  });
}

export function securityGroupFor(scope: Construct, plan: AwsFleetPlan): SecurityGroup {
  return new SecurityGroup(scope, 'SecurityGroup', {
    namePrefix: plan.names.securityGroupPrefix,
    description: `Docker fleet "${plan.names.fleet}": egress to anywhere, ingress only as configured`,
    vpcId: plan.vpcId,
    ingress: plan.ingress.map((r) => ({
      description: r.description,
      protocol: 'tcp',
      fromPort: r.port,
      toPort: r.port,
      cidrBlocks: r.ipv4.length > 0 ? r.ipv4 : undefined,
      ipv6CidrBlocks: r.ipv6.length > 0 ? r.ipv6 : undefined,
    })),
    egress: [{ description: 'All egress', protocol: '-1', fromPort: 0, toPort: 0, cidrBlocks: ['0.0.0.0/0'], ipv6CidrBlocks: ['::/0'] }],
    tags: plan.nameTags,
    lifecycle: { createBeforeDestroy: true },
  });
}

/** The hosts' role: what the OS's agents need (and SSM when asked), nothing else. */
export function instanceRoleFor(scope: Construct, plan: AwsFleetPlan, partition: () => string):
{ role: IamRole; profile: IamInstanceProfile } {
  const tags = tagsOrNone(plan.userTags);
  const role = new IamRole(scope, 'InstanceRole', {
    namePrefix: plan.names.rolePrefix,
    description: `Role of the ${plan.os.displayName} hosts of Docker fleet "${plan.names.fleet}"`,
    // UNCERTAIN: 'ec2.amazonaws.com' is the principal in the aws partition; aws-cn documents
    // 'ec2.amazonaws.com.cn' for some services (not checked for EC2 here).
    assumeRolePolicy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    }),
    tags,
  });
  for (const [cid, policy] of plan.managedPolicies) {
    new IamRolePolicyAttachment(scope, `${cid}PolicyAttachment`, {
      role: role.name, policyArn: `arn:${partition()}:iam::aws:policy/${policy}`,
    });
  }
  const profile = new IamInstanceProfile(scope, 'InstanceProfile', { namePrefix: plan.names.rolePrefix, role: role.name, tags });
  return { role, profile };
}

/** The S3 config object and the role's read access to exactly it (payloads above 16 KB with a pointer format). */
export function remoteConfigFor(scope: Construct, plan: AwsFleetPlan, role: IamRole, partition: () => string): S3Object | undefined {
  const remote = plan.userData.remoteObject;
  if (!remote) return undefined;
  const object = new S3Object(scope, 'IgnitionConfig', {
    bucket: remote.bucket,
    key: remote.key,
    // sensitive: plans show (sensitive value), not the config (it holds no secret values, but
    // the environment and files of the hosts).
    contentBase64: Fn.sensitive(remote.content.toString('base64')),
    contentType: 'application/json',
    serverSideEncryption: 'AES256',
    tags: tagsOrNone(plan.userTags),
    // A changed config has a new key: upload it before the old one is deleted.
    lifecycle: { createBeforeDestroy: true },
  });
  // UNCERTAIN: Ignition's s3:// fetcher (ignition internal/resource/url.go) first asks S3 for
  // the bucket's region (HEAD bucket, which answers with x-amz-bucket-region even on 403),
  // then GETs the object with the instance role; s3:GetObject on the object is all it needs.
  new IamRolePolicy(scope, 'ReadIgnitionConfig', {
    role: role.id,
    name: 'read-ignition-config',
    policy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:${partition()}:s3:::${remote.bucket}/${remote.key}` }],
    }),
  });
  return object;
}

export function launchTemplateFor(scope: Construct, plan: AwsFleetPlan, imageId: string, securityGroup: SecurityGroup,
  profile: IamInstanceProfile, configObject: S3Object | undefined): LaunchTemplate {
  const lookup = plan.traits.image(plan.architecture);
  const blockDeviceMappings: LaunchTemplateBlockDeviceMappings[] = [{
    deviceName: lookup.rootDeviceName,
    ebs: { volumeSize: plan.rootSizeGiB, volumeType: 'gp3', encrypted: 'true', deleteOnTermination: 'true' },
  }];
  if (plan.data) {
    blockDeviceMappings.push({
      deviceName: plan.data.deviceName,
      ebs: {
        volumeSize: plan.data.sizeGiB, volumeType: 'gp3', encrypted: 'true',
        deleteOnTermination: plan.data.deleteOnTermination ? 'true' : 'false',
      },
    });
  }
  return new LaunchTemplate(scope, 'LaunchTemplate', {
    namePrefix: plan.names.launchTemplatePrefix,
    description: `${plan.os.displayName} Docker hosts of fleet "${plan.names.fleet}"`,
    imageId,
    instanceType: plan.instanceType,
    keyName: plan.keyName,
    // sensitive: plans (e.g. `cdktf diff` on pull requests) show (sensitive value). It is still in
    // state and readable with ec2:DescribeLaunchTemplateVersions: it is not a secret store.
    userData: Fn.sensitive(plan.userData.userData.toString('base64')),
    updateDefaultVersion: true,
    iamInstanceProfile: { arn: profile.arn },
    metadataOptions: { httpEndpoint: 'enabled', httpTokens: 'required', httpPutResponseHopLimit: plan.hopLimit },
    networkInterfaces: [{
      deviceIndex: 0,
      associatePublicIpAddress: plan.publicIp ? 'true' : 'false',
      deleteOnTermination: 'true',
      securityGroups: [securityGroup.id, ...plan.securityGroupIds],
    }],
    blockDeviceMappings,
    tagSpecifications: [{ resourceType: 'instance', tags: plan.instanceTags }, { resourceType: 'volume', tags: plan.nameTags }],
    tags: tagsOrNone(plan.userTags),
    lifecycle: plan.image.rollsOnChange ? undefined : { ignoreChanges: ['image_id'] },
    dependsOn: configObject ? [configObject] : undefined,
  });
}

export function autoScalingGroupFor(scope: Construct, plan: AwsFleetPlan, launchTemplate: LaunchTemplate): AutoscalingGroup {
  const behindLoadBalancer = plan.targetGroupArns.length > 0 || Token.isUnresolved(plan.targetGroupArns);
  return new AutoscalingGroup(scope, 'AutoScalingGroup', {
    namePrefix: plan.names.autoScalingGroupPrefix,
    minSize: plan.minSize,
    maxSize: plan.maxSize,
    desiredCapacity: plan.hostCount,
    vpcZoneIdentifier: plan.subnetIds,
    targetGroupArns: behindLoadBalancer ? plan.targetGroupArns : undefined,
    // Behind a load balancer a host that fails its target group's health check is replaced too.
    healthCheckType: behindLoadBalancer ? 'ELB' : 'EC2',
    healthCheckGracePeriod: plan.grace,
    // See the plan: 10m behind a load balancer (apply fails when no host passes its health
    // check), '0' without one; minElbCapacity makes the first apply wait for healthy targets.
    waitForCapacityTimeout: plan.waitForCapacityTimeout,
    minElbCapacity: behindLoadBalancer && plan.waitForCapacityTimeout !== '0' ? plan.minSize : undefined,
    launchTemplate: {
      id: launchTemplate.id,
      // The concrete version (not "$Latest"): a new version is a change of the group, which
      // starts the instance refresh below.
      version: Token.asString(launchTemplate.latestVersion),
    },
    // autoRollback: a refresh whose new hosts fail their health checks (behind a load balancer:
    // the target group's, after the grace period) is rolled back to the previous launch template
    // version instead of rolling a broken payload across the fleet (hashicorp/aws 5.x).
    instanceRefresh: { strategy: 'Rolling', preferences: { minHealthyPercentage: plan.minHealthy, autoRollback: true } },
    tag: Object.keys(plan.nameTags).sort().map((key) => ({ key, value: plan.nameTags[key], propagateAtLaunch: true })),
  });
}
