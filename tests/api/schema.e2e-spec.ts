import { DataSource } from 'typeorm';
import { ENTITIES } from '../../api/src/database/data-source';
import { startTestPortal, type TestPortal } from '../support/api-harness';

/**
 * The schema is written by hand in migrations, with constraints and indexes TypeORM does
 * not model; the entities describe tables and columns. This keeps the two in step: no
 * table or column would be created, dropped or changed if TypeORM compared them.
 */
describe('the schema from migrations', () => {
  let portal: TestPortal;
  let dataSource: DataSource;

  beforeAll(async () => {
    portal = await startTestPortal();
    dataSource = new DataSource({
      type: 'postgres',
      url: portal.databaseUrl,
      entities: ENTITIES,
      installExtensions: false,
      uuidExtension: 'pgcrypto',
    });
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await portal?.stop();
  });

  it('has every table and column of the entities, with the same types', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    const columnChanges = pending.upQueries
      .map((query) => query.query)
      .filter((sql) => /CREATE TABLE|DROP TABLE|ADD "|DROP COLUMN|ALTER COLUMN/.test(sql));
    expect(columnChanges).toEqual([]);
  });
});
