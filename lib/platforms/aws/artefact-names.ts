/**
 * The names of an AWS fleet's artefacts, in one place. The launch template and the S3 config
 * key are part of the replacement contract: a new launch-template version (any change of its
 * content) starts the Auto Scaling group's rolling instance refresh, and the config object's key
 * is the payload's fingerprint, so a changed config is a new object uploaded before the old one
 * goes (create before destroy).
 */
export interface AwsFleetNames {
  /** the fleet's name: Name tag and prefix of every resource name */
  readonly fleet: string;
  readonly securityGroupPrefix: string;
  readonly rolePrefix: string;
  readonly launchTemplatePrefix: string;
  readonly autoScalingGroupPrefix: string;
  /** the S3 key of a config with this payload fingerprint */
  configKey(fingerprint: string): string;
  /** ECS (Bottlerocket): the task execution role's name prefix */
  readonly executionRolePrefix: string;
  /** ECS: the containers' log group */
  readonly logGroup: string;
  /** ECS: a container's task-definition family and service name, unique in a shared cluster */
  ecsName(container: string): string;
}

export function awsFleetNames(fleet: string): AwsFleetNames {
  // IAM name_prefix is at most 38 characters (aws provider: iam role/instance profile name_prefix).
  const iam = `${fleet.slice(0, 37)}-`;
  return {
    fleet,
    securityGroupPrefix: `${fleet}-`,
    rolePrefix: iam,
    launchTemplatePrefix: `${fleet}-`,
    autoScalingGroupPrefix: `${fleet}-`,
    configKey: (fingerprint) => `docker-fleet/${fleet}/${fingerprint}.ign`,
    executionRolePrefix: `${fleet.slice(0, 32)}-exec-`,
    logGroup: `/cdktf-docker-fleet/${fleet}`,
    ecsName: (container) => `${fleet}-${container}`,
  };
}
