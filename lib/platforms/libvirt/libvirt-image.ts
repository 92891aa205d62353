import { Token } from 'cdktf';
import { LibvirtErrors } from './errors';
import { requireOneOf } from '../../core/validation';
import { ContainerOs } from '../../os/container-os';

/** Disk formats of a libvirt base image. */
export enum LibvirtImageFormat {
  /** QEMU copy-on-write v2 (what Flatcar, Fedora CoreOS and Alpine publish for QEMU). */
  QCOW2 = 'qcow2',
  /** A raw disk image. */
  RAW = 'raw',
}

// Compressed archives libvirt would upload as they are (and the guest could not boot).
const COMPRESSED = /\.(xz|bz2|gz|tgz|zst|zstd|zip|7z|lz4|lzma|tar)$/i;

/**
 * The image a libvirt fleet's hosts boot from: uploaded once into the pool as a base volume,
 * with a copy-on-write root volume per host on top.
 *
 * The base volume ignores later changes of the image location (`ignore_changes = ["source"]`):
 * a new image release never replaces running hosts, which update themselves in place through
 * their channel (the same rule as `AwsImage`). To move hosts onto a new image, replace the base
 * volume (`terraform apply -replace=...`); every host is then re-provisioned and keeps its Docker
 * data volume.
 */
export class LibvirtImage {
  /**
   * An image downloaded by the libvirt provider from an `http://`, `https://` or `file://` URL.
   * It must be uncompressed: libvirt cannot use `.xz`, `.bz2`, `.gz` or `.zst` images, so
   * those URLs are rejected (decompress the file and use `fromPath`).
   *
   * @param url the image URL
   * @param format the image's disk format (default `LibvirtImageFormat.QCOW2`)
   */
  public static fromUrl(url: string, format?: LibvirtImageFormat): LibvirtImage {
    if (typeof url !== 'string') throw LibvirtErrors.badImageUrl('image', url);
    if (!Token.isUnresolved(url)) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        throw LibvirtErrors.badImageUrl('image', url);
      }
      if (!['http:', 'https:', 'file:'].includes(parsed.protocol) || /\s/.test(url)) throw LibvirtErrors.badImageUrl('image', url);
      if (COMPRESSED.test(parsed.pathname)) throw LibvirtErrors.compressedImageUrl('image', url);
    }
    return new LibvirtImage(url, checkFormat(format));
  }

  /**
   * An image file on the machine running Terraform (the provider uploads it into the pool),
   * e.g. a decompressed Fedora CoreOS `qemu` image. Must be an absolute path of an uncompressed
   * image.
   *
   * @param path absolute path of the image file
   * @param format the image's disk format (default `LibvirtImageFormat.QCOW2`)
   */
  public static fromPath(path: string, format?: LibvirtImageFormat): LibvirtImage {
    if (typeof path !== 'string') throw LibvirtErrors.badImagePath('image', path);
    if (!Token.isUnresolved(path)) {
      // eslint-disable-next-line no-control-regex
      if (!path.startsWith('/') || path.endsWith('/') || /[\u0000-\u001f\u007f]/.test(path)
          || path.split('/').some((seg) => seg === '..' || seg === '.')) {
        throw LibvirtErrors.badImagePath('image', path);
      }
      if (COMPRESSED.test(path)) throw LibvirtErrors.compressedImageUrl('image', path);
    }
    return new LibvirtImage(path, checkFormat(format));
  }

  /**
   * The OS channel's published image, where one can be used as it is (Flatcar, Alpine).
   * Throws a clear error for OSes without one (Fedora CoreOS publishes only `.qcow2.xz`;
   * Bottlerocket has no libvirt image).
   */
  public static ofOs(os: ContainerOs): LibvirtImage {
    const info = os.libvirtImage();
    return new LibvirtImage(info.url, checkFormat(info.format as LibvirtImageFormat));
  }

  /** The URL or path the base volume is uploaded from (the volume's `source`). */
  public readonly source: string;
  /** The image's disk format. */
  public readonly format: LibvirtImageFormat;

  private constructor(source: string, format: LibvirtImageFormat) {
    this.source = source;
    this.format = format;
  }

  /** A short description for messages. */
  public toString(): string {
    return `LibvirtImage(${this.source})`;
  }
}

function checkFormat(format: LibvirtImageFormat | undefined): LibvirtImageFormat {
  return format === undefined ? LibvirtImageFormat.QCOW2
    : requireOneOf('format', format, [LibvirtImageFormat.QCOW2, LibvirtImageFormat.RAW]);
}
