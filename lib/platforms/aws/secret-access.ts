/**
 * Read access to exactly a fleet's container secrets: which SSM parameters, Secrets Manager
 * secrets and KMS key the fleet's containers name, and the IAM statements that read only those
 * (for the instance role, whose fetcher runs on the host, or for the ECS task execution role).
 */
import { Construct } from 'constructs';
import type { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { ContainerSecretModel } from '../../bootconfig/model';
import { accountOf, partitionDataOf, regionOf } from './aws-scope';

/** The container secrets of the fleet, as the IAM policy needs them. */
export interface SecretAccess {
  /** SSM parameter names (in the provider's region and account) */
  readonly ssmParameters: string[];
  /** full Secrets Manager secret ARNs */
  readonly secretArns: string[];
  /** the customer-managed KMS key the values are encrypted with, when the user names one */
  readonly kmsKeyArn?: string;
}

/** The names and ARNs the containers' secrets name, sorted and unique, with the user's KMS key. */
export function secretAccessOf(secrets: readonly ContainerSecretModel[], kmsKeyArn: string | undefined): SecretAccess {
  return {
    ssmParameters: [...new Set(secrets.filter((x) => x.source === 'ssm').map((x) => x.id))].sort(),
    secretArns: [...new Set(secrets.filter((x) => x.source === 'secretsmanager').map((x) => x.id))].sort(),
    kmsKeyArn,
  };
}

/**
 * Statements that read exactly the fleet's container secrets: `ssmAction` (the host fetcher's
 * ssm:GetParameter, or the ECS agent's ssm:GetParameters) on each named parameter of the
 * provider's region and account, secretsmanager:GetSecretValue on each named secret ARN, and
 * kms:Decrypt on the user's key only through those services.
 */
export function secretStatements(scope: Construct, secrets: SecretAccess, role: IamRole, partition: () => string,
  ssmAction: string): Record<string, unknown>[] {
  const { ssmParameters, secretArns, kmsKeyArn } = secrets;
  if (!ssmParameters.length && !secretArns.length) return [];
  const region = ssmParameters.length || kmsKeyArn !== undefined ? regionOf(scope) : undefined;
  const statements: Record<string, unknown>[] = [];
  if (ssmParameters.length) {
    const account = accountOf(role);
    // A parameter's ARN is arn:…:parameter/<name without its leading '/'> (SSM user guide, IAM access).
    statements.push({ Sid: 'ReadParameters', Effect: 'Allow', Action: ssmAction,
      Resource: ssmParameters.map((n) => `arn:${partition()}:ssm:${region}:${account}:parameter/${n.replace(/^\//, '')}`) });
  }
  if (secretArns.length) {
    statements.push({ Sid: 'ReadSecrets', Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: secretArns });
  }
  if (kmsKeyArn !== undefined) {
    const dns = partitionDataOf(scope).dnsSuffix;
    const services = [
      ...(ssmParameters.length ? [`ssm.${region}.${dns}`] : []),
      ...[...new Set(secretArns.map((a) => a.split(':')[3]))].sort().map((r) => `secretsmanager.${r}.${dns}`),
    ];
    statements.push({ Sid: 'DecryptThroughSecretStores', Effect: 'Allow', Action: 'kms:Decrypt', Resource: kmsKeyArn,
      Condition: { StringEquals: { 'kms:ViaService': services } } });
  }
  return statements;
}
