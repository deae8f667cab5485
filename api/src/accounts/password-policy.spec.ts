import { passwordProblems } from './password-policy';

describe('passwordProblems', () => {
  it('accepts a long, uncommon password', () => {
    expect(passwordProblems('cafe de altura en Puno 2026', 'ana@valle-alto.example')).toEqual([]);
  });

  it('wants at least 10 characters, counted as people see them', () => {
    expect(passwordProblems('Short-1', 'a@b.example')).toEqual(['must be at least 10 characters long']);
    expect(passwordProblems('ñandúñandú', 'a@b.example')).toEqual([]);
  });

  it('refuses common passwords from the shipped list, whatever their case', () => {
    expect(passwordProblems('qwertyuiop', 'a@b.example')).toEqual([
      'is one of the most common passwords: choose another',
    ]);
    expect(passwordProblems('Password123', 'a@b.example')).toEqual([
      'is one of the most common passwords: choose another',
    ]);
  });

  it('refuses the email address, or its name part', () => {
    expect(passwordProblems('Ana@Valle-Alto.example', 'ana@valle-alto.example')).toEqual([
      'must not be your email address',
    ]);
    expect(passwordProblems('joana.silva.sertao', 'joana.silva.sertao@apicultores.example')).toEqual([
      'must not be your email address',
    ]);
  });
});
