// Public API of cdktf-docker-fleet. Names here are a contract: programs and tests outside the package use them.
export { HostConfig, type HostConfigProps } from './bootconfig/host-config';
export { FirstBootFragment } from './bootconfig/fragment';
export type { HostFileOptions } from './bootconfig/host-file';
export type { SystemdUnitOptions, SystemdDropInOptions } from './bootconfig/systemd-unit';
export type { ContainerOptions } from './bootconfig/container';
export { ContainerSecret, type SecretsManagerSecretOptions } from './bootconfig/container-secret';
export type { HostUserOptions } from './bootconfig/host-user';
export { type DockerDataVolumeOptions, DataVolumeFileSystem } from './bootconfig/docker-data-volume';
export * from './os/enums';
export { OsFeature } from './os/capabilities';
export {
  UpdatePolicy, UpdatePolicyKind, Weekday, type MaintenanceWindowOptions, type FleetLockOptions,
} from './os/update-policy';
export {
  ContainerOs, type RenderFirstBootOptions, type FirstBootPayload,
  type FedoraCoreOsOptions, type FlatcarOptions, type AlpineOptions, type BottlerocketOptions, type BottlerocketHostContainer,
} from './os/container-os';
export type { AwsImageLookup } from './os/aws-traits';
export type { LibvirtImageInfo } from './os/libvirt-traits';
export * from './platforms/aws/aws-docker-fleet';
export * from './platforms/aws/aws-docker-fleet-props';
export type { AwsHostGroupProps } from './platforms/aws/aws-host-group-props';
export { AwsFleetEcs } from './platforms/aws/ecs/aws-fleet-ecs';
export * from './swarm/aws-docker-swarm';
export * from './platforms/aws/aws-image';
export * from './platforms/aws/fleet-security-checks';
export * from './platforms/libvirt/libvirt-docker-fleet';
export * from './platforms/libvirt/libvirt-docker-fleet-props';
export * from './swarm/libvirt-docker-swarm';
export * from './platforms/libvirt/libvirt-image';
export * from './platforms/libvirt/provider';
export { FleetConfigErrors } from './core/fleet-config-error';
export * from './platforms/libvirt/provider-version';
export * from './platforms/libvirt/v09/libvirt-provider-09';
