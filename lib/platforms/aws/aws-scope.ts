/**
 * Where a fleet's resources live: the provider's partition and region, an account read from a
 * role's ARN, and the user's tags. Each lookup is made once per construct scope and needs no
 * API call, so plans work offline.
 */
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { DataAwsRegion } from '@cdktf/provider-aws/lib/data-aws-region';
import type { IamRole } from '@cdktf/provider-aws/lib/iam-role';

/** The partition of the provider's region (`aws`, `aws-cn`, `aws-us-gov`), looked up once per fleet. */
export function partitionOf(scope: Construct): () => string {
  return () => partitionDataOf(scope).partition;
}

/** The partition data source of `scope` (its `dnsSuffix` names service endpoints). */
export function partitionDataOf(scope: Construct): DataAwsPartition {
  return (scope.node.tryFindChild('Partition') as DataAwsPartition | undefined) ?? new DataAwsPartition(scope, 'Partition', {});
}

/** The provider's region name, looked up once per fleet (no API call: plans offline). */
export function regionOf(scope: Construct): string {
  return ((scope.node.tryFindChild('Region') as DataAwsRegion | undefined) ?? new DataAwsRegion(scope, 'Region', {})).name;
}

/**
 * The account of a role, from its own ARN (arn:<partition>:iam::<account>:role/<name>): no STS
 * call (an aws_caller_identity lookup needs credentials even for a plan).
 */
export function accountOf(role: IamRole): string {
  return Fn.element(Fn.split(':', role.arn), 4);
}

/** The user's tags for a resource, or none (no empty `tags` attribute). */
export function tagsOrNone(tags: Readonly<Record<string, string>> | undefined): Record<string, string> | undefined {
  return tags !== undefined && Object.keys(tags).length > 0 ? tags as Record<string, string> : undefined;
}
