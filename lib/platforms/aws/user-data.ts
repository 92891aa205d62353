/**
 * The user-data delivery decision (pure): EC2 user data is at most 16 KB before base64 (EC2
 * User Guide, "Instance user data"), and the library never truncates it. A payload that fits
 * goes inline; above the limit it is gzip-compressed where the OS's agent gunzips, or, for
 * formats with a remote-config pointer (Ignition), uploaded to S3 with a small pointer as user
 * data; otherwise it is a clear error.
 */
import { createHash } from 'crypto';
import { gzipSync } from 'zlib';
import { AwsErrors } from './errors';
import { fingerprintOf } from '../../core/fingerprint';
import { AwsTraits } from '../../os/aws-traits';

/** EC2 user data: at most 16 KB before base64 encoding. */
export const USER_DATA_LIMIT_BYTES = 16384;

/** How the first-boot payload reaches the hosts. */
export enum UserDataDelivery {
  /** The payload is the user data, as it is. */
  INLINE = 'inline',
  /** The payload is gzip-compressed to fit 16 KB (Alpine tiny-cloud, cloud-init, Bottlerocket decompress it). */
  GZIP = 'gzip',
  /** The Ignition config is an S3 object; the user data is an `ignition.config.replace` pointer to it. */
  S3_POINTER = 's3-pointer',
}

/** The decision and its bytes. */
export interface UserDataPlan {
  readonly delivery: UserDataDelivery;
  readonly userData: Buffer;
  /** with S3_POINTER: the object to upload */
  readonly remoteObject?: { readonly bucket: string; readonly key: string; readonly content: Buffer };
}

/** Decides the delivery of `payload` for an OS's AWS traits (`bucket`: the optional userDataBucket). */
export function planUserData(os: string, payload: Buffer, traits: AwsTraits, bucket: string | undefined,
  s3Key: (fingerprint: string) => string): UserDataPlan {
  if (payload.length <= USER_DATA_LIMIT_BYTES) return { delivery: UserDataDelivery.INLINE, userData: payload };
  if (traits.gzipUserData) {
    // zlib's gzip header has mtime 0 and a fixed OS byte: same input, same bytes.
    const gz = gzipSync(payload, { level: 9 });
    if (gz.length > USER_DATA_LIMIT_BYTES) {
      throw AwsErrors.userDataTooLarge(os, payload.length, USER_DATA_LIMIT_BYTES,
        `even gzip-compressed it is ${gz.length} bytes; move large files out of hostConfig (e.g. into a container image, or fetch them at `
          + `boot)`);
    }
    return { delivery: UserDataDelivery.GZIP, userData: gz };
  }
  if (traits.remoteConfigPointer && bucket !== undefined) {
    const key = s3Key(fingerprintOf(payload, 16));
    const sha512 = createHash('sha512').update(payload).digest('hex');
    return {
      delivery: UserDataDelivery.S3_POINTER,
      userData: Buffer.from(traits.remoteConfigPointer(`s3://${bucket}/${key}`, sha512), 'utf8'),
      remoteObject: { bucket, key, content: payload },
    };
  }
  throw AwsErrors.userDataTooLarge(os, payload.length, USER_DATA_LIMIT_BYTES, traits.remoteConfigPointer
    ? 'set userDataBucket to an S3 bucket name: the config is then uploaded there and the user data becomes a small pointer to it'
    : 'move large files out of hostConfig (e.g. into a container image, or fetch them at boot)');
}
