import { App, TerraformStack } from 'cdktf';
import { ContainerOs, LibvirtDockerFleet, LibvirtProviderVersion, LibvirtImage } from '../../lib';
import { image, webHost, libvirtStack } from '../shared';

/** A Fedora CoreOS lab from a downloaded and decompressed image (its qcow2.xz cannot be used by URL). */
export function libvirtFcosLab(app: App, provider?: LibvirtProviderVersion): TerraformStack {
  const stack = libvirtStack(app, 'libvirt-fcos-lab', provider);
  new LibvirtDockerFleet(stack, 'fcos', {
    os: ContainerOs.fedoraCoreOs(),
    hostCount: 2,
    image: LibvirtImage.fromPath('/var/lib/libvirt/images/fedora-coreos-qemu.x86_64.qcow2'),
    hostConfig: webHost(),
    memoryMiB: 4096,
    networkCidr: '10.17.5.0/24',
  });
  return stack;
}
