/**
 * Terraform text escaping (lib/core/terraform-text.ts): the one rule every string the library
 * writes into Terraform JSON goes through (AWS tags and ECS container definitions, libvirt
 * first-boot payloads), and its inverse, which the CLI reads synthesized stacks with.
 */
import { Token } from 'cdktf';
import { escapeTemplate, unescapeTemplate } from '../../lib/core/terraform-text';

describe('escapeTemplate', () => {
  test('writes interpolations and directives so that Terraform keeps them literal', () => {
    expect(escapeTemplate('${file("/etc/passwd")} and %{ if true }x%{ endif }'))
      .toBe('$${file("/etc/passwd")} and %%{ if true }x%%{ endif }');
  });

  test('leaves a cdktf token for cdktf to resolve', () => {
    const token = Token.asString({ ref: 1 });
    expect(escapeTemplate(`a ${token} b`)).toBe(`a ${token} b`);
  });

  test('escapes text that only looks like the start of a cdktf token', () => {
    expect(escapeTemplate('${TfToken[not closed')).toBe('$${TfToken[not closed');
  });

  test('escapes an already escaped sequence again, so it still reads back as written', () => {
    expect(escapeTemplate('$${x}')).toBe('$$${x}');
    expect(unescapeTemplate(escapeTemplate('$${x} %%{y}'))).toBe('$${x} %%{y}');
  });

  test('leaves text without template syntax alone', () => {
    expect(escapeTemplate('$HOME {x} 100% $ {')).toBe('$HOME {x} 100% $ {');
  });
});

describe('unescapeTemplate', () => {
  test('reads back every string escapeTemplate wrote', () => {
    for (const s of ['${a}', '%{b}', 'x $${c} %%{d}', '$$${e}', 'plain']) expect(unescapeTemplate(escapeTemplate(s))).toBe(s);
  });
});
