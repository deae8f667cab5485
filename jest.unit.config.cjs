// Unit tests: pure logic, beside the code (*.spec.ts in shared/, api/ and web/).
const base = require('./jest.swc.cjs');

module.exports = {
  ...base,
  displayName: 'unit',
  rootDir: __dirname,
  roots: ['<rootDir>/shared/src', '<rootDir>/api/src', '<rootDir>/web/src'],
  testMatch: ['**/*.spec.ts'],
};
