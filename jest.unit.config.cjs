// Unit tests: pure logic, beside the code (*.spec.ts in shared/, api/ and web/), and the
// architecture rules (tests/architecture).
const base = require('./jest.swc.cjs');

module.exports = {
  ...base,
  displayName: 'unit',
  rootDir: __dirname,
  roots: ['<rootDir>/shared/src', '<rootDir>/api/src', '<rootDir>/web/src', '<rootDir>/tests/architecture'],
  testMatch: ['**/*.spec.ts'],
};
