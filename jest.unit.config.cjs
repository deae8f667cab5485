// Unit tests: pure logic, beside the code (*.spec.ts in shared/ and api/).
const base = require('./jest.swc.cjs');

module.exports = {
  ...base,
  displayName: 'unit',
  rootDir: __dirname,
  roots: ['<rootDir>/shared/src', '<rootDir>/api/src'],
  testMatch: ['**/*.spec.ts'],
};
