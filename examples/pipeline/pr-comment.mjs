// Builds the pull-request comment of deploy.yml's `diff` job (Markdown on stdout) from what the
// job ran: `cdktf-docker-fleet diff` (what changes on the hosts), its exit code, `cdktf diff`
// (the Terraform plan) and `cdktf-docker-fleet explain` (every fleet's payload, collapsed).
//
//   node pr-comment.mjs FLEET_DIFF_FILE FLEET_DIFF_EXIT_CODE CDKTF_DIFF_FILE EXPLAIN_FILE > comment.md
//
// The first line is a marker, so the job updates its own comment instead of adding one per push.
import { readFileSync } from 'node:fs';

export const MARKER = '<!-- cdktf-docker-fleet pull-request comment -->';
// GitHub rejects comments above 65536 characters: each section gets a share and is cut with a note.
const LIMITS = { fleet: 30000, plan: 20000, explain: 12000 };

function read(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return `(${file} was not written)`;
  }
}

function fence(text, limit, lang = '') {
  const body = text.length > limit ? `${text.slice(0, limit)}\n… (${text.length - limit} more characters: see the job log)` : text;
  // a fence longer than any run of backticks inside, so the content cannot close it
  const ticks = '`'.repeat(Math.max(3, ...[...body.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  return `${ticks}${lang}\n${body.replace(/\n$/, '')}\n${ticks}`;
}

export function comment({ fleetDiff, fleetExit, plan, explain }) {
  const verdict = {
    0: '**No host change**: no fleet\'s first-boot payload changes.',
    1: '**Hosts change**: see below for what changes on them and what that does to each fleet (instance refresh, re-provisioning).',
  }[fleetExit] ?? `**cdktf-docker-fleet diff failed** (exit code ${fleetExit}): the first-boot changes could not be read.`;
  return [
    MARKER,
    '## Fleet changes',
    verdict,
    '',
    '### What changes on the hosts (`cdktf-docker-fleet diff`)',
    fence(fleetDiff, LIMITS.fleet, 'diff'),
    '',
    '### Terraform plan (`cdktf diff`)',
    fence(plan, LIMITS.plan),
    '',
    '<details><summary>Every fleet\'s first-boot payload after this change (<code>cdktf-docker-fleet explain</code>)</summary>',
    '',
    fence(explain, LIMITS.explain),
    '',
    '</details>',
    '',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [fleetDiffFile, exitCode, planFile, explainFile] = process.argv.slice(2);
  if (!explainFile) {
    process.stderr.write('usage: node pr-comment.mjs FLEET_DIFF_FILE FLEET_DIFF_EXIT_CODE CDKTF_DIFF_FILE EXPLAIN_FILE\n');
    process.exit(2);
  }
  process.stdout.write(comment({ fleetDiff: read(fleetDiffFile), fleetExit: Number(exitCode), plan: read(planFile), explain: read(explainFile) }));
}
