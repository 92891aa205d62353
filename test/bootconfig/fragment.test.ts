/**
 * Raw first-boot fragments (lib/bootconfig/fragment.ts): merged last over what the library renders,
 * and still valid for the real validators.
 */
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { ContainerOs, FirstBootFragment, HostConfig } from '../../lib';
import { thrown } from '../helpers/seam';
import { describeWithValidators, expectValid } from '../helpers/validators';

describe('raw first-boot fragments', () => {
  const ign = FirstBootFragment.ignition(JSON.stringify({
    storage: { files: [{ path: '/etc/motd', mode: 420, contents: { source: 'data:,from%20a%20fragment%0A' } }] },
    systemd: { units: [{ name: 'docker.service', dropins: [{ name: '99-raw.conf', contents: '[Service]\nLimitNOFILE=4096\n' }] }] },
  }));

  test('an Ignition fragment is merged as the last child: its entries replace the library\'s of the same key', () => {
    const host = new HostConfig();
    host.addFile({ path: '/etc/motd', content: 'from the model\n' });
    host.addFirstBootFragment(ign);
    const cfg = JSON.parse(ContainerOs.fedoraCoreOs().renderFirstBoot(host).content);
    const motd = cfg.storage.files.filter((f: any) => f.path === '/etc/motd');
    expect(motd).toEqual([{ path: '/etc/motd', mode: 420, contents: { source: 'data:,from%20a%20fragment%0A' } }]);
    expect(cfg.systemd.units.filter((u: any) => u.name === 'docker.service')).toHaveLength(1);
    expect(cfg.systemd.units.find((u: any) => u.name === 'docker.service').dropins[0].name).toBe('99-raw.conf');
  });

  test('a cloud-config fragment merges into both Alpine formats; lists are appended', () => {
    const host = new HostConfig();
    host.addFirstBootFragment(FirstBootFragment.cloudConfig('runcmd:\n  - echo from-fragment\nntp:\n  enabled: true\n'));
    for (const os of [ContainerOs.alpine(), ContainerOs.alpine({ bootstrap: 'cloudinit' as any })]) {
      const doc = parseYaml(os.renderFirstBoot(host).content);
      expect(doc.runcmd[doc.runcmd.length - 1]).toBe('echo from-fragment');
      expect(doc.runcmd).toContain('rc-update add docker default');
      expect(doc.ntp).toEqual({ enabled: true });
    }
  });

  test('a Bottlerocket settings fragment is merged into the TOML', () => {
    const host = new HostConfig();
    host.addFirstBootFragment(FirstBootFragment.bottlerocketSettings('[settings.kernel]\nlockdown = "integrity"\n'));
    const toml = parseToml(ContainerOs.bottlerocket().renderFirstBoot(host).content) as any;
    expect(toml.settings.kernel.lockdown).toBe('integrity');
    expect(toml.settings.updates['version-lock']).toBe('latest');
  });

  test('fails for a fragment of another format, naming the format the OS reads', () => {
    const host = new HostConfig();
    host.addFirstBootFragment(FirstBootFragment.cloudConfig('runcmd: [ls]\n'));
    const e = thrown(() => ContainerOs.flatcar().renderFirstBoot(host));
    expect(e.code).toBe('FRAGMENT_FORMAT');
    expect(e.message).toContain('Flatcar Container Linux (stable) reads Ignition; give a fragment of that format '
      + '(FirstBootFragment.ignition');
  });

  test('fails for fragments that do not parse, or are not a mapping, or name another Ignition spec', () => {
    expect(thrown(() => FirstBootFragment.ignition('{not json')).code).toBe('BAD_FRAGMENT');
    expect(thrown(() => FirstBootFragment.cloudConfig('- a list\n')).code).toBe('BAD_FRAGMENT');
    expect(thrown(() => FirstBootFragment.bottlerocketSettings('[[[')).code).toBe('BAD_FRAGMENT');
    const host = new HostConfig();
    host.addFirstBootFragment(FirstBootFragment.ignition('{"ignition":{"version":"3.4.0"}}'));
    expect(thrown(() => ContainerOs.flatcar().renderFirstBoot(host)).message).toMatch(/an Ignition fragment of spec 3\.3\.0/);
  });

  describeWithValidators('merged payloads', () => {
    test('still pass the real validators', () => {
      const h1 = new HostConfig();
      h1.addFirstBootFragment(ign);
      const h2 = new HostConfig();
      h2.addFirstBootFragment(FirstBootFragment.cloudConfig('runcmd:\n  - echo hi\n'));
      expectValid([
        ContainerOs.flatcar().renderFirstBoot(h1), ContainerOs.fedoraCoreOs().renderFirstBoot(h1),
        ContainerOs.alpine().renderFirstBoot(h2),
      ]);
    });
  });
});
