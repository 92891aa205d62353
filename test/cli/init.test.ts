/**
 * `cdktf-docker-fleet init` (lib/cli/init.ts): a new app in an empty directory whose versions are
 * the README's install lines, whose stacks import without synthesizing, and whose main.ts
 * synthesizes the fleet it asked for. (The consumer tests install and test it from the tarball.)
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { frameworkLine, skeletonFiles } from '../../lib/cli/init';
import { runInApp } from '../helpers/ts-app';
import { runCli, tempDir } from './cli-helpers';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

/** The `npm install` lines of a README section's sh blocks, as { package: version }. */
function installed(title: string): Record<string, string> {
  const start = readme.indexOf(`\n## ${title}\n`);
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  const words = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1].split('\n'))
    .filter((l) => l.startsWith('npm install ')).flatMap((l) => l.split(/\s+/));
  return Object.fromEntries(words.map((w) => /^(@?[^@\s]+)@(.+)$/.exec(w)).filter((m) => m !== null).map((m) => [m![1], m![2]]));
}

describe('cdktf-docker-fleet init', () => {
  test('writes an app with the versions the README installs, on the cdktf and the cdktn line', () => {
    const dir = join(tempDir(), 'my-fleet');
    const r = runCli(['init', dir]);
    expect(r).toEqual(expect.objectContaining({ code: 0, stderr: '' }));
    expect(r.stdout).toContain('npm install && npx cdktf synth && npm test');
    expect(readdirSync(dir).sort()).toEqual(['.gitignore', 'cdktf.json', 'jest.config.js', 'main.test.ts', 'main.ts', 'package.json',
      'plan-offline.js', 'setup.js', 'stacks.ts', 'tsconfig.json']);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const own = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
    expect(pkg.name).toBe('my-fleet');
    expect({ ...pkg.dependencies, ...pkg.devDependencies }).toEqual({ ...installed('Installation'), 'cdktf-docker-fleet': `^${own.version}` });
    const cdktn = frameworkLine('cdktn');
    expect({ ...cdktn.dependencies, ...cdktn.devDependencies }).toEqual(installed('cdktf or CDK Terrain'));
    // npm names the Node.js line at install when the one running is older (cdktn-cli 0.24 needs 22.19)
    expect([pkg.engines, cdktn.node]).toEqual([{ node: '>=22' }, '>=22.19.0']);
    expect(JSON.parse(readFileSync(join(dir, 'cdktf.json'), 'utf8')).app).toBe('npx tsc && node dist/main.js');
  });

  test('the README shows the files init writes for Flatcar on AWS as they are written', () => {
    const files = skeletonFiles('app', frameworkLine('cdktf'), '^1.0.0', { platform: 'aws', os: 'flatcar' });
    for (const f of ['jest.config.js', 'setup.js']) expect({ f, shown: readme.includes(`\`\`\`js\n// ${f}\n${files[f]}\`\`\``) }).toEqual({ f, shown: true });
    for (const f of ['main.ts', 'stacks.ts', 'main.test.ts']) expect({ f, shown: readme.includes(`\`\`\`ts\n// ${f}\n${files[f]}\`\`\``) }).toEqual({ f, shown: true });
  });

  test.each([
    ['aws', 'flatcar', 'aws_autoscaling_group', 'Flatcar Container Linux (stable)'],
    ['libvirt', 'alpine', 'libvirt_domain', 'Alpine Linux'],
  ])('on %s with %s, main.ts synthesizes the fleet and importing the stacks synthesizes nothing', (platform, os, resource, shown) => {
    const dir = join(tempDir(), 'app');
    expect(runCli(['init', dir, '--platform', platform, `--os=${os}`]).code).toBe(0);
    const load = runInApp(dir, 'cdktf-docker-fleet', "require('./stacks.ts'); console.log('loaded')");
    expect({ code: load.code, stdout: load.stdout, out: existsSync(join(dir, 'cdktf.out')) }).toEqual({ code: 0, stdout: 'loaded\n', out: false });
    const synth = runInApp(dir, 'cdktf-docker-fleet', "require('./main.ts')", { CDKTF_OUTDIR: join(dir, 'cdktf.out') });
    expect({ code: synth.code, stderr: synth.stderr.replace(/.*DEP0044.*\n|.*node --trace-deprecation.*\n/g, '') }).toEqual({ code: 0, stderr: '' });
    const stack = JSON.parse(readFileSync(join(dir, 'cdktf.out', 'stacks', 'fleet', 'cdk.tf.json'), 'utf8'));
    expect(Object.keys(stack.resource)).toContain(resource);
    const explain = runCli(['explain', join(dir, 'cdktf.out'), '--summary']);
    expect(explain.stdout).toContain(shown);
  });

  test('fails on a directory that is not empty, and on a platform or OS it does not know', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'main.ts'), '// mine\n');
    mkdirSync(join(dir, 'src'));
    const r = runCli(['init', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^cdktf-docker-fleet: init: .* is not empty \((main\.ts, src|src, main\.ts)\): init writes a new app into an empty or new directory only\n$/);
    expect(readFileSync(join(dir, 'main.ts'), 'utf8')).toBe('// mine\n');
    expect(runCli(['init', join(dir, 'x'), '--platform', 'gcp']).stderr).toContain('--platform gcp: expected aws or libvirt');
    expect(runCli(['init', join(dir, 'x'), '--os', 'debian']).stderr).toContain('--os debian: expected one of flatcar, fcos, alpine, bottlerocket');
    expect(runCli(['init', join(dir, 'x'), '--platform', 'libvirt', '--os', 'bottlerocket']).stderr).toContain('Bottlerocket runs on AWS only');
    expect(runCli(['init', join(dir, 'x'), '--force']).stderr).toContain('init: unknown option --force');
    expect(existsSync(join(dir, 'x'))).toBe(false);
  });
});
