import { passwordProblem, repeatProblem, serverPasswordProblems } from './password-rules';

describe('the password checks made before sending', () => {
  it('asks for a password when there is none', () => {
    expect(passwordProblem('')).toBe('password.error.required');
  });

  it('refuses nine characters and accepts ten, counting an emoji as one character like the API', () => {
    expect(passwordProblem('123456789')).toBe('password.error.tooShort');
    expect(passwordProblem('café 2026!')).toBeNull();
    expect(passwordProblem('🌱🌱🌱🌱🌱🌱🌱🌱🌱')).toBe('password.error.tooShort'); // 18 UTF-16 units, 9 characters
  });

  it('refuses more than 200 characters', () => {
    expect(passwordProblem('x'.repeat(201))).toBe('password.error.tooLong');
    expect(passwordProblem('x'.repeat(200))).toBeNull();
  });

  it('asks to repeat the password and notices a difference of one character', () => {
    expect(repeatProblem('cacao fino 2026', '')).toBe('password.error.repeatRequired');
    expect(repeatProblem('cacao fino 2026', 'cacao fino 2025')).toBe('password.error.mismatch');
    expect(repeatProblem('cacao fino 2026', 'cacao fino 2026')).toBeNull();
  });
});

describe('the API’s reasons for refusing a password', () => {
  it('translates each message of the password policy', () => {
    expect(
      serverPasswordProblems([
        'must be at least 10 characters long',
        'is one of the most common passwords: choose another',
        'must not be your email address',
        'must be at most 200 characters long',
      ]),
    ).toEqual(['password.error.tooShort', 'password.error.common', 'password.error.email', 'password.error.tooLong']);
  });

  it('still says the password was refused for a message it does not know, once', () => {
    expect(serverPasswordProblems(['is too predictable', 'has a bad smell'])).toEqual(['password.error.other']);
    expect(serverPasswordProblems([])).toEqual(['password.error.other']);
  });
});
