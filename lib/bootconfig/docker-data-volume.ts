import { CoreErrors } from '../core/errors';
import { BootConfigErrors } from './errors';
import { requireAbsolutePath, requireOneOf, requireString } from '../core/validation';
import { DataVolumeModel } from './model';

/** The label a Docker data volume carries unless the user names another. */
export const DOCKER_DATA_LABEL = 'docker-data';
/** Where Docker keeps its data, and so where the data volume is mounted. */
export const DOCKER_DATA_DIR = '/var/lib/docker';

/**
 * The library's Docker data volume (the one definition of its defaults): ext4 labelled
 * `docker-data` at /var/lib/docker, on a fixed device or a disk found at boot by its model.
 */
export function defaultDataVolume(where: { device?: string; diskModel?: string } = {}): DataVolumeModel {
  return { device: where.device, diskModel: where.diskModel, label: DOCKER_DATA_LABEL, fileSystem: 'ext4', mountPoint: DOCKER_DATA_DIR };
}

/** File systems the Docker data volume may be formatted with. */
export enum DataVolumeFileSystem {
  /** ext4 (the default). */
  EXT4 = 'ext4',
  /** XFS (with ftype=1, which overlay2 needs; the mkfs default). */
  XFS = 'xfs',
}

/**
 * A separate disk mounted at /var/lib/docker. The platform constructs set it for you when
 * `dockerVolumeSizeGiB` is given; set it yourself only for a disk you attach another way.
 * The disk is formatted only when it has no file system yet, so its data survives a host
 * being re-provisioned.
 */
export interface DockerDataVolumeOptions {
  /**
   * Stable device path of the disk, e.g. `/dev/xvdb` (Flatcar on EC2) or `/dev/disk/by-id/wwn-0x…`.
   * @default - found at first boot: the one blank, unpartitioned, writable disk
   */
  readonly device?: string;
  /**
   * File system label, used to mount the disk after it is formatted.
   * @default 'docker-data'
   */
  readonly label?: string;
  /**
   * File system created on a blank disk.
   * @default DataVolumeFileSystem.EXT4
   */
  readonly fileSystem?: DataVolumeFileSystem;
}

export function toDataVolumeModel(o: DockerDataVolumeOptions, origin: string): DataVolumeModel {
  if (o === null || typeof o !== 'object') throw CoreErrors.notAnObject(origin, o);
  const device = o.device === undefined ? undefined : requireAbsolutePath(`${origin}.device`, o.device);
  if (device !== undefined && !device.startsWith('/dev/')) throw BootConfigErrors.badDevice(`${origin}.device`, o.device);
  const label = o.label === undefined ? DOCKER_DATA_LABEL : requireString(`${origin}.label`, o.label);
  // ext4 labels hold 16 bytes, XFS 12; keep to the smaller common set of characters.
  if (!/^[A-Za-z0-9_-]{1,12}$/.test(label)) throw BootConfigErrors.badLabel(`${origin}.label`, o.label);
  const fileSystem = o.fileSystem === undefined ? 'ext4' : requireOneOf(`${origin}.fileSystem`, o.fileSystem, ['ext4', 'xfs'] as const);
  return { device, label, fileSystem, mountPoint: DOCKER_DATA_DIR };
}
