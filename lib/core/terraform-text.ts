/**
 * Text that goes into Terraform's JSON configuration. Terraform reads every string there as a
 * template, so `${…}` (interpolation) and `%{…}` (directive) in a value would be evaluated: a
 * tag value `${file("/etc/passwd")}` would read a file (developer.hashicorp.com/terraform/
 * language/syntax/json, "Expression Mapping"; .../expressions/strings, "Escape Sequences").
 * Written as `$${` and `%%{` they stay literal. A cdktf token, `${TfToken[…]}`, is cdktf's own
 * placeholder for a reference and is left for cdktf to resolve when it synthesizes.
 */

/** What opens a Terraform template sequence, except a whole cdktf token. */
const OPENERS = /\$\{(?!TfToken\[[^\]]*\]\})|%\{/g;

/** `text` as a literal Terraform string: every `${` and `%{` escaped, cdktf tokens kept. */
export function escapeTemplate(text: string): string {
  return text.replace(OPENERS, (opener) => (opener === '%{' ? '%%{' : '$${'));
}

/** The literal text of a string `escapeTemplate` wrote (`$${` and `%%{` read back). */
export function unescapeTemplate(text: string): string {
  return text.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
}
