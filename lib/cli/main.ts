/**
 * `cdktf-docker-fleet`: reviewable first-boot payloads of a synthesized app.
 *
 *   cdktf-docker-fleet explain [DIR] [--summary|--json]   what each fleet's hosts receive (DIR: cdktf.out)
 *   cdktf-docker-fleet diff OLD_DIR NEW_DIR     what changes on the hosts; exit 0 none, 1 some, 2 error
 *   cdktf-docker-fleet migrate-libvirt STATE STACK_DIR   moves libvirt fleets' state from provider 0.8.3 to 0.9.7
 *   cdktf-docker-fleet init [DIR] [--platform aws|libvirt] [--os OS]   a new app with one fleet
 *
 * Not part of the library's API (lib/index.ts does not export it); bin/cdktf-docker-fleet.js runs it.
 */
import { diffApps, explainJson, explainText } from './commands';
import { CliError, oneLine } from './errors';
import { InitOptions, initApp } from './init';
import { migrateLibvirt } from './migrate-command';

export const USAGE = `usage: cdktf-docker-fleet explain [DIR] [--summary | --json]
       cdktf-docker-fleet diff OLD_DIR NEW_DIR
       cdktf-docker-fleet migrate-libvirt STATE STACK_DIR
       cdktf-docker-fleet init [DIR] [--platform aws|libvirt] [--os flatcar|fcos|alpine|bottlerocket]

  explain  prints a table of the fleets (platform, OS, hosts, update window, containers, payload
           size), then each fleet's decoded first-boot payload (DIR: a synthesized app, default
           cdktf.out; a stack directory or a cdk.tf.json file also works); --summary prints the
           table only, --json everything as JSON
  diff     prints what changes on the hosts between two synthesized apps and what that does
           to each fleet; exit code 0: no host change, 1: hosts change, 2: error
  migrate-libvirt
           moves the state of libvirt fleets created with dmacvicar/libvirt 0.8.3 (STATE: the
           output of \`terraform state pull\`) to 0.9.7 (STACK_DIR: the stack synthesized with
           LibvirtProvider09): writes libvirt-0.9-migration.tfstate and libvirt-0.9-imports.tf.json
           into STACK_DIR and prints the steps (README "libvirt provider 0.9")
  init     writes a new TypeScript app with one fleet into DIR (default: the current directory),
           which must be empty or new: package.json with tested versions, cdktf.json, tsconfig.json,
           main.ts, stacks.ts, a jest snapshot test, plan-offline.js. Platform default aws, OS
           default flatcar; --library SPEC: the package's spec in package.json (default ^VERSION)
`;

/** `init`'s arguments: `[DIR] [--platform P] [--os O] [--library SPEC]`, also as `--name=value`. */
function initArgs(rest: string[]): { dir: string; options: InitOptions } {
  const values: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (!a.startsWith('-')) { positional.push(a); continue; }
    const [name, inline] = a.split(/=(.*)/s, 2);
    if (!['--platform', '--os', '--library'].includes(name)) {
      throw new CliError(`init: unknown option ${name} (init [DIR] [--platform aws|libvirt] [--os OS] [--library SPEC])`);
    }
    const value = inline ?? rest[++i];
    if (value === undefined) throw new CliError(`init: ${name} needs a value`);
    values[name.slice(2)] = value;
  }
  if (positional.length > 1) throw new CliError(`init: one directory expected, got ${positional.length}`);
  return {
    dir: positional[0] ?? '.',
    options: {
      platform: (values.platform ?? 'aws') as InitOptions['platform'],
      os: (values.os ?? 'flatcar') as InitOptions['os'],
      librarySpec: values.library,
    },
  };
}

export interface Io {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
}

/** Runs the command line `args` (after the program name); returns the exit code. */
export function run(args: string[], io: Io): number {
  try {
    const [command, ...rest] = args;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      (command === undefined ? io.err : io.out)(USAGE);
      return command === undefined ? 2 : 0;
    }
    if (command === 'init') {
      const { dir, options } = initArgs(rest);
      io.out(initApp(dir, options));
      return 0;
    }
    const flags = rest.filter((a) => a.startsWith('-'));
    const positional = rest.filter((a) => !a.startsWith('-'));
    if (command === 'explain') {
      const unknown = flags.filter((f) => f !== '--json' && f !== '--summary');
      if (unknown.length) throw new CliError(`explain: unknown option ${unknown[0]} (explain [DIR] [--summary | --json])`);
      if (flags.includes('--json') && flags.includes('--summary')) throw new CliError('explain: --summary and --json exclude each other');
      if (positional.length > 1) throw new CliError(`explain: one directory expected, got ${positional.length}`);
      const dir = positional[0] ?? 'cdktf.out';
      io.out(flags.includes('--json') ? explainJson(dir) : explainText(dir, flags.includes('--summary')));
      return 0;
    }
    if (command === 'diff') {
      if (flags.length) throw new CliError(`diff: unknown option ${flags[0]} (diff OLD_DIR NEW_DIR)`);
      if (positional.length !== 2) throw new CliError(`diff: two directories expected (diff OLD_DIR NEW_DIR), got ${positional.length}`);
      const r = diffApps(positional[0], positional[1]);
      io.out(r.text);
      return r.hostChange ? 1 : 0;
    }
    if (command === 'migrate-libvirt') {
      if (flags.length) throw new CliError(`migrate-libvirt: unknown option ${flags[0]} (migrate-libvirt STATE STACK_DIR)`);
      if (positional.length !== 2) throw new CliError(`migrate-libvirt: a state file and a stack directory expected (migrate-libvirt STATE STACK_DIR), got ${positional.length}`);
      io.out(migrateLibvirt(positional[0], positional[1]));
      return 0;
    }
    throw new CliError(`unknown command ${JSON.stringify(command)}; commands: explain, diff, migrate-libvirt, init (see --help)`);
  } catch (e) {
    io.err(`cdktf-docker-fleet: ${e instanceof CliError ? e.message : `internal error: ${oneLine(e)}`}\n`);
    return 2;
  }
}

/** The process entry point (bin/cdktf-docker-fleet.js). */
export function main(): void {
  const code = run(process.argv.slice(2), { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) });
  process.exitCode = code;
}
