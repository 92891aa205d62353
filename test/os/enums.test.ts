/**
 * One shape for every OS's channel (lib/os/enums.ts, container-os.ts): each factory takes its
 * enum or the plain name, and the enums list exactly what the catalog supports.
 */
import {
  AlpineBranch, BottlerocketEcsVariant, ContainerOs, FedoraCoreOsStream, FlatcarChannel, FleetConfigErrors,
} from '../../lib';

describe('channels, streams, releases and variants', () => {
  test('the Alpine and Bottlerocket enums list exactly the catalog\'s branches and variants, in its order', () => {
    expect(Object.values(AlpineBranch)).toEqual([...ContainerOs.ALPINE_RELEASES]);
    expect(Object.values(BottlerocketEcsVariant)).toEqual([...ContainerOs.BOTTLEROCKET_VARIANTS]);
  });

  test('every OS takes its enum or the same name as a string, and both give the same OS', () => {
    const pairs: [ContainerOs, ContainerOs][] = [
      [ContainerOs.fedoraCoreOs({ stream: FedoraCoreOsStream.TESTING }), ContainerOs.fedoraCoreOs({ stream: 'testing' })],
      [ContainerOs.flatcar({ channel: FlatcarChannel.LTS }), ContainerOs.flatcar({ channel: 'lts' })],
      [ContainerOs.alpine({ release: AlpineBranch.V3_24 }), ContainerOs.alpine({ release: '3.24' })],
      [ContainerOs.bottlerocket({ variant: BottlerocketEcsVariant.AWS_ECS_3 }), ContainerOs.bottlerocket({ variant: 'aws-ecs-3' })],
    ];
    for (const [fromEnum, fromString] of pairs) expect(fromString.displayName).toBe(fromEnum.displayName);
    expect(pairs.map(([o]) => o.channel)).toEqual(['testing', 'lts', '3.24', 'aws-ecs-3']);
  });

  test('fails on a name the catalog does not have, listing the allowed ones', () => {
    let code: string | undefined;
    try {
      ContainerOs.flatcar({ channel: 'edge' });
    } catch (e) {
      code = FleetConfigErrors.codeOf(e);
      expect((e as Error).message).toBe("channel: got \"edge\"; Flatcar Container Linux has the channels 'stable', 'beta', 'alpha', 'lts'");
    }
    expect(code).toBe('UNKNOWN_CHANNEL');
  });
});
