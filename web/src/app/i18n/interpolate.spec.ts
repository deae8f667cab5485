import { interpolate, placeholdersOf } from './interpolate';

describe('interpolate', () => {
  it('fills every occurrence of a placeholder and leaves unknown ones visible', () => {
    expect(interpolate('{a} y {a}, {b}', { a: 1 })).toBe('1 y 1, {b}');
  });

  it('does not read inherited properties as values', () => {
    expect(interpolate('{toString}', {})).toBe('{toString}');
  });

  it('lists the placeholders of a text, sorted', () => {
    expect(placeholdersOf('{b} de {a}, {b}')).toEqual(['a', 'b', 'b']);
  });
});
