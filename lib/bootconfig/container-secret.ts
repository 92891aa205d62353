import { CoreErrors } from '../core/errors';
import { BootConfigErrors } from './errors';
import { isUnresolved, requireString } from '../core/validation';

/** Options of `ContainerSecret.fromSecretsManager`. */
export interface SecretsManagerSecretOptions {
  /**
   * Take one key of a secret whose value is a JSON object (e.g. `password` of an RDS secret).
   * A string member is used as it is; any other JSON value as its JSON text.
   * @default - the whole secret string
   */
  readonly jsonKey?: string;
}

/** Where a secret comes from. @internal */
export type SecretSource = 'ssm' | 'secretsmanager';

/** What the model keeps of a secret: only where it is, never a value. @internal */
export interface SecretRef {
  readonly source: SecretSource;
  /** SSM: the parameter name; Secrets Manager: the secret's full ARN */
  readonly id: string;
  readonly jsonKey?: string;
  /** Secrets Manager: the region in the ARN (the CLI must call that region) */
  readonly region?: string;
}

// SSM PutParameter: names of [a-zA-Z0-9_.-] and '/' (hierarchies), at most 1011 characters
// with the leading '/' (SSM API reference, PutParameter "Name").
const SSM_NAME = /^[A-Za-z0-9_.\-/]{1,1011}$/;
// Secrets Manager ARNs end in '-' and 6 random characters (SecretsManager user guide, "Secret ARN").
const SECRET_ARN = new RegExp('^arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b):secretsmanager:([a-z]{2}(?:-[a-z]+)+-\\d):(\\d{12}):'
  + 'secret:([A-Za-z0-9/_+=.@-]{1,512}-[A-Za-z0-9]{6})$');

/**
 * A secret a container receives as an environment variable, fetched on the host with the
 * instance role right before each start of the container (so a rotated value arrives with the
 * next restart). Only its name or ARN is part of the synthesized configuration, never its
 * value. AWS only (the hosts need an instance role); Fedora CoreOS, Flatcar and Alpine, and
 * Bottlerocket, where the ECS agent fetches it with the task execution role (ECS task `secrets`).
 *
 * @example
 * host.addContainer({ name: 'app', image: 'ghcr.io/org/app:1.4',
 *   secrets: { DB_PASSWORD: ContainerSecret.fromSsmParameter('/prod/db/password') } });
 */
export class ContainerSecret {
  /**
   * A String or SecureString parameter of SSM Parameter Store in the fleet's region
   * (SecureString is decrypted; with a customer-managed key, name it in the fleet's
   * `secretsKmsKeyArn`). Must be a literal name: the host fetches it by name at boot.
   * @param parameterName the parameter's name, e.g. `/prod/db/password`
   */
  public static fromSsmParameter(parameterName: string): ContainerSecret {
    const name = literal('parameterName', parameterName);
    if (!SSM_NAME.test(name) || name.includes('//')) throw BootConfigErrors.badSsmParameterName('parameterName', parameterName);
    return new ContainerSecret({ source: 'ssm', id: name });
  }

  /**
   * A Secrets Manager secret: its whole secret string, or one key of a JSON secret. Must be a
   * literal full ARN (the secret's `arn`): the host fetches it by ARN at boot, from the ARN's
   * region, and the instance role may read exactly that secret.
   * @param secretArn the secret's full ARN, e.g. `arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf`
   */
  public static fromSecretsManager(secretArn: string, options: SecretsManagerSecretOptions = {}): ContainerSecret {
    const arn = literal('secretArn', secretArn);
    const m = SECRET_ARN.exec(arn);
    if (!m) throw BootConfigErrors.badSecretArn('secretArn', secretArn);
    if (options === null || typeof options !== 'object') throw CoreErrors.notAnObject('options', options);
    let jsonKey: string | undefined;
    if (options.jsonKey !== undefined) {
      jsonKey = requireString('options.jsonKey', options.jsonKey, { literal: true });
      // eslint-disable-next-line no-control-regex
      if (/[\u0000-\u001f\u007f]/.test(jsonKey)) throw CoreErrors.controlCharacters('options.jsonKey', options.jsonKey);
    }
    return new ContainerSecret({ source: 'secretsmanager', id: arn, jsonKey, region: m[2] });
  }

  /** @internal */
  public readonly _ref: SecretRef;

  private constructor(ref: SecretRef) {
    this._ref = ref;
  }

  /** Where the secret is, e.g. `ssm:/prod/db/password` or `secretsmanager:arn:…#password` (never a value). */
  public toString(): string {
    return `${this._ref.source}:${this._ref.id}${this._ref.jsonKey !== undefined ? `#${this._ref.jsonKey}` : ''}`;
  }
}

function literal(property: string, value: unknown): string {
  if (isUnresolved(value)) throw BootConfigErrors.secretNameToken(property, value);
  return requireString(property, value);
}

/** True for a ContainerSecret of any copy of this module. @internal */
export function isContainerSecret(x: unknown): x is ContainerSecret {
  return x instanceof ContainerSecret;
}
