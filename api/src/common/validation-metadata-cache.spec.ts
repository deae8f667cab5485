import 'reflect-metadata';
import { IsInt, IsString, validate } from 'class-validator';
import { rememberValidationRules } from './validation-metadata-cache';

class Base {
  @IsString()
  name!: unknown;
}

class Child extends Base {
  @IsInt()
  count!: unknown;
}

const failing = async (object: object) => (await validate(object)).map((error) => error.property).sort();

describe('remembering class-validator rules', () => {
  it('validates own and inherited rules the same, every time, and classes defined after it too', async () => {
    const bad = () => Object.assign(new Child(), { name: 5, count: 'x' });
    const before = await failing(bad());
    expect(before).toEqual(['count', 'name']);
    rememberValidationRules();
    for (let i = 0; i < 3; i++) expect(await failing(bad())).toEqual(before);
    expect(await failing(Object.assign(new Child(), { name: 'a', count: 1 }))).toEqual([]);

    class Later extends Child {
      @IsString()
      note!: unknown;
    }
    expect(await failing(Object.assign(new Later(), { name: 'a', count: 1, note: 2 }))).toEqual(['note']);
    expect(await failing(Object.assign(new Later(), { name: 1, count: 1, note: 'n' }))).toEqual(['name']);
  });
});
