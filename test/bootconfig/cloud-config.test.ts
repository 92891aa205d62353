import { gunzipSync } from 'zlib';
import { parse } from 'yaml';
import { CLOUD_CONFIG_KEYS, CloudConfigHeader, renderCloudConfig } from '../../lib/bootconfig/cloud-config';
import { FirstBootFormat } from '../../lib';
import { describeWithValidators, expectValid } from '../helpers/validators';

const doc = {
  sshAuthorizedKeys: ['ssh-ed25519 AAAA k'],
  files: [
    { path: '/etc/b.conf', contents: Buffer.from('b = 1\n'), permissions: '0644' },
    { path: '/etc/a.bin', contents: Buffer.from([0, 1, 2]), permissions: '0600' },
  ],
  packageUpdate: true,
  packages: ['docker', 'tzdata', 'docker'],
  bootcmd: [],
  runcmd: ['rc-update add docker default', 'rc-service docker start'],
};

describe('renderCloudConfig', () => {
  test('renders an exact #alpine-config document with sorted keys and files, every string double-quoted', () => {
    expect(renderCloudConfig(doc, CloudConfigHeader.ALPINE_CONFIG)).toBe(`#alpine-config
"package_update": true
"packages":
  - "docker"
  - "tzdata"
"runcmd":
  - "rc-update add docker default"
  - "rc-service docker start"
"ssh_authorized_keys":
  - "ssh-ed25519 AAAA k"
"write_files":
  -
    "content": "H4sIAAAAAAACA2NgZAIAf4lUCAMAAAA="
    "encoding": "gz+b64"
    "path": "/etc/a.bin"
    "permissions": "0600"
  -
    "content": "b = 1\\n"
    "path": "/etc/b.conf"
    "permissions": "0644"
`);
  });

  test('starts a cloud-init document with #cloud-config and changes nothing else', () => {
    const a = renderCloudConfig(doc, CloudConfigHeader.ALPINE_CONFIG);
    const c = renderCloudConfig(doc, CloudConfigHeader.CLOUD_CONFIG);
    expect(c).toBe(a.replace('#alpine-config', '#cloud-config'));
  });

  test('uses only keys that both cloud-init and tiny-cloud alpine-config implement', () => {
    const keys = Object.keys(parse(renderCloudConfig(doc, CloudConfigHeader.ALPINE_CONFIG)));
    expect(keys.filter((k) => !(CLOUD_CONFIG_KEYS as readonly string[]).includes(k))).toEqual([]);
  });

  test('binary contents round-trip through gz+b64', () => {
    const y = parse(renderCloudConfig(doc, CloudConfigHeader.CLOUD_CONFIG));
    const f = y.write_files.find((w: any) => w.path === '/etc/a.bin');
    expect([...gunzipSync(Buffer.from(f.content, 'base64'))]).toEqual([0, 1, 2]);
  });
});

describeWithValidators('cloud-config output through cloud-init schema', () => {
  test('both headers pass cloud-init schema validation', () => {
    expectValid([
      { format: FirstBootFormat.CLOUD_CONFIG, content: renderCloudConfig(doc, CloudConfigHeader.CLOUD_CONFIG) },
      { format: FirstBootFormat.ALPINE_CONFIG, content: renderCloudConfig(doc, CloudConfigHeader.ALPINE_CONFIG) },
    ]);
  });

  test('fails validation for a wrongly typed key, so the validator really checks', () => {
    expect(() => expectValid([{ format: FirstBootFormat.CLOUD_CONFIG, content: '#cloud-config\npackages: 5\n' }])).toThrow();
  });
});
