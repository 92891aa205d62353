/**
 * Bad input as `cdktf synth` shows it (lib/platforms/cli-synth-errors.ts, lib/core/fleet-config-error.ts):
 * under the CLI each problem becomes one error annotation, which the CLI prints once; a plain
 * `node main.js` prints the message once, without a dump of the error object. The app runs as
 * its own process, as the CLI runs it; one test runs the real `cdktf synth`.
 */
import { spawnSync } from 'child_process';
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { underCliSynth } from '../../lib/platforms/cli-synth-errors';
import { APP_COMMAND, appEnv, runApp, writeApp } from '../helpers/ts-app';

const BAD_FLEET = `
const { App, TerraformStack } = require('cdktf');
const { AwsDockerFleet, ContainerOs } = require(LIB);
const app = new App();
const stack = new TerraformStack(app, 'web');
new AwsDockerFleet(stack, 'api', {
  os: ContainerOs.flatcar(), hostCount: -1, instanceType: 't3.small', vpcId: 'vpc-1', subnetIds: ['subnet-0123456789abcdef0'],
});
app.synth();
`;
const PROBLEMS = [
  'hostCount: got -1; expected a whole number from 0 to 2147483647',
  'vpcId: got "vpc-1"; expected an id like \'vpc-0123456789abcdef0\' (\'vpc-\' and 8 or 17 lower-case hex digits)',
];
const count = (text: string, part: string) => text.split(part).length - 1;

describe('bad input under cdktf synth', () => {
  test('the CLI\'s environment is recognised: CDKTF_OUTDIR and CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS, as cdktf-cli and cdktn-cli set them', () => {
    expect(underCliSynth({ CDKTF_OUTDIR: 'cdktf.out', CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS: 'true' })).toBe(true);
    expect(underCliSynth({ CDKTF_OUTDIR: 'cdktf.out' })).toBe(false);
    expect(underCliSynth({})).toBe(false);
  });

  test('each problem becomes one error annotation on the fleet, the app exits 0 and prints nothing: the CLI prints them and fails', () => {
    const r = runApp(BAD_FLEET, { CDKTF_OUTDIR: 'out', CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS: 'true' });
    expect({ code: r.code, stderr: r.stderr, stdout: r.stdout }).toEqual({ code: 0, stderr: '', stdout: '' });
    const manifest = JSON.parse(readFileSync(join(r.dir, 'out', 'manifest.json'), 'utf8'));
    expect(manifest.stacks.web.annotations).toEqual(PROBLEMS.map((message) => ({
      constructPath: 'web/api', level: '@cdktf/error', message,
    })));
  });

  test('a caught error is the app\'s business: nothing is annotated and the app goes on', () => {
    const r = runApp(BAD_FLEET.replace(/new AwsDockerFleet\(([\s\S]*?)\}\);/, 'try { new AwsDockerFleet($1}); } catch (e) { console.log(e.code); }'),
      { CDKTF_OUTDIR: 'out', CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS: 'true' });
    expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: 0, stdout: 'NOT_AN_INTEGER\n', stderr: '' });
    expect(JSON.parse(readFileSync(join(r.dir, 'out', 'manifest.json'), 'utf8')).stacks.web.annotations).toEqual([]);
  });

  test('fails outside the CLI with the message once, the app\'s line, and no dump of the error object', () => {
    const r = runApp(BAD_FLEET);
    expect(r.code).toBe(1);
    for (const p of PROBLEMS) expect({ p, n: count(r.stderr, p) }).toEqual({ p, n: 1 });
    expect(r.stderr).toContain('FleetConfigError [NOT_AN_INTEGER]: web/api: hostCount: got -1');
    expect(r.stderr).toMatch(/\n {4}at Object\.<anonymous> \(.*main\.js:7:1\)\n/);
    expect(r.stderr).not.toMatch(/problems:|_value|shownValue|allowed:|Circular|at Problems\./);
  });

  test('the real cdktf synth prints every problem once, with the fleet\'s path, and fails', () => {
    const dir = writeApp(BAD_FLEET);
    writeFileSync(join(dir, 'cdktf.json'), JSON.stringify({ language: 'typescript', app: APP_COMMAND, sendCrashReports: 'false' }));
    writeFileSync(join(dir, 'empty.tfrc'), '');
    const cli = join(__dirname, '..', '..', 'node_modules', 'cdktf-cli', 'bundle', 'bin', 'cdktf');
    expect(existsSync(cli)).toBe(true);
    const s = spawnSync(process.execPath, [cli, 'synth', '--no-color'], {
      cwd: dir, encoding: 'utf8', timeout: 300000, env: appEnv({ CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: join(dir, 'empty.tfrc') }),
    });
    const out = `${s.stdout}${s.stderr}`;
    expect(s.status).toBe(1);
    for (const p of PROBLEMS) expect({ p, n: count(out, p), line: out.includes(`ERROR [web/api]: ${p}`) }).toEqual({ p, n: 1, line: true });
    expect(out).not.toMatch(/problems:|_value|shownValue|Circular|Command output on stderr/);
  });
});
