/**
 * The programs the library writes to hosts (shell scripts, the Bottlerocket runbook's Python
 * steps) are real files in lib/, read next to the module that renders them
 * (lib/core/packaged-file.ts): each is shipped by package.json `files`, read by some module, and
 * checked as a file (shellcheck for sh, a compile for Python). What the rendered payloads do with
 * them is tested where they are rendered and in test/effect/.
 */
import { spawnSync } from 'child_process';
import { existsSync, readFileSync, readdirSync } from 'fs';
import { join, relative } from 'path';
import { describeWithTools, findTool, requireTools } from '../helpers/tools';

const repo = join(__dirname, '..', '..');
const lib = join(repo, 'lib');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

const all = filesUnder(lib).filter((f) => !f.includes(`${join('lib', 'platforms', 'libvirt', 'gen')}`));
const programs = all.filter((f) => /\.(sh|py)$/.test(f)).map((f) => relative(repo, f)).sort();
const scripts = programs.filter((f) => f.endsWith('.sh'));
/** `packagedFile(__dirname, 'name')` in each module: the programs the modules read. */
const readByModules = all.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).flatMap((f) =>
  [...readFileSync(f, 'utf8').matchAll(/packagedFile\(__dirname, '([^']+)'\)/g)].map((m) => relative(repo, join(f, '..', m[1]))));

/**
 * Warnings shellcheck gives for what a script does on purpose. swarm-node.sh sources its
 * settings from a path chosen when it runs (SWARM_ENV_FILE in tests, swarm.env on hosts).
 */
const EXCLUDES: Record<string, string[]> = {
  'lib/swarm/swarm-node.sh': ['SC1090'],
};

describe('the programs the library writes to hosts', () => {
  test('are the files the modules read, and every file a module reads exists', () => {
    expect(programs).toEqual([...new Set(readByModules)].sort());
    expect(programs.length).toBeGreaterThanOrEqual(4);
  });

  test('are shipped by package.json files', () => {
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { files: string[] };
    expect(pkg.files).toEqual(expect.arrayContaining(['lib/**/*.sh', 'lib/**/*.py']));
  });
});

const SHELLCHECK = [['shellcheck', findTool('shellcheck')]] as const;

describeWithTools(SHELLCHECK)('each shell script', () => {
  test.each(scripts)('%s passes shellcheck as POSIX sh', (script) => {
    requireTools(SHELLCHECK);
    const exclude = EXCLUDES[script] ?? [];
    const r = spawnSync(SHELLCHECK[0][1].path!, ['-s', 'sh', '-S', 'warning', ...(exclude.length ? ['-e', exclude.join(',')] : []), script],
      { cwd: repo, encoding: 'utf8' });
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
  });
});

const python3 = existsSync('/usr/bin/python3');
const PYTHON = [['python3', {
  ok: python3, path: '/usr/bin/python3', reason: python3 ? undefined : '/usr/bin/python3 is missing',
}]] as const;

describeWithTools(PYTHON)('each Python program', () => {
  test.each(programs.filter((f) => f.endsWith('.py')))('%s compiles', (program) => {
    requireTools(PYTHON);
    const r = spawnSync('/usr/bin/python3', ['-c', 'import ast, sys; ast.parse(open(sys.argv[1]).read(), sys.argv[1])', program],
      { cwd: repo, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
