/**
 * `migrate-libvirt STATE STACK_DIR`: reads the files, runs the migration (libvirt-migration.ts),
 * writes its two outputs into the stack's directory (mode 0600: the state holds the payloads)
 * and prints what it did and the steps that follow.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';
import { CliError } from './errors';
import { loadApp } from './fleets';
import { migrateLibvirtState } from './libvirt-migration';

export const MIGRATED_STATE = 'libvirt-0.9-migration.tfstate';
export const IMPORTS_FILE = 'libvirt-0.9-imports.tf.json';

/** Runs the command; returns what it prints. */
export function migrateLibvirt(statePath: string, stackPath: string): string {
  if (!existsSync(statePath) || !statSync(statePath).isFile()) throw new CliError(`${statePath}: no such file (pass the output of \`terraform state pull\`)`);
  const stacks = loadApp(stackPath);
  if (stacks.length !== 1) {
    throw new CliError(`${stackPath}: ${stacks.length} stacks (${stacks.map((s) => s.name).join(', ')}); pass one stack's directory, e.g. cdktf.out/stacks/${stacks[0]?.name ?? '<stack>'}`);
  }
  const p = resolve(stackPath);
  const dir = statSync(p).isFile() ? dirname(p) : existsSync(join(p, 'cdk.tf.json')) ? p : join(p, 'stacks', stacks[0].name);
  const m = migrateLibvirtState(readFileSync(statePath, 'utf8'), stacks[0].json, { state: statePath, stack: stackPath });
  const stateOut = join(dir, MIGRATED_STATE);
  const importsOut = join(dir, IMPORTS_FILE);
  writeFileSync(stateOut, `${JSON.stringify(m.state, null, 2)}\n`, { mode: 0o600 });
  writeFileSync(importsOut, `${JSON.stringify(m.imports, null, 2)}\n`, { mode: 0o600 });
  const shown = relative(process.cwd(), dir) || '.';
  return [
    `migrated the libvirt state of stack ${stacks[0].name} from dmacvicar/libvirt 0.8.3 to 0.9.7 (nothing on the libvirt host changed yet):`,
    ...m.report.map((l) => `  ${l}`),
    `wrote ${join(shown, MIGRATED_STATE)} (serial ${String(m.state.serial)}) and ${join(shown, IMPORTS_FILE)} (${m.imports.import.length} import blocks)`,
    'next:',
    `  terraform -chdir=${shown} init -upgrade                 # the lock file still pins 0.8.3`,
    `  terraform -chdir=${shown} state push ${MIGRATED_STATE}`,
    `  terraform -chdir=${shown} plan                          # imports; each domain updated in place; no volume replaced or destroyed`,
    `  terraform -chdir=${shown} apply`,
    `  rm ${join(shown, MIGRATED_STATE)} ${join(shown, IMPORTS_FILE)}`,
    '',
  ].join('\n');
}
