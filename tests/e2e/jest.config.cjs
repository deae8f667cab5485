// Browser e2e: the built web app served by the real API, driven in Debian's Chromium.
const path = require('node:path');
const base = require('../../jest.swc.cjs');

module.exports = {
  ...base,
  displayName: 'browser-e2e',
  rootDir: path.join(__dirname, '..'),
  roots: ['<rootDir>/e2e'],
  testMatch: ['**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/support/global-setup.ts',
  globalTeardown: '<rootDir>/support/global-teardown.ts',
  testTimeout: 120_000,
  maxWorkers: 1,
};
