/**
 * User-chosen names that are also Object.prototype members (`constructor`, `toString`,
 * `__proto__`) are names like any other wherever they become an object key or a lookup.
 */
import { ContainerOs, HostConfig } from '../../lib';
import { toContainerModel } from '../../lib/bootconfig/container';
import { renderEnvFile } from '../../lib/bootconfig/container-run';
import { ED25519_KEY } from '../helpers/fixtures';
import { ignitionFile } from '../helpers/payloads';

describe('Object.prototype member names', () => {
  // group names are lower case, so `toString` cannot be one
  test.each(['constructor', '__proto__'])(
    'a user group named %s goes to the boot script on Flatcar and Fedora CoreOS, not to Ignition (it is not in /etc/group)', (group) => {
      for (const os of [ContainerOs.flatcar(), ContainerOs.fedoraCoreOs()]) {
        const h = new HostConfig();
        h.addUser({ name: 'deploy', sshAuthorizedKeys: [ED25519_KEY], groups: [group] });
        const content = os.renderFirstBoot(h).content;
        const deploy = JSON.parse(content).passwd.users.find((u: any) => u.name === 'deploy');
        expect(deploy.groups ?? []).not.toContain(group);
        expect(ignitionFile(content, '/etc/docker-fleet/user-groups')).toContain(group);
      }
    });

  test('an environment variable named __proto__ reaches the env file', () => {
    const env = JSON.parse('{"__proto__":"x","A":"1"}');
    const c = toContainerModel({ name: 'app', image: 'nginx:1.27', environment: env }, 'containers[0]');
    expect(renderEnvFile(c)).toBe('A=1\n__proto__=x\n');
  });

  test('an environment variable named constructor reaches the env file', () => {
    const c = toContainerModel({ name: 'app', image: 'nginx:1.27', environment: { constructor: 'y' } as any }, 'containers[0]');
    expect(renderEnvFile(c)).toBe('constructor=y\n');
  });
});
