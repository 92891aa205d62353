/**
 * The pipeline example (examples/pipeline): its pull-request job runs `cdktf-docker-fleet diff`
 * and `explain` next to `cdktf diff`, and pr-comment.mjs turns their output into one comment.
 */
import { spawnSync } from 'child_process';
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';
import { tempDir } from './cli-helpers';

const dir = join(__dirname, '..', '..', 'examples', 'pipeline');

function commentFor(fleetDiff: string, exit: string, plan = 'Plan: 0 to add, 1 to change, 0 to destroy.\n'): { code: number | null; md: string } {
  const t = tempDir('pr-comment-');
  writeFileSync(join(t, 'fleet.txt'), fleetDiff);
  writeFileSync(join(t, 'plan.txt'), plan);
  writeFileSync(join(t, 'explain.txt'), '1 fleet in fleet-new.out\n\n== app/web ==\n');
  const r = spawnSync(process.execPath, [join(dir, 'pr-comment.mjs'), join(t, 'fleet.txt'), exit, join(t, 'plan.txt'), join(t, 'explain.txt')], { encoding: 'utf8' });
  return { code: r.status, md: r.stdout };
}

describe('the pipeline example', () => {
  test('runs cdktf-docker-fleet diff and explain on pull requests next to cdktf diff, and comments with the result', () => {
    const wf = parse(readFileSync(join(dir, 'deploy.yml'), 'utf8'));
    expect(wf.on.pull_request).toBeDefined();
    expect(wf.permissions['pull-requests']).toBe('write');
    const job = wf.jobs.diff;
    expect(job.if).toBe("github.event_name == 'pull_request'");
    const script = job.steps.map((s: { run?: string }) => s.run ?? '').join('\n');
    expect(script).toContain('npx cdktf-docker-fleet diff fleet-base.out fleet-new.out');
    expect(script).toContain('npx cdktf-docker-fleet explain fleet-new.out');
    expect(script).toContain('npx cdktf diff web-fleet');
    expect(script).toContain('node examples/pipeline/pr-comment.mjs fleet-diff.txt "$FLEET_DIFF_EXIT" cdktf-diff.txt fleet-explain.txt > comment.md');
    expect(script).toContain('gh pr comment');
  });

  test('builds a comment with the host changes, the plan and the collapsed explain output', () => {
    const diff = '1 of 1 fleet change on the hosts\n\n== app/web ==\neffect: new launch-template version → rolling instance refresh of 3 hosts\n~ container web\n';
    const { code, md } = commentFor(diff, '1');
    expect(code).toBe(0);
    expect(md.split('\n')[0]).toBe('<!-- cdktf-docker-fleet pull-request comment -->');
    expect(md).toContain('**Hosts change**');
    expect(md).toContain('```diff\n1 of 1 fleet change on the hosts\n\n== app/web ==\neffect: new launch-template version → rolling instance refresh of 3 hosts\n~ container web\n```');
    expect(md).toContain('### Terraform plan (`cdktf diff`)\n```\nPlan: 0 to add, 1 to change, 0 to destroy.\n```');
    expect(md).toContain('<details><summary>');
    expect(commentFor('no host change in 1 fleet\n', '0').md).toContain('**No host change**');
  });

  test('fails loudly in the comment when the diff fails, and cuts long output below GitHub\'s limit', () => {
    expect(commentFor('cdktf-docker-fleet: x: not a synthesized cdktf app\n', '2').md).toContain('**cdktf-docker-fleet diff failed** (exit code 2)');
    const { md } = commentFor('~ file /x\n'.repeat(10000), '1', '```\n'.repeat(10));
    expect(md.length).toBeLessThan(65536);
    expect(md).toContain('more characters: see the job log');
    expect(md).toContain('````\n```\n');
  });
});
