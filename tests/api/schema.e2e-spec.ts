import { DataSource } from 'typeorm';
import { ENTITIES } from '../../api/src/database/data-source';
import { startTestPortal, type TestPortal } from '../support/api-harness';
import {
  CURRENT_DEFINITIONS_FILE,
  databaseDefinitions,
  parseDefinitions,
  readDefinitionsFile,
  writeDefinitionsFile,
} from '../support/report-sql-definitions';

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

  /**
   * The report rollup's functions and triggers, made and remade over several migrations, are
   * read in one file (api/src/reports/sql/current-definitions.sql); this keeps that file true.
   */
  it('defines the report rollup functions and triggers as current-definitions.sql says', async () => {
    const inDatabase = await databaseDefinitions(portal.db);
    // Writing the file again after a migration that changes them (see its header).
    if (process.env.UPDATE_REPORT_SQL === '1') writeDefinitionsFile(inDatabase);
    expect(inDatabase.size).toBeGreaterThan(20);
    expect(parseDefinitions(readDefinitionsFile())).toEqual(inDatabase);
  });

  it('notices a report function redefined after the file was written (the check itself works)', async () => {
    const client = await portal.db.connect();
    try {
      await client.query('BEGIN');
      await client.query(`
        CREATE OR REPLACE FUNCTION report_scale(dim text) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT 0 $$`);
      const redefined = await databaseDefinitions(client);
      const file = parseDefinitions(readDefinitionsFile());
      expect(redefined.get('function report_scale(text)')).not.toEqual(file.get('function report_scale(text)'));
      expect(file.get('function report_scale(text)')).toBeDefined();
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
    expect(CURRENT_DEFINITIONS_FILE).toMatch(/api\/src\/reports\/sql\/current-definitions\.sql$/);
  });
});
