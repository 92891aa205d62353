/**
 * Terraform outputs with names people read: `<construct path below the stack>_<what>` in snake
 * case (`swarm_managers_auto_scaling_group_name`, `lab_host_addresses`), instead of cdktf's
 * default `<path>_<id>_<hash>` (`swarm_ManagerAddresses_C0185D1F`). The path makes the name
 * unique among the library's outputs; a synth-time check names any other output of the stack
 * that takes the same name (cdktf would silently keep only one of them).
 *
 * An output is not a resource: renaming one changes no state, only the name `terraform output`
 * and remote-state readers use.
 */
import { TerraformOutput, TerraformOutputConfig, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';

/** `AutoScalingGroupName`, `host-addresses`, `web.api` → `auto_scaling_group_name`, `host_addresses`, `web_api`. */
export function snakeCase(s: string): string {
  return s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '').toLowerCase();
}

/** The output's Terraform name: the scope's construct path below its stack, then `name`, in snake case. */
export function readableOutputName(scope: Construct, name: string): string {
  const stackPath = TerraformStack.of(scope).node.path;
  const below = scope.node.path.slice(stackPath.length).split('/').filter(Boolean);
  const full = [...below, name].map(snakeCase).filter(Boolean).join('_');
  return /^[0-9]/.test(full) ? `_${full}` : full;
}

/** A TerraformOutput named by `readableOutputName` (its construct id stays `id`). */
export function readableOutput(scope: Construct, id: string, config: TerraformOutputConfig): TerraformOutput {
  const output = new TerraformOutput(scope, id, config);
  const name = readableOutputName(scope, id);
  output.overrideLogicalId(name);
  output.node.addValidation({
    validate: () => {
      const same = TerraformStack.of(scope).node.findAll()
        .filter((c): c is TerraformOutput => c instanceof TerraformOutput && c !== output && c.friendlyUniqueId === name);
      return same.map((c) => `the output name "${name}" of ${output.node.path} is also the name of ${c.node.path}: rename one of them`);
    },
  });
  return output;
}
