import { gunzipSync } from 'zlib';
import { ignitionContents, renderIgnition, renderIgnitionPointer } from '../../lib/bootconfig/ignition';
import { FirstBootFormat } from '../../lib';
import { describeWithValidators, expectValid } from '../helpers/validators';

const file = (path: string, text: string, mode = 0o644) => ({ path, contents: Buffer.from(text), mode, origin: path });

describe('renderIgnition', () => {
  test('renders users, files, links, units with drop-ins and filesystems as exact, key-sorted JSON', () => {
    const out = renderIgnition({
      users: [{ name: 'core', sshAuthorizedKeys: ['ssh-ed25519 AAAA k'], groups: [] }],
      files: [{ ...file('/etc/hostname', 'web-0\n'), user: 'core', group: 'core' }],
      directories: [],
      links: [{ path: '/etc/localtime', target: '../usr/share/zoneinfo/UTC', origin: 'tz' }],
      units: [{ name: 'a.service', contents: '[Service]\nExecStart=/bin/true\n', enabled: true, dropIns: [{ name: '10-x.conf', contents: '[Service]\n' }], origin: 'u' }],
      filesystems: [{ device: '/dev/xvdb', format: 'ext4', label: 'docker-data' }],
    });
    expect(out).toBe('{"ignition":{"version":"3.3.0"},'
      + '"passwd":{"users":[{"name":"core","sshAuthorizedKeys":["ssh-ed25519 AAAA k"]}]},'
      + '"storage":{"files":[{"contents":{"source":"data:,web-0%0A"},"group":{"name":"core"},"mode":420,"overwrite":true,"path":"/etc/hostname","user":{"name":"core"}}],'
      + '"filesystems":[{"device":"/dev/xvdb","format":"ext4","label":"docker-data","wipeFilesystem":false}],'
      + '"links":[{"hard":false,"overwrite":true,"path":"/etc/localtime","target":"../usr/share/zoneinfo/UTC"}]},'
      + '"systemd":{"units":[{"contents":"[Service]\\nExecStart=/bin/true\\n","dropins":[{"contents":"[Service]\\n","name":"10-x.conf"}],"enabled":true,"name":"a.service"}]}}');
  });

  test('sorts files and units so the order they were added in does not matter', () => {
    const a = renderIgnition({ users: [], directories: [], links: [], filesystems: [], units: [], files: [file('/b', 'b'), file('/a', 'a')] });
    const b = renderIgnition({ users: [], directories: [], links: [], filesystems: [], units: [], files: [file('/a', 'a'), file('/b', 'b')] });
    expect(a).toBe(b);
  });

  test('keeps short contents as a percent-encoded data URL', () => {
    expect(ignitionContents(Buffer.from('a b/%#\n'))).toEqual({ source: 'data:,a%20b/%25%23%0A' });
  });

  test('gzips and base64-encodes contents when that is shorter, and the bytes round-trip', () => {
    const text = 'repeat me please\n'.repeat(100);
    const c = ignitionContents(Buffer.from(text));
    expect(c.compression).toBe('gzip');
    expect(c.source.startsWith('data:;base64,')).toBe(true);
    expect(gunzipSync(Buffer.from(c.source.slice('data:;base64,'.length), 'base64')).toString()).toBe(text);
  });

  test('renders a replace pointer with a sha512 verification hash', () => {
    expect(renderIgnitionPointer('s3://bucket/key.ign', 'ab')).toBe(
      '{"ignition":{"config":{"replace":{"source":"s3://bucket/key.ign","verification":{"hash":"sha512-ab"}}},"version":"3.3.0"}}');
  });
});

describeWithValidators('Ignition output through ignition-validate', () => {
  test('a plan with every kind of entry passes ignition-validate, and so does a pointer', () => {
    const binary = { path: '/opt/x.bin', contents: Buffer.from([0, 255, 1, 2, 3]), mode: 0o600, origin: 'x' };
    const big = file('/etc/big.txt', 'lorem ipsum dolor sit amet\n'.repeat(200));
    const ign = renderIgnition({
      users: [{ name: 'core', sshAuthorizedKeys: ['ssh-ed25519 AAAA k'], groups: [] }, { name: 'deploy', sshAuthorizedKeys: [], groups: ['docker'] }],
      files: [binary, big, file('/etc/hostname', 'h\n')],
      directories: [{ path: '/var/lib/app', mode: 0o750, origin: 'd' }],
      links: [{ path: '/etc/localtime', target: '../usr/share/zoneinfo/UTC', origin: 'tz' }],
      units: [{ name: 'docker.service', enabled: true, dropIns: [], origin: 'd' }, { name: 'bad.service', mask: true, dropIns: [], origin: 'm' }],
      filesystems: [{ device: '/dev/disk/by-id/wwn-0x5000000000000001', format: 'ext4', label: 'docker-data' }],
    });
    expectValid([
      { format: FirstBootFormat.IGNITION, content: ign },
      { format: FirstBootFormat.IGNITION, content: renderIgnitionPointer('s3://bucket/key.ign', 'a'.repeat(128)) },
    ]);
  });

  test('fails validation for a relative path, so the validator really checks', () => {
    const bad = renderIgnition({ users: [], directories: [], links: [], filesystems: [], units: [], files: [file('relative/path', 'x')] });
    expect(() => expectValid([{ format: FirstBootFormat.IGNITION, content: bad }])).toThrow();
  });
});
