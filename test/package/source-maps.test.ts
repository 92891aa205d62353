// The package ships no source maps: jsii's default (an inline map with the TypeScript source in
// every compiled file) was more than half of the package's JavaScript. The compiled files are
// tsc's ES2022 output with the comments and names of lib/, readable where a stack trace points.
import { readFileSync } from 'fs';
import * as path from 'path';

const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));

test('the jsii build writes no inline or separate source maps', () => {
  expect(pkg.jsii.tsc).toMatchObject({ inlineSourceMap: false, inlineSources: false, sourceMap: false });
});

test('the package lists no map files', () => {
  expect((pkg.files as string[]).filter((f) => f.includes('.map'))).toEqual([]);
});
