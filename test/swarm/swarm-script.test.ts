/**
 * The swarm node script as text: shellcheck finds nothing in it (as POSIX sh, the shell of every
 * swarm host: dash-like on Fedora CoreOS and Flatcar, busybox ash on Alpine), and what runs on
 * the hosts keeps tokens off command lines. Its behaviour is judged by real Docker engines in
 * test/effect/swarm-scenarios.test.ts.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ContainerOs } from '../../lib';
import { SWARM_SCRIPT } from '../../lib/swarm/swarm-script';
import { swarmAdditions } from '../../lib/swarm/swarm-host';
import { rmrf, run, scratch } from '../helpers/effect';
import { toolFor } from '../helpers/tools';

const settings = {
  backend: 'ssm' as const, role: 'manager' as const, managerCount: 1, parameterPath: '/s', managerTokenSecret: 's/manager-token',
  workerTokenSecret: 's/worker-token', turnFiles: [], managerTurns: [], workerTurns: [], workerDownMinutes: 60,
};
const script = () => swarmAdditions(ContainerOs.fedoraCoreOs(), settings).files.find((f) => f.path === SWARM_SCRIPT)!.contents.toString();

describe('the swarm node script', () => {
  test('shellcheck finds nothing in it', async () => {
    const sc = toolFor('shellcheck of the swarm node script', 'shellcheck');
    if (!sc) return;
    const dir = scratch('swarm-sc');
    try {
      const p = path.join(dir, 'script');
      fs.writeFileSync(p, script());
      const r = await run(sc, ['-s', 'sh', '-e', 'SC1090,SC1091,SC2153,SC3043', p], { timeoutMs: 60_000 });
      expect(r.stdout).toBe('');
    } finally { rmrf(dir); }
  });

  test('the AWS CLI container reads tokens from stdin and has no log driver; joins go through the Engine API, not `swarm join`', () => {
    const s = script();
    // the AWS CLI container's output (the tokens) must not reach a log driver such as journald
    expect(s).toContain('run --rm -i --network host --log-driver none');
    expect(s).toContain('--secret-string file:///dev/stdin');
    expect(s).toContain('http://localhost/swarm/join');
    expect(s).not.toMatch(/swarm join /);
    expect(s).not.toMatch(/--type SecureString/);
  });
});
