/**
 * Same input, byte-identical Terraform JSON, across separate processes: the examples app is run
 * twice as whole `node` processes (as `cdktf synth` runs it) into two output directories, and
 * every file they write is compared byte for byte.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative } from 'path';

const root = join(__dirname, '..', '..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]))
    .sort();
}

function synthInNewProcess(outdir: string): void {
  execFileSync(process.execPath, [join(root, 'scripts', 'examples-app.js')], {
    cwd: root, env: { ...process.env, CDKTF_OUTDIR: outdir }, stdio: 'pipe', timeout: 120_000,
  });
}

test('the examples app writes byte-identical files when run twice in separate processes', () => {
  const base = mkdtempSync(join(tmpdir(), 'determinism.'));
  try {
    const a = join(base, 'a');
    const b = join(base, 'b');
    synthInNewProcess(a);
    synthInNewProcess(b);
    const filesA = filesUnder(a).map((f) => relative(a, f));
    const filesB = filesUnder(b).map((f) => relative(b, f));
    expect(filesA).toEqual(filesB);
    const stacks = filesA.filter((f) => f.endsWith('cdk.tf.json'));
    expect(stacks.length).toBeGreaterThanOrEqual(7);
    const differing = filesA.filter((f) => !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
    expect(differing).toEqual([]);
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});
