// Public API of cdktf-docker-fleet. Names here are a contract (shared/DESIGN.md).
export * from './bootconfig/host-config';
export { HostFileOptions } from './bootconfig/host-file';
export { SystemdUnitOptions, SystemdDropInOptions } from './bootconfig/systemd-unit';
export { ContainerOptions } from './bootconfig/container';
export { HostUserOptions } from './bootconfig/host-user';
export { DockerDataVolumeOptions, DataVolumeFileSystem } from './bootconfig/docker-data-volume';
export * from './os/enums';
export * from './os/update-policy';
export {
  ContainerOs, RenderFirstBootOptions, FirstBootPayload, AwsImageLookup, LibvirtImageInfo,
} from './os/container-os';
export { FedoraCoreOsOptions } from './os/fedora-coreos';
export { FlatcarOptions } from './os/flatcar';
export { AlpineOptions } from './os/alpine';
export { BottlerocketOptions } from './os/bottlerocket';
export * from './platforms/aws/aws-docker-fleet';
export * from './platforms/aws/aws-image';
export * from './platforms/libvirt/libvirt-docker-fleet';
export * from './platforms/libvirt/libvirt-image';
export * from './platforms/libvirt/provider';
