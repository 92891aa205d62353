// ts-jest transpiles each file on its own (isolatedModules): fast test runs,
// while `npm run build` (jsii) keeps full type checking of lib/.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.dev.json', diagnostics: false }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
  // the effect layer's cached roots (test/global-setup.js)
  globalSetup: '<rootDir>/test/global-setup.js',
  // Synthesized stacks in snapshots show first-boot payloads decoded, not as base64 (users add
  // 'cdktf-docker-fleet/lib/cli/snapshot-serializer'; here the source is used).
  snapshotSerializers: ['<rootDir>/lib/cli/snapshot-serializer.ts'],
  // a bound on a hung test, not a performance target: terraform plans of every example take minutes on a loaded 2-core machine
  testTimeout: 600000,
};
