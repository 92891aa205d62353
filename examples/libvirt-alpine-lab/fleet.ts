import { App, TerraformStack } from 'cdktf';
import { ContainerOs, LibvirtDockerFleet, LibvirtProviderVersion } from '../../lib';
import { webHost, libvirtStack } from '../shared';

/** An Alpine lab (NoCloud cidata ISO). */
export function libvirtAlpineLab(app: App, provider?: LibvirtProviderVersion): TerraformStack {
  const stack = libvirtStack(app, 'libvirt-alpine-lab', provider);
  new LibvirtDockerFleet(stack, 'alpine', {
    os: ContainerOs.alpine(),
    hostCount: 2,
    hostConfig: webHost(),
    memoryMiB: 1024,
    dockerVolumeSizeGiB: 10,
    networkCidr: '10.17.4.0/24',
  });
  return stack;
}
