/**
 * Alpine's release branches as data (lib/os/alpine-releases.ts): the newest branch, support
 * dates, cloud image names, and the warning for a branch whose repositories lost support on the
 * synth date, which never reaches the synthesized JSON.
 */
import { AlpineBootstrap, Architecture, AwsImage, ContainerOs, HostConfig } from '../../lib';
import { clock } from '../../lib/core/clock';
import { ALPINE_NEWEST, ALPINE_RELEASE_DATA, alpineRelease, alpineSupportWarnings } from '../../lib/os/alpine-releases';
import { PINNED_AMI, SUBNETS, VPC, awsStack, warningsOf } from '../platforms/aws/aws-fixtures';
import { AwsDockerFleet } from '../../lib';
import { Testing } from 'cdktf';

/** Runs `f` with the library's clock at noon UTC of `date`, then puts the test clock back. */
function on<T>(date: string, f: () => T): T {
  const before = clock.now;
  clock.now = () => new Date(`${date}T12:00:00Z`);
  try {
    return f();
  } finally {
    clock.now = before;
  }
}

const warningsFor = (release: string) => ContainerOs.alpine({ release }).renderFirstBoot(new HostConfig()).warnings.join('\n');

describe('Alpine release data', () => {
  test('has 3.25 as the newest branch, which is the default', () => {
    expect(ContainerOs.ALPINE_RELEASES).toEqual(['3.22', '3.23', '3.24', '3.25']);
    expect(ALPINE_NEWEST).toBe('3.25');
    expect(ContainerOs.alpine().channel).toBe('3.25');
  });

  test('ends each branch\'s community support on the day the next branch was released', () => {
    for (let i = 0; i + 1 < ALPINE_RELEASE_DATA.length; i++) {
      expect({ branch: ALPINE_RELEASE_DATA[i].branch, communityEnds: ALPINE_RELEASE_DATA[i].communitySupportEnds })
        .toEqual({ branch: ALPINE_RELEASE_DATA[i].branch, communityEnds: ALPINE_RELEASE_DATA[i + 1].released });
    }
  });

  test('gives every branch a point release of its own and dates in order', () => {
    for (const r of ALPINE_RELEASE_DATA) {
      expect(r.pointRelease.startsWith(`${r.branch}.`)).toBe(true);
      expect(r.released < r.communitySupportEnds && r.communitySupportEnds < r.mainSupportEnds).toBe(true);
    }
  });

  test('fails for 3.21, whose main repository lost support on 2026-11-01', () => {
    expect(() => ContainerOs.alpine({ release: '3.21' })).toThrow(/release: got "3.21"; Alpine Linux has the releases '3.22', '3.23', '3.24', '3.25'/);
  });
});

describe('the support warning', () => {
  test('warns on 2026-12-07 that 3.24\'s Docker is unpatched since 3.25 came out, and names the newest branch', () => {
    expect(warningsFor('3.24')).toContain("Alpine Linux (3.24): Docker comes from Alpine's community repository, which is supported only until the next stable branch: "
      + "3.24's community repository gets no fixes since 2026-12-03, so its Docker, containerd and runc stay unpatched; use release '3.25'");
  });

  test('does not warn for 3.25 while its community repository is supported', () => {
    expect(warningsFor('3.25')).not.toMatch(/community|support/);
  });

  test('warned nothing for 3.24 the day before 3.25 came out', () => {
    expect(on('2026-12-02', () => warningsFor('3.24'))).not.toMatch(/community|support/);
  });

  test('says 3.25\'s Docker is probably unpatched once the next branch is overdue, since the data cannot know', () => {
    expect(on('2027-07-01', () => warningsFor('3.25'))).toContain("that branch was expected by 2027-06-30 (this library's release data is from 2026-12-07), "
      + "so 3.25's Docker probably gets no fixes any more: check https://alpinelinux.org/releases/ and update cdktf-docker-fleet");
  });

  test('says a branch gets no fixes at all once its main repository lost support', () => {
    expect(on('2027-05-01', () => warningsFor('3.22'))).toBe('Alpine Linux (3.22): Alpine 3.22 reached the end of its support on 2027-05-01: '
      + "its hosts get no security fixes at all (https://alpinelinux.org/releases/); use release '3.25'");
  });

  test('never names the synth date, only the fixed end dates', () => {
    const r = alpineRelease('3.23');
    expect(alpineSupportWarnings('x', r, '2026-12-07')).toEqual(alpineSupportWarnings('x', r, '2027-01-31'));
  });

  test('reaches the fleet as a warning annotation while the synthesized JSON stays the same on any date', () => {
    const synth = (date: string) => on(date, () => {
      const stack = awsStack();
      const fleet = new AwsDockerFleet(stack, 'web', {
        os: ContainerOs.alpine({ release: '3.24' }), hostCount: 1, instanceType: 't3.small', vpcId: VPC, subnetIds: SUBNETS, image: AwsImage.pinned(PINNED_AMI),
      });
      return { json: Testing.synth(stack), warnings: warningsOf(fleet).join('\n') };
    });
    const before = synth('2026-11-30');
    const after = synth('2026-12-07');
    expect(after.json).toBe(before.json);
    expect(before.warnings).not.toContain('community repository');
    expect(after.warnings).toContain("3.24's community repository gets no fixes since 2026-12-03");
  });
});

describe('Alpine cloud images', () => {
  test.each([
    ['3.22', AlpineBootstrap.TINY, 'https://dl-cdn.alpinelinux.org/alpine/v3.22/releases/cloud/nocloud_alpine-3.22.6-x86_64-bios-tiny-r0.qcow2'],
    ['3.23', AlpineBootstrap.CLOUD_INIT, 'https://dl-cdn.alpinelinux.org/alpine/v3.23/releases/cloud/nocloud_alpine-3.23.6-x86_64-bios-cloudinit-r0.qcow2'],
    ['3.24', AlpineBootstrap.TINY, 'https://dl-cdn.alpinelinux.org/alpine/v3.24/releases/cloud/alpine-3.24.2-x86_64-tiny-r0.qcow2'],
    ['3.25', AlpineBootstrap.CLOUD_INIT, 'https://dl-cdn.alpinelinux.org/alpine/v3.25/releases/cloud/alpine-3.25.0-x86_64-cloudinit-r0.qcow2'],
  ])('downloads %s (%s) at its current point release, named as that branch names its images', (release, bootstrap, url) => {
    expect(ContainerOs.alpine({ release, bootstrap }).libvirtImage().url).toBe(url);
  });

  test('searches AMIs of a branch that renamed its images under both names', () => {
    expect(ContainerOs.alpine().awsImage(Architecture.ARM64)).toMatchObject({
      nameFilter: 'alpine-3.25.*-aarch64-uefi-tiny-r*', alternativeNameFilters: ['alpine-3.25.*-aarch64-tiny-r*'],
    });
    expect(ContainerOs.alpine({ release: '3.23' }).awsImage().alternativeNameFilters).toBeUndefined();
  });

  test('puts both names into the AMI lookup of the synthesized stack', () => {
    const stack = awsStack();
    new AwsDockerFleet(stack, 'web', { os: ContainerOs.alpine(), hostCount: 1, instanceType: 't3.small', vpcId: VPC, subnetIds: SUBNETS });
    const ami = Object.values(JSON.parse(Testing.synth(stack)).data.aws_ami)[0] as any;
    expect(ami.filter.find((f: any) => f.name === 'name').values).toEqual(['alpine-3.25.*-x86_64-bios-tiny-r*', 'alpine-3.25.*-x86_64-tiny-r*']);
  });
});
