import { AlpineBootstrap, Architecture, ContainerOs, FedoraCoreOsStream, FlatcarChannel } from '../../lib';

describe('AWS image references', () => {
  test.each([
    [ContainerOs.fedoraCoreOs(), Architecture.X86_64, { owners: ['125523088429'], descriptionFilter: 'Fedora CoreOS stable *', architecture: 'x86_64' }],
    [ContainerOs.fedoraCoreOs({ stream: FedoraCoreOsStream.NEXT }), Architecture.ARM64, { owners: ['125523088429'], descriptionFilter: 'Fedora CoreOS next *', architecture: 'arm64' }],
    [ContainerOs.flatcar(), Architecture.X86_64, { owners: ['075585003325'], nameFilter: 'Flatcar-stable-*', architecture: 'x86_64' }],
    [ContainerOs.flatcar({ channel: FlatcarChannel.LTS }), Architecture.ARM64, { owners: ['075585003325'], nameFilter: 'Flatcar-lts-*', architecture: 'arm64' }],
    [ContainerOs.alpine({ release: '3.22' }), Architecture.X86_64, { owners: ['538276064493'], nameFilter: 'alpine-3.22.*-x86_64-bios-tiny-r*', architecture: 'x86_64' }],
    [ContainerOs.alpine({ bootstrap: AlpineBootstrap.CLOUD_INIT }), Architecture.ARM64, { owners: ['538276064493'], nameFilter: 'alpine-3.25.*-aarch64-uefi-cloudinit-r*', alternativeNameFilters: ['alpine-3.25.*-aarch64-cloudinit-r*'], architecture: 'arm64' }],
    [ContainerOs.bottlerocket(), Architecture.X86_64, { ssmParameter: '/aws/service/bottlerocket/aws-ecs-2/x86_64/latest/image_id', architecture: 'x86_64' }],
    [ContainerOs.bottlerocket({ variant: 'aws-ecs-3' }), Architecture.ARM64, { ssmParameter: '/aws/service/bottlerocket/aws-ecs-3/arm64/latest/image_id', architecture: 'arm64' }],
  ])('%s on %s', (os, arch, expected) => {
    const img = os.awsImage(arch);
    expect(img).toMatchObject(expected);
    expect(img.rootDeviceName).toBe('/dev/xvda');
    expect(img.minRootSizeGiB).toBeGreaterThan(0);
  });

  test('accepts the architecture as a plain string from JavaScript callers', () => {
    expect(ContainerOs.flatcar().awsImage('arm64' as Architecture).architecture).toBe('arm64');
  });

  test('fails on an unknown architecture', () => {
    expect(() => ContainerOs.flatcar().awsImage('riscv64' as Architecture)).toThrow(/architecture: got "riscv64"; allowed values: 'x86_64', 'arm64'/);
  });
});

describe('libvirt image references', () => {
  test.each([
    [ContainerOs.flatcar(), 'https://stable.release.flatcar-linux.net/amd64-usr/current/flatcar_production_qemu_image.img'],
    [ContainerOs.flatcar({ channel: FlatcarChannel.BETA }), 'https://beta.release.flatcar-linux.net/amd64-usr/current/flatcar_production_qemu_image.img'],
    [ContainerOs.alpine({ release: '3.22' }), 'https://dl-cdn.alpinelinux.org/alpine/v3.22/releases/cloud/nocloud_alpine-3.22.6-x86_64-bios-tiny-r0.qcow2'],
    [ContainerOs.alpine({ release: '3.24', bootstrap: AlpineBootstrap.CLOUD_INIT }), 'https://dl-cdn.alpinelinux.org/alpine/v3.24/releases/cloud/alpine-3.24.2-x86_64-cloudinit-r0.qcow2'],
  ])('%s uses %s', (os, url) => {
    expect(os.libvirtImage()).toEqual({ url, format: 'qcow2' });
  });

  test('fails for Fedora CoreOS, whose image is xz-compressed, and says how to use fromPath', () => {
    expect(() => ContainerOs.fedoraCoreOs().libvirtImage()).toThrow(/compressed.*coreos-installer download -s stable -p qemu -f qcow2.xz --decompress.*LibvirtImage.fromPath/);
  });

  test('fails for Bottlerocket, which publishes no libvirt image', () => {
    expect(() => ContainerOs.bottlerocket().libvirtImage()).toThrow(/Bottlerocket publishes no QEMU\/libvirt image/);
  });
});

describe('channels', () => {
  test.each([
    [() => ContainerOs.fedoraCoreOs({ stream: 'rawhide' as any }), /stream: got "rawhide"; Fedora CoreOS has the streams 'stable', 'testing', 'next'/],
    [() => ContainerOs.flatcar({ channel: 'edge' as any }), /channel: got "edge"; Flatcar Container Linux has the channels 'stable', 'beta', 'alpha', 'lts'/],
    [() => ContainerOs.alpine({ release: '3.21' }), /release: got "3.21"; Alpine Linux has the releases '3.22', '3.23', '3.24', '3.25'/],
    [() => ContainerOs.alpine({ release: 'edge' }), /release: got "edge"/],
    [() => ContainerOs.bottlerocket({ variant: 'aws-k8s-1.31' }), /variant: got "aws-k8s-1.31"; Bottlerocket has the variants 'aws-ecs-2', 'aws-ecs-2-nvidia', .*'aws-ecs-4-nvidia'/],
  ])('fails on an unknown channel %#', (make, msg) => {
    expect(make).toThrow(msg);
  });

  test('defaults: FCOS stable, Flatcar stable, newest Alpine, Bottlerocket aws-ecs-2', () => {
    expect([ContainerOs.fedoraCoreOs(), ContainerOs.flatcar(), ContainerOs.alpine(), ContainerOs.bottlerocket()].map((o) => o.displayName))
      .toEqual(['Fedora CoreOS (stable)', 'Flatcar Container Linux (stable)', 'Alpine Linux (3.25)', 'Bottlerocket (aws-ecs-2)']);
  });

  test('accepts channel names as plain strings in any case from JavaScript callers', () => {
    expect(ContainerOs.flatcar({ channel: 'Beta' as any }).channel).toBe('beta');
  });
});
