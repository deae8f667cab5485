import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataArgsStorage } from 'typeorm';
import { col } from './typed-sql';

/** Every entity file of the API (*.entity.ts, *.entities.ts). */
function entityFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return entityFiles(path);
    return /\.entit(y|ies)\.ts$/.test(name) ? [path] : [];
  });
}

describe('typed SQL', () => {
  // RowOf and col name a column by the snake_case of its entity property: true only while
  // every entity follows that convention, which this checks on TypeORM's own metadata.
  it('names every entity column as the snake_case of its property', async () => {
    const files = entityFiles(join(__dirname, '..'));
    for (const file of files) await import(file);
    const columns = getMetadataArgsStorage().columns;
    expect(files.length).toBeGreaterThan(5);
    expect(columns.length).toBeGreaterThan(50);
    const strays = columns
      .map((c) => ({ property: c.propertyName, name: c.options.name ?? c.propertyName }))
      .filter(({ property, name }) => property.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`) !== name);
    expect(strays).toEqual([]);
  });

  it('gives a property its column name', () => {
    class Sample {
      id!: string;
      areaCode!: string;
      firstResponseDueAt!: Date;
    }
    expect(col(Sample, 'id')).toBe('id');
    expect(col(Sample, 'areaCode')).toBe('area_code');
    expect(col(Sample, 'firstResponseDueAt')).toBe('first_response_due_at');
  });
});
