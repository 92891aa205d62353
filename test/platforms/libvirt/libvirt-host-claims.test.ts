/**
 * Two libvirt fleets of one stack land on one libvirt host: they must not share a network, pool
 * or domain name, nor overlapping network blocks (libvirt refuses the second at apply).
 */
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { ContainerOs, FleetConfigErrors, HostConfig, LibvirtDockerFleet, LibvirtDockerFleetProps, LibvirtProvider09 } from '../../../lib';
import { ED25519_KEY } from '../../helpers/fixtures';
import { thrown } from '../../helpers/error-codes';

function stack(app = new App({ outdir: '/tmp/unused-outdir' }), name = 'lab'): TerraformStack {
  const s = new TerraformStack(app, name);
  new LibvirtProvider09(s, 'libvirt', { uri: 'qemu:///system' });
  return s;
}

const props = (more: Partial<LibvirtDockerFleetProps> = {}): LibvirtDockerFleetProps => ({
  os: ContainerOs.flatcar(), hostCount: 2, hostConfig: new HostConfig({ sshAuthorizedKeys: [ED25519_KEY] }), ...more,
});


describe('two libvirt fleets in one stack', () => {
  test('fails when both take the default network block, naming the other fleet', () => {
    const s = stack();
    new LibvirtDockerFleet(s, 'blue', props());
    const e = thrown(() => new LibvirtDockerFleet(s, 'green', props()));
    expect(FleetConfigErrors.codeOf(e)).toBe('OVERLAPPING_NETWORKS');
    expect(e.message).toMatch(/^lab\/green: networkCidr \(default: '10\.17\.3\.0\/24'\)/);
    expect(e.message).toContain("'lab/blue'");
  });

  test('fails when one network block contains the other', () => {
    const s = stack();
    new LibvirtDockerFleet(s, 'blue', props({ networkCidr: '10.20.0.0/16' }));
    const e = thrown(() => new LibvirtDockerFleet(s, 'green', props({ networkCidr: '10.20.7.0/24' })));
    expect(FleetConfigErrors.codeOf(e)).toBe('OVERLAPPING_NETWORKS');
    expect(e.message).toContain('10.20.0.0/16');
  });

  test('adjacent network blocks synthesize', () => {
    const s = stack();
    new LibvirtDockerFleet(s, 'blue', props({ networkCidr: '10.17.3.0/24' }));
    expect(() => new LibvirtDockerFleet(s, 'green', props({ networkCidr: '10.17.4.0/24' }))).not.toThrow();
  });

  test('fails when both name one network', () => {
    const s = stack();
    new LibvirtDockerFleet(s, 'blue', props({ networkName: 'lan' }));
    const e = thrown(() => new LibvirtDockerFleet(s, 'green', props({ networkName: 'lan', networkCidr: '10.17.4.0/24' })));
    expect(FleetConfigErrors.codeOf(e)).toBe('SHARED_ON_LIBVIRT_HOST');
    expect(e.message).toMatch(/^lab\/green: networkName: got "lan"; the fleet 'lab\/blue'/);
  });

  test('fails when both create one pool', () => {
    const s = stack();
    new LibvirtDockerFleet(s, 'blue', props({ networkName: 'blue-net' }));
    // a fleet nested under another construct with the same id creates a pool of the same name
    const e = thrown(() => new LibvirtDockerFleet(new Construct(s, 'team'), 'blue',
      props({ networkName: 'team-net', networkCidr: '10.17.4.0/24', hostNames: ['t0', 't1'] })));
    expect(FleetConfigErrors.codeOf(e)).toBe('SHARED_ON_LIBVIRT_HOST');
    expect(e.message).toContain('pool name');
  });

  test('fails when two fleets give one host name, ignoring case', () => {
    const s = stack();
    new LibvirtDockerFleet(s, 'blue', props({ hostNames: ['web', 'db'] }));
    const e = thrown(() => new LibvirtDockerFleet(s, 'green', props({ hostNames: ['cache', 'WEB'], networkCidr: '10.17.4.0/24' })));
    expect(FleetConfigErrors.codeOf(e)).toBe('SHARED_ON_LIBVIRT_HOST');
    expect(e.message).toContain('hostNames[1]');
  });

  test('fleets with one id in two stacks may share names and addresses (they may be on two libvirt hosts)', () => {
    const app = new App({ outdir: '/tmp/unused-outdir' });
    new LibvirtDockerFleet(stack(app, 'staging'), 'lab', props());
    expect(() => new LibvirtDockerFleet(stack(app, 'prod'), 'lab', props())).not.toThrow();
  });
});
