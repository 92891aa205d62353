// Lets the bench require the repository's TypeScript helpers (test/cli/terraform-standin.ts) the
// way jest runs them: each file transpiled on its own (TypeScript's transpileModule), no type check.
const { readFileSync } = require('fs');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(readFileSync(filename, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: false },
    fileName: filename,
  });
  module._compile(outputText, filename);
};
