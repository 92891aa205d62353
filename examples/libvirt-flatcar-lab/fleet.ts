import { App, TerraformStack } from 'cdktf';
import { ContainerOs, LibvirtDockerFleet, LibvirtProviderVersion } from '../../lib';
import { webHost, libvirtStack } from '../shared';

/** A lab of three Flatcar hosts on a local KVM host. */
export function libvirtFlatcarLab(app: App, provider?: LibvirtProviderVersion): TerraformStack {
  const stack = libvirtStack(app, 'libvirt-flatcar-lab', provider);
  new LibvirtDockerFleet(stack, 'lab', {
    os: ContainerOs.flatcar(),
    hostCount: 3,
    hostConfig: webHost(),
    memoryMiB: 2048,
    dockerVolumeSizeGiB: 20,
    networkCidr: '10.17.3.0/24',
  });
  return stack;
}
