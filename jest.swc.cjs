// One TypeScript transform for every jest suite: swc, with the decorator options Nest's
// and TypeORM's classes need. Type checking is `npm run typecheck`'s job, not jest's.
const path = require('node:path');

module.exports = {
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2023',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: {
    // The shared library is ESM with .js specifiers; tests compile its sources directly.
    '^@portal/shared$': path.join(__dirname, 'shared/src/index.ts'),
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
};
