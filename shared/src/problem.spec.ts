import { isProblemCode, PROBLEM_CODES } from './problem.js';

describe('problem codes', () => {
  it('are unique', () => {
    expect(new Set(PROBLEM_CODES).size).toBe(PROBLEM_CODES.length);
  });

  it('are lower-case kebab words, after the feature that raises them when there is one', () => {
    expect(PROBLEM_CODES.filter((code) => !/^([a-z]+\.)?[a-z]+(-[a-z]+)*$/.test(code))).toEqual([]);
  });

  it('are recognised, and nothing else is', () => {
    expect(PROBLEM_CODES.every(isProblemCode)).toBe(true);
    expect([undefined, null, 42, '', 'auth', 'constructor'].some(isProblemCode)).toBe(false);
  });
});
