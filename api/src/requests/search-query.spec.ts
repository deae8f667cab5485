import { toPrefixTsQuery } from './search-query';

describe('toPrefixTsQuery', () => {
  it('makes every word a required prefix', () => {
    expect(toPrefixTsQuery('Café  certificación')).toBe('café:* & certificación:*');
  });

  it('drops tsquery operators and punctuation a person might type', () => {
    expect(toPrefixTsQuery("a & b | !c <-> d:* 'e'")).toBe('a:* & b:* & c:* & d:* & e:*');
    expect(toPrefixTsQuery('SR-2026-000042')).toBe('sr:* & 2026:* & 000042:*');
  });

  it('answers null when nothing searchable is left', () => {
    expect(toPrefixTsQuery(' &|! ')).toBeNull();
    expect(toPrefixTsQuery('')).toBeNull();
  });
});
