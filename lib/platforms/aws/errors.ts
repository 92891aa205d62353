/**
 * The messages of the AWS platform: ids, instance types, sizes, names, tags, user data.
 */
import { defineErrors, problem } from '../../core/define-errors';

/** The messages of the AWS platform. */
export const AwsErrors = defineErrors({
  badAwsId: (p: string, v: unknown, prefix: string) =>
    problem(p, v, `expected an id like '${prefix}-0123456789abcdef0' ('${prefix}-' and 8 or 17 lower-case hex digits)`),
  badAmiId: (p: string, v: unknown) =>
    problem(p, v, "expected an AMI id like 'ami-0123456789abcdef0' ('ami-' and 8 to 17 lower-case hex digits)"),
  nvidiaVariantWithoutGpu: (p: string, v: unknown, os: string, alternative: string | undefined) =>
    problem(p, v, `${os} needs an instance type with an NVIDIA GPU (e.g. g4dn, g5, g6, p5; g5g on arm64): its ECS agent does not `
      + `start without one, so no host would join the cluster; pick a GPU type${alternative === undefined ? '' : ` or use ${alternative}`}`),
  badInstanceType: (p: string, v: unknown) =>
    problem(p, v, "expected an EC2 instance type 'family.size', e.g. 't3.small', 'm7g.large'"),
  architectureMismatch: (p: string, v: unknown, architecture: string, typeArchitecture: string) =>
    problem(p, v, `this instance type is ${typeArchitecture} but architecture is '${architecture}'; pick `
      + `a${typeArchitecture === 'arm64' ? 'n x86_64 type (e.g. t3.small, m7i.large)' : ' Graviton type (e.g. t4g.small, m7g.large)'} `
      + `or set architecture: Architecture.${typeArchitecture === 'arm64' ? 'ARM64' : 'X86_64'}`),
  rootVolumeTooSmall: (os: string, v: unknown, minGiB: number) =>
    problem('rootVolumeSizeGiB', v, `${os}'s image needs a root volume of at least ${minGiB} GiB; pass ${minGiB} or more, or leave it `
      + `unset`),
  capacityOrder: (p: string, v: unknown, rule: string) =>
    problem(p, v, rule),
  badBucketName: (p: string, v: unknown) =>
    problem(p, v, "expected a literal S3 bucket name (3-63 characters of lower-case letters, digits, '.' and '-'; no 's3://' prefix): it "
      + "is written into the user-data pointer at synth time"),
  badFleetName: (p: string, v: unknown) =>
    problem(p, v, 'expected a literal name of 2-32 letters, digits and hyphens, starting with a letter or digit (it prefixes resource '
      + 'names; a launch template name_prefix needs at least 3 characters)'),
  reservedTag: (p: string, v: unknown) =>
    problem(p, v, 'the Name tag is set from the fleet name; pass name: ... instead'),
  badTag: (p: string, v: unknown, why: string) =>
    problem(p, v, why),
  userDataTooLarge: (os: string, bytes: number, limit: number, fix: string) =>
    problem('hostConfig', `${bytes} bytes of ${os} user data`, `EC2 user data is limited to ${limit} bytes (16 KB), and the library never `
      + `truncates it; ${fix}`),
  badTargetGroupArn: (p: string, v: unknown) =>
    problem(p, v, "expected an ELB target group ARN like "
      + "'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef'"),
  duplicateIngressPort: (p: string, v: unknown, first: string) =>
    problem(p, v, `the port is already listed as ${first}; list each port once (two identical security group rules fail at apply)`),
  badDuration: (p: string, v: unknown) =>
    problem(p, v, "expected a duration such as '10m', '1h30m' or '90s', or '0' for no wait"),
  badKmsKeyArn: (p: string, v: unknown) =>
    problem(p, v, "expected a KMS key ARN, 'arn:<partition>:kms:<region>:<account>:key/<key id>'"),
});
