import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { DataAwsAmi } from '@cdktf/provider-aws/lib/data-aws-ami';
import { DataAwsSsmParameter } from '@cdktf/provider-aws/lib/data-aws-ssm-parameter';
import { CoreErrors } from '../../core/errors';
import { AwsErrors } from './errors';
import { ContainerOs } from '../../os/container-os';
import { AwsImageLookup } from '../../os/aws-traits';
import { Architecture } from '../../os/enums';

const AMI_ID = /^ami-[0-9a-f]{8,17}$/;

/** Options of `AwsImage.latest()`. */
export interface LatestImageOptions {
  /**
   * Roll the fleet onto each new image: the image id is then part of the launch template, so a
   * newer image found at plan time makes a new launch-template version and the Auto Scaling
   * group's rolling instance refresh replaces the hosts (like any other config change).
   *
   * Without it, running hosts are never replaced for an image (they update in place through their
   * channel), but hosts launched later (scale-out, a refresh for a config change, a replaced
   * unhealthy host) boot the image resolved when the launch template was last changed, which ages
   * (and a deregistered AMI stops launches). Fedora CoreOS and Flatcar update such a host on its
   * own right after first boot (Zincati, update_engine); Alpine upgrades its packages at first boot.
   * @default false
   */
  readonly rollOnNewImage?: boolean;
}

/** Options of `AwsImage.pinned()`. */
export interface PinnedImageOptions {
  /**
   * Roll the fleet when the pinned id changes (a new launch-template version, then the rolling
   * instance refresh), instead of ignoring the change.
   * @default false
   */
  readonly rollOnChange?: boolean;
}

function requireRoll(property: string, value: unknown): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw CoreErrors.notABoolean(property, value);
  return value;
}

/**
 * Which AMI the fleet boots: the OS channel's newest image, looked up at plan time, or a pinned id.
 *
 * By default the launch template ignores later changes of the image id (`ignore_changes =
 * ["image_id"]`): a new AMI never replaces running hosts, which update themselves in place
 * through their channel. The AMI then only matters for hosts launched later (scale-out, an
 * instance refresh triggered by a config change, a replaced unhealthy host). With
 * `rollOnNewImage` / `rollOnChange` a new image rolls the fleet instead.
 *
 * To move a fleet that ignores image changes onto the current image once, replace its launch
 * template: `terraform -chdir=cdktf.out/stacks/<stack> apply -replace=<launch template address>`
 * (the new template gets the image resolved now, and the group's instance refresh rolls).
 */
export class AwsImage {
  /**
   * The newest image of the OS's channel for the fleet's architecture: a `data "aws_ami"` search
   * (owner + name/description filters + architecture, `most_recent = true`) or, for OSes that
   * publish one (Bottlerocket), a `data "aws_ssm_parameter"` public parameter. Needs AWS
   * credentials at plan time.
   */
  public static latest(options: LatestImageOptions = {}): AwsImage {
    return new AwsImage(undefined, requireRoll('rollOnNewImage', options?.rollOnNewImage));
  }

  /**
   * A fixed AMI id, e.g. `'ami-0123456789abcdef0'`. No AWS lookup happens at plan time (what
   * offline `terraform plan` and reproducible pipelines need). The AMI must be of the OS and
   * the architecture the fleet is configured with: the library cannot check that.
   */
  public static pinned(amiId: string, options: PinnedImageOptions = {}): AwsImage {
    if (typeof amiId !== 'string') throw AwsErrors.badAmiId('image', amiId);
    if (!Token.isUnresolved(amiId) && !AMI_ID.test(amiId)) throw AwsErrors.badAmiId('image', amiId);
    return new AwsImage(amiId, requireRoll('rollOnChange', options?.rollOnChange));
  }

  /**
   * The pinned AMI id.
   * @default - none: the image is looked up at plan time (`AwsImage.latest()`)
   */
  public readonly amiId?: string;
  /** Whether an image change rolls the fleet (see `rollOnNewImage` / `rollOnChange`). */
  public readonly rollsOnChange: boolean;

  private constructor(amiId: string | undefined, rolls: boolean) {
    this.amiId = amiId;
    this.rollsOnChange = rolls;
  }

  /** A short description for messages. */
  public toString(): string {
    return this.amiId === undefined ? 'AwsImage.latest()' : `AwsImage.pinned('${this.amiId}')`;
  }

  /**
   * Returns the image id for the launch template, adding the lookup data source to `scope` when
   * needed.
   * @internal
   */
  public _bind(scope: Construct, os: ContainerOs, architecture: Architecture): { imageId: string; lookup: AwsImageLookup } {
    const lookup = os.awsImage(architecture);
    if (this.amiId !== undefined) return { imageId: this.amiId, lookup };
    if (lookup.ssmParameter !== undefined) {
      // `insecure_value` keeps the AMI id out of Terraform's sensitive-value redaction (the
      // parameter is a public String, not a SecureString).
      const param = new DataAwsSsmParameter(scope, 'ImageParameter', { name: lookup.ssmParameter });
      return { imageId: param.insecureValue, lookup };
    }
    const filter = [
      ...(lookup.nameFilter !== undefined ? [{ name: 'name', values: [lookup.nameFilter, ...(lookup.alternativeNameFilters ?? [])] }] : []),
      ...(lookup.descriptionFilter !== undefined ? [{ name: 'description', values: [lookup.descriptionFilter] }] : []),
      { name: 'architecture', values: [lookup.architecture] },
      { name: 'virtualization-type', values: ['hvm'] },
      { name: 'state', values: ['available'] },
    ];
    const ami = new DataAwsAmi(scope, 'Image', {
      owners: [...(lookup.owners ?? [])],
      mostRecent: true,
      filter,
    });
    return { imageId: ami.id, lookup };
  }
}
