import { installContractCheck, takeContractViolations } from './api-contract';

// Every API e2e file: each answer of the API is checked against its OpenAPI document
// (api-contract.ts), and a test fails when any answer it received broke it, even one whose
// error the test caught (a retry loop, a load generator counting failures).
installContractCheck();

afterEach(() => {
  const violations = takeContractViolations();
  if (violations.length) throw new Error(violations.join('\n\n'));
});
