/**
 * Runs the `cdktf-docker-fleet` command as users do (a child process of the bin/ launcher)
 * against apps synthesized into temporary directories. The CLI's TypeScript (lib/cli) is
 * transpiled into a temporary package next to a copy of bin/, so the tests never depend on a
 * stale `npm run build`.
 */
import { spawnSync } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { basename, dirname, join } from 'path';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack } from 'cdktf';
import * as ts from 'typescript';

const repo = join(__dirname, '..', '..');
let cliRoot: string | undefined;

/**
 * The temporary package with bin/cdktf-docker-fleet.js and lib/cli/*.js, plus every lib/ module
 * the CLI imports (built once per test file).
 */
export function cliPackage(): string {
  if (cliRoot) return cliRoot;
  const root = mkdtempSync(join(tmpdir(), 'fleet-cli-'));
  mkdirSync(join(root, 'bin'));
  copyFileSync(join(repo, 'bin', 'cdktf-docker-fleet.js'), join(root, 'bin', 'cdktf-docker-fleet.js'));
  // read by init (the package's name and version)
  copyFileSync(join(repo, 'package.json'), join(root, 'package.json'));
  const queue = readdirSync(join(repo, 'lib', 'cli')).filter((n) => n.endsWith('.ts') && !n.endsWith('.d.ts'))
    .map((n) => join('lib', 'cli', n));
  const done = new Set<string>();
  while (queue.length) {
    const file = queue.shift()!;
    // (a specifier inside a string, such as init's templates, names no file here)
    if (done.has(file) || !existsSync(join(repo, file))) continue;
    done.add(file);
    const source = readFileSync(join(repo, file), 'utf8');
    const out = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
      fileName: basename(file),
    });
    mkdirSync(join(root, dirname(file)), { recursive: true });
    writeFileSync(join(root, file.replace(/\.ts$/, '.js')), out.outputText);
    // the lib/ modules it imports (relative specifiers), transpiled the same way
    for (const m of source.matchAll(/from '(\.{1,2}\/[^']+)'/g)) queue.push(join(dirname(file), `${m[1]}.ts`));
  }
  cliRoot = root;
  return root;
}

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `cdktf-docker-fleet ...args` in `cwd`. */
export function runCli(args: string[], cwd = tmpdir()): CliRun {
  const r = spawnSync(process.execPath, [join(cliPackage(), 'bin', 'cdktf-docker-fleet.js'), ...args], {
    cwd, encoding: 'utf8', env: { ...process.env, NODE_PATH: join(repo, 'node_modules') }, timeout: 60000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary directory. */
export function tempDir(prefix = 'fleet-app-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Synthesizes an app into `outdir` (a new temporary cdktf.out when not given); returns it. */
export function synthApp(build: (app: App) => void, outdir = join(tempDir(), 'cdktf.out')): string {
  const app = new App({ outdir, stackTraces: false });
  build(app);
  app.synth();
  return outdir;
}

/** A stack with an offline AWS provider. */
export function awsStack(app: App, id: string): TerraformStack {
  const stack = new TerraformStack(app, id);
  new AwsProvider(stack, 'aws', { region: 'eu-central-1', accessKey: 'test', secretKey: 'test', skipCredentialsValidation: true, skipRequestingAccountId: true });
  return stack;
}

export const NETWORK = { vpcId: 'vpc-0a1b2c3d4e5f60718', subnetIds: ['subnet-0a1b2c3d4e5f60718'] };
