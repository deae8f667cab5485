// API e2e: the built API as a real process over HTTP, each test file on a database of its own.
const path = require('node:path');
const base = require('../../jest.swc.cjs');

module.exports = {
  ...base,
  displayName: 'api-e2e',
  rootDir: path.join(__dirname, '..'),
  roots: ['<rootDir>/api'],
  testMatch: ['**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/support/global-setup.ts',
  globalTeardown: '<rootDir>/support/global-teardown.ts',
  // Every answer the suites receive is checked against the API's OpenAPI document.
  setupFilesAfterEnv: ['<rootDir>/support/contract-setup.ts'],
  testTimeout: 60_000,
  maxWorkers: 2,
};
