// Public API of cdktf-docker-fleet. Names here are a contract (shared/DESIGN.md).
export * from './bootconfig/host-config';
export type { HostFileOptions } from './bootconfig/host-file';
export type { SystemdUnitOptions, SystemdDropInOptions } from './bootconfig/systemd-unit';
export type { ContainerOptions } from './bootconfig/container';
export type { HostUserOptions } from './bootconfig/host-user';
export { type DockerDataVolumeOptions, DataVolumeFileSystem } from './bootconfig/docker-data-volume';
export * from './os/enums';
export * from './os/update-policy';
export {
  ContainerOs, type RenderFirstBootOptions, type FirstBootPayload, type AwsImageLookup, type LibvirtImageInfo,
} from './os/container-os';
export type { FedoraCoreOsOptions } from './os/fedora-coreos';
export type { FlatcarOptions } from './os/flatcar';
export type { AlpineOptions } from './os/alpine';
export type { BottlerocketOptions } from './os/bottlerocket';
export * from './platforms/aws/aws-docker-fleet';
export * from './platforms/aws/aws-image';
export * from './platforms/aws/fleet-security-checks';
export * from './platforms/libvirt/libvirt-docker-fleet';
export * from './platforms/libvirt/libvirt-image';
export * from './platforms/libvirt/provider';
