// The rewrite rules that turn the cdktf package into cdktn-docker-fleet (scripts/package/cdktn.js),
// on small inputs. The whole package is checked by `npm run test:consumer:cdktn`.
import { execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const cdktn = require('../../scripts/package/cdktn.js') as {
  mapSpecifier(spec: string): string;
  rewriteModuleCode(text: string): string;
  cdktfSpecifiers(text: string): string[];
  cdktnPackageJson(pkg: Record<string, any>): Record<string, any>;
  transformPackageDir(dir: string): { version: string; rewritten: number };
  rewriteDocs(text: string): string;
  CDKTN_PEERS: Record<string, string>;
};

describe('module specifiers', () => {
  test.each([
    ['cdktf', 'cdktn'],
    ['cdktf/lib/testing/adapters/jest', 'cdktn/lib/testing/adapters/jest'],
    ['@cdktf/provider-aws', '@cdktn/provider-aws'],
    ['@cdktf/provider-aws/lib/launch-template', '@cdktn/provider-aws/lib/launch-template'],
    ['@cdktf/provider-random/lib/provider', '@cdktn/provider-random/lib/provider'],
    ['cdktf-docker-fleet', 'cdktn-docker-fleet'],
    ['constructs', 'constructs'],
    ['yaml', 'yaml'],
    ['./cdktf', './cdktf'],
    ['../platforms/libvirt/gen/providers/libvirt/domain', '../platforms/libvirt/gen/providers/libvirt/domain'],
    ['cdktfx', 'cdktfx'],
  ])('%s -> %s', (from, to) => {
    expect(cdktn.mapSpecifier(from)).toBe(to);
  });

  test.each(['cdktf-cli', '@cdktf/hcl2json', '@cdktf/commons'])('%s has no rule: an error, not a cdktf import', (spec) => {
    expect(() => cdktn.mapSpecifier(spec)).toThrow(`no cdktn rule for the module "${spec}"`);
  });
});

describe('compiled code', () => {
  test('require() in tsc/jsii output, the libvirt bindings\' style included', () => {
    const js = [
      '"use strict";',
      'const cdktf = require("cdktf");',
      'const cdktf_1 = require("cdktf");',
      'const testing_1 = require("cdktf/lib/testing");',
      'const launch_template_1 = require("@cdktf/provider-aws/lib/launch-template");',
      'const constructs_1 = require("constructs");',
      'const domain_1 = require("./gen/providers/libvirt/domain");',
      'class CloudinitDisk extends cdktf.TerraformResource {}',
    ].join('\n');
    expect(cdktn.rewriteModuleCode(js)).toBe([
      '"use strict";',
      'const cdktf = require("cdktn");',
      'const cdktf_1 = require("cdktn");',
      'const testing_1 = require("cdktn/lib/testing");',
      'const launch_template_1 = require("@cdktn/provider-aws/lib/launch-template");',
      'const constructs_1 = require("constructs");',
      'const domain_1 = require("./gen/providers/libvirt/domain");',
      'class CloudinitDisk extends cdktf.TerraformResource {}',
    ].join('\n'));
  });

  test('.d.ts imports, re-exports, import() types and reference directives', () => {
    const dts = [
      "import * as cdktf from 'cdktf';",
      "import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template';",
      'export * from "cdktf/lib/x";',
      'readonly synth: import("cdktf").TerraformStack;',
      '/// <reference types="cdktf" />',
      "import 'cdktf/lib/testing/adapters/jest';",
    ].join('\n');
    const out = cdktn.rewriteModuleCode(dts);
    expect(out).toBe([
      "import * as cdktf from 'cdktn';",
      "import { LaunchTemplate } from '@cdktn/provider-aws/lib/launch-template';",
      'export * from "cdktn/lib/x";',
      'readonly synth: import("cdktn").TerraformStack;',
      '/// <reference types="cdktn" />',
      "import 'cdktn/lib/testing/adapters/jest';",
    ].join('\n'));
    expect(cdktn.cdktfSpecifiers(out)).toEqual([]);
    expect(cdktn.cdktfSpecifiers(dts)).toEqual(['cdktf', '@cdktf/provider-aws/lib/launch-template', 'cdktf/lib/x', 'cdktf', 'cdktf', 'cdktf/lib/testing/adapters/jest']);
  });

  test('jsii type info names the cdktn package; text that reaches the synthesized Terraform does not change', () => {
    const js = [
      'AwsDockerFleet[_a] = { fqn: "cdktf-docker-fleet.AwsDockerFleet", version: "0.1.0" };',
      'const header = `# Managed by cdktf-docker-fleet: update policy ${p}`;',
      "const unit = 'Description=Container web, managed by cdktf-docker-fleet';",
      '// comments that say cdktf stay: `cdktf synth`, cdktf.out',
      'const out = "cdktf.out";',
    ].join('\n');
    expect(cdktn.rewriteModuleCode(js)).toBe(js.replace('fqn: "cdktf-docker-fleet.', 'fqn: "cdktn-docker-fleet.'));
  });

  test('idempotent', () => {
    const once = cdktn.rewriteModuleCode('const a = require("cdktf"); import { B } from "@cdktf/provider-aws/lib/b";');
    expect(cdktn.rewriteModuleCode(once)).toBe(once);
  });
});

describe('package.json', () => {
  const cdktf = {
    name: 'cdktf-docker-fleet',
    version: '1.2.3',
    description: 'CDKTF constructs for fleets of Docker hosts',
    keywords: ['cdktf', 'terraform'],
    main: 'lib/index.js',
    types: 'lib/index.d.ts',
    bin: { 'cdktf-docker-fleet': 'bin/cdktf-docker-fleet.js' },
    files: ['bin/cdktf-docker-fleet.js', 'lib/**/*.js', 'lib/**/*.d.ts', '.jsii', 'README.md'],
    engines: { node: '>= 20' },
    scripts: { build: 'jsii' },
    jsii: { outdir: 'dist' },
    dependencies: { yaml: '2.8.1' },
    bundledDependencies: ['yaml'],
    peerDependencies: { '@cdktf/provider-aws': '>=20.1.0 <22.0.0', cdktf: '^0.21.0', constructs: '^10.4.2' },
    devDependencies: { cdktf: '0.21.0' },
  };
  const out = cdktn.cdktnPackageJson(cdktf);

  test('name, peers in cdktn\'s ranges, Node 22, no .jsii, no build settings', () => {
    expect(out.name).toBe('cdktn-docker-fleet');
    expect(out.version).toBe('1.2.3');
    expect(out.peerDependencies).toEqual({
      '@cdktn/provider-aws': '^25.5.0',
      cdktn: '^0.24.0',
      constructs: '>=10.6.0 <10.8.0',
    });
    expect(out.engines).toEqual({ node: '>= 22.11.0' });
    expect(out.files).toEqual(['bin/cdktf-docker-fleet.js', 'lib/**/*.js', 'lib/**/*.d.ts', 'README.md']);
    expect(out.bin).toEqual({ 'cdktn-docker-fleet': 'bin/cdktf-docker-fleet.js' });
    expect(out.keywords).toEqual(['cdktn', 'cdk-terrain', 'terraform']);
    expect(out.description).toBe('CDK Terrain (cdktn) constructs for fleets of Docker hosts');
    for (const k of ['scripts', 'jsii', 'devDependencies']) expect(out).not.toHaveProperty(k);
    expect(out.dependencies).toEqual(cdktf.dependencies);
    expect(out.bundledDependencies).toEqual(['yaml']);
    expect(cdktf.name).toBe('cdktf-docker-fleet'); // input untouched
  });

  test('the repository\'s own package.json converts (every peer has a cdktn range)', () => {
    const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
    const peers = cdktn.cdktnPackageJson(pkg).peerDependencies;
    expect(Object.keys(peers).sort()).toEqual(Object.keys(cdktn.CDKTN_PEERS).sort());
  });
});

describe('an unpacked package directory', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'cdktn-test-'));
    const write = (f: string, text: string) => {
      mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      writeFileSync(path.join(dir, f), text);
    };
    write('package.json', JSON.stringify({ name: 'cdktf-docker-fleet', version: '0.9.0', description: 'CDKTF constructs', files: ['lib/**/*.js', '.jsii'], peerDependencies: { cdktf: '^0.21.0' } }));
    write('README.md', '# cdktf-docker-fleet\n');
    write('API.md', '<a name="cdktf-docker-fleet.HostConfig" id="cdktf-docker-fleet.HostConfig"></a>\n```typescript\nimport { HostConfig } from \'cdktf-docker-fleet\'\n```\n');
    write('.jsii', '{}');
    write('lib/index.js', 'const cdktf_1 = require("cdktf");\n');
    write('lib/index.d.ts', "import { App } from 'cdktf';\n");
    write('lib/gen/provider/index.js', 'const cdktf = require("cdktf");\n');
    write('lib/text.js', 'module.exports = "no imports";\n');
    write('bin/cli.js', 'require("../lib/index.js"); require("cdktf");\n');
    write('node_modules/yaml/dist/index.js', 'require("cdktf"); // a bundled dependency is not ours to rewrite\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('rewrites every compiled file but the bundled dependencies, drops .jsii, adds the README header', () => {
    expect(cdktn.transformPackageDir(dir)).toEqual({ version: '0.9.0', rewritten: 4 });
    expect(readFileSync(path.join(dir, 'lib/index.js'), 'utf8')).toBe('const cdktf_1 = require("cdktn");\n');
    expect(readFileSync(path.join(dir, 'lib/index.d.ts'), 'utf8')).toBe("import { App } from 'cdktn';\n");
    expect(readFileSync(path.join(dir, 'lib/gen/provider/index.js'), 'utf8')).toBe('const cdktf = require("cdktn");\n');
    expect(readFileSync(path.join(dir, 'bin/cli.js'), 'utf8')).toBe('require("../lib/index.js"); require("cdktn");\n');
    expect(readFileSync(path.join(dir, 'node_modules/yaml/dist/index.js'), 'utf8')).toContain('require("cdktf")');
    expect(existsSync(path.join(dir, '.jsii'))).toBe(false);
    const readme = readFileSync(path.join(dir, 'README.md'), 'utf8');
    expect(readme.startsWith('# cdktn-docker-fleet\n')).toBe(true);
    expect(readme).toContain('CDK Terrain (cdktn) build of `cdktf-docker-fleet` 0.9.0');
    expect(readme.endsWith('# cdktf-docker-fleet\n')).toBe(true);
    expect(readFileSync(path.join(dir, 'API.md'), 'utf8')).toBe(
      '<a name="cdktn-docker-fleet.HostConfig" id="cdktn-docker-fleet.HostConfig"></a>\n```typescript\nimport { HostConfig } from \'cdktn-docker-fleet\'\n```\n');
    expect(JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'))).toMatchObject({ name: 'cdktn-docker-fleet', files: ['lib/**/*.js'], peerDependencies: { cdktn: '^0.24.0' } });
  });

  test('the docs\' code is cdktn code: imports, commands, the install lines of the cdktn section; that section and the prose stay', () => {
    const readme = [
      '# cdktf-docker-fleet', '', 'Prose about `cdktf` 0.21 and `cdktf-docker-fleet`.', '', '## Installation', '',
      '```sh', 'npx cdktf-docker-fleet@latest init', 'npm install && npx cdktf synth && npm test',
      'npm install cdktf-docker-fleet cdktf@0.21.0 constructs@10.4.2 @cdktf/provider-aws@20.1.0',
      'npm install --save-dev cdktf-cli@0.21.0 typescript@5.8.3', '```', '',
      '```ts', "import { App } from 'cdktf';", "import { AwsProvider } from '@cdktf/provider-aws/lib/provider';",
      "import { HostConfig } from 'cdktf-docker-fleet';", "const { Testing } = require('cdktf');", '```', '',
      '## cdktf or CDK Terrain', '', '```sh', 'npm install cdktn-docker-fleet cdktn@0.24.0 constructs@10.7.2 @cdktn/provider-aws@25.7.0',
      'npm install --save-dev cdktn-cli@0.24.0 typescript@5.8.3', '```', '', '```ts', "import { App } from 'cdktf';", '```', '',
      '## Quick start', '', '```sh', 'npm ci && npx cdktf synth', '```', '',
    ].join('\n');
    const out = cdktn.rewriteDocs(readme).split('\n');
    expect(out.slice(0, 3)).toEqual(['# cdktf-docker-fleet', '', 'Prose about `cdktf` 0.21 and `cdktf-docker-fleet`.']);
    expect(out.slice(7, 12)).toEqual(['npx cdktn-docker-fleet@latest init', 'npm install && npx cdktn synth && npm test',
      'npm install cdktn-docker-fleet cdktn@0.24.0 constructs@10.7.2 @cdktn/provider-aws@25.7.0',
      'npm install --save-dev cdktn-cli@0.24.0 typescript@5.8.3', '```']);
    expect(out.slice(14, 18)).toEqual(["import { App } from 'cdktn';", "import { AwsProvider } from '@cdktn/provider-aws/lib/provider';",
      "import { HostConfig } from 'cdktn-docker-fleet';", "const { Testing } = require('cdktn');"]);
    expect(out.slice(18).join('\n')).toBe(readme.split('\n').slice(18).join('\n'));
  });

  test('fails on a framework module it has no rule for', () => {
    writeFileSync(path.join(dir, 'lib/hcl.js'), 'const h = require("@cdktf/hcl2json");\n');
    expect(() => cdktn.transformPackageDir(dir)).toThrow('no cdktn rule for the module "@cdktf/hcl2json"');
  });

  test('the command prints its usage without arguments', () => {
    let status: number | null = null;
    try {
      execFileSync(process.execPath, [path.join(__dirname, '..', '..', 'scripts/package/cdktn.js')], { stdio: 'pipe' });
    } catch (e) {
      status = (e as { status: number }).status;
    }
    expect(status).toBe(2);
  });
});
