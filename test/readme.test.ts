import { readFileSync } from 'fs';
import { join } from 'path';
import { AlpineBootstrap, ContainerOs, FedoraCoreOsStream, FlatcarChannel } from '../lib';
import { alpineReleaseRows } from '../lib/os/alpine-releases';
import { bottlerocketVariantRows } from '../lib/os/bottlerocket-variants';
import { FEATURE_LABELS, POLICY_LABELS } from '../lib/os/capabilities';

/** Reads the README's OS comparison table into { rowLabel: [cells per OS] }. */
function osTable(): Record<string, string[]> {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
  const section = readme.split('## The operating systems')[1].split('\n## ')[0];
  const rows = section.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---'));
  const table: Record<string, string[]> = {};
  for (const r of rows.slice(1)) {
    const cells = r.split('|').slice(1, -1).map((c) => c.trim());
    table[cells[0]] = cells.slice(1);
  }
  return table;
}

describe('the README OS comparison table', () => {
  const table = osTable();
  const oses = [ContainerOs.fedoraCoreOs(), ContainerOs.flatcar(), ContainerOs.alpine(), ContainerOs.bottlerocket()];

  test('names the channels the catalog has', () => {
    expect(table.channels).toEqual([
      Object.values(FedoraCoreOsStream).join(', '),
      Object.values(FlatcarChannel).join(', '),
      ContainerOs.ALPINE_RELEASES.join(', '),
      ContainerOs.BOTTLEROCKET_VARIANTS.join(', '),
    ]);
  });

  test('names the first-boot format each OS renders', () => {
    expect(table['first-boot format'][0]).toBe(oses[0].firstBootFormat);
    expect(table['first-boot format'][1]).toBe(oses[1].firstBootFormat);
    expect(table['first-boot format'][2]).toBe(`${ContainerOs.alpine({ bootstrap: AlpineBootstrap.TINY }).firstBootFormat} (tiny) or `
      + `${ContainerOs.alpine({ bootstrap: AlpineBootstrap.CLOUD_INIT }).firstBootFormat} (cloudinit)`);
    expect(table['first-boot format'][3]).toBe(oses[3].firstBootFormat);
  });

  test('names the default users and platforms of the catalog', () => {
    expect(table['default user']).toEqual(oses.map((o) => o.defaultUser));
    expect(table.platforms).toEqual(oses.map((o) => o.platforms.join(', ')));
  });

  test('says what each OS can express and which update policies it takes, exactly as its capability table does', () => {
    const cell = (ok: boolean) => (ok ? 'yes' : 'no');
    for (const [feature, label] of FEATURE_LABELS) expect({ label, cells: table[label] }).toEqual({ label, cells: oses.map((o) => cell(o.canExpress(feature))) });
    for (const [kind, label] of POLICY_LABELS) {
      const row = `\`UpdatePolicy.${label}\``;
      expect({ row, cells: table[row] }).toEqual({ row, cells: oses.map((o) => cell(o.supportsPolicy(kind))) });
    }
  });
});

describe('the README Bottlerocket variant table', () => {
  test('lists exactly the variants of the library\'s data, with their kernels, flavors and status', () => {
    const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
    const section = readme.split('## Bottlerocket on ECS')[1].split('\n## ')[0];
    const rows = section.split('\n').filter((l) => l.startsWith('|'));
    expect(rows).toEqual(bottlerocketVariantRows());
  });
});

describe('the README Alpine branch table', () => {
  test('lists exactly the branches of the library\'s data, with their support dates and images', () => {
    const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
    const block = readme.split('**Alpine branches.**')[1].split('\n\n').find((b) => b.startsWith('| branch'));
    expect(block?.split('\n')).toEqual(alpineReleaseRows());
  });
});
