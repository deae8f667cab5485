import { Injectable } from '@nestjs/common';
import type { OrganizationView } from '@portal/shared';
import { type Db, managerOf, type RowOf, sqlRow, sqlRows, sqlRun } from '../common/typed-sql';
import { CountryEntity } from '../reference/reference.entities';
import type { OrganizationEntity } from './organization.entity';

const ORGANIZATION_SELECT = `
  SELECT o.id, o.name, o.country_code, c.region_code, o.kind, o.products, o.fairtrade_id, o.active, o.created_at, o.updated_at
  FROM organizations o JOIN countries c ON c.code = o.country_code`;

/** An organization with its country's region, as the API shows it. */
export type OrganizationRow = RowOf<
  OrganizationEntity,
  'id' | 'name' | 'country_code' | 'kind' | 'products' | 'fairtrade_id' | 'active' | 'created_at' | 'updated_at'
> &
  RowOf<CountryEntity, 'region_code'> & { kind: OrganizationView['kind'] };

export interface OrganizationFilter {
  country?: string;
  active?: boolean;
  q?: string;
  page: number;
  pageSize: number;
}

export interface OrganizationFields {
  name: string;
  country: string;
  kind: string;
  products: string[];
  fairtradeId: string | null;
}

@Injectable()
export class OrganizationsRepository {
  async list(db: Db, filter: OrganizationFilter): Promise<{ rows: OrganizationRow[]; total: number }> {
    const params: unknown[] = [];
    const conditions: string[] = [];
    if (filter.country) {
      params.push(filter.country);
      conditions.push(`o.country_code = $${params.length}`);
    }
    if (filter.active !== undefined) {
      params.push(filter.active);
      conditions.push(`o.active = $${params.length}`);
    }
    if (filter.q) {
      params.push(`%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      conditions.push(`unaccent(lower(o.name)) LIKE unaccent($${params.length})`);
    }
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const [{ total }] = await sqlRows<{ total: number }>(
      db,
      `SELECT count(*)::int AS total FROM organizations o ${where}`,
      params,
    );
    const rows = await sqlRows<OrganizationRow>(
      db,
      `${ORGANIZATION_SELECT} ${where} ORDER BY o.name, o.id LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}`,
      params,
    );
    return { rows, total };
  }

  find(db: Db, id: string): Promise<OrganizationRow | undefined> {
    return sqlRow<OrganizationRow>(db, `${ORGANIZATION_SELECT} WHERE o.id = $1`, [id]);
  }

  async insert(db: Db, fields: OrganizationFields): Promise<string> {
    const row = await sqlRow<RowOf<OrganizationEntity, 'id'>>(
      db,
      `INSERT INTO organizations (name, country_code, kind, products, fairtrade_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [fields.name, fields.country, fields.kind, fields.products, fields.fairtradeId],
    );
    return row!.id;
  }

  async update(db: Db, id: string, fields: OrganizationFields & { active: boolean }): Promise<void> {
    await sqlRun(
      db,
      `UPDATE organizations SET name = $2, country_code = $3, kind = $4, products = $5, fairtrade_id = $6, active = $7, updated_at = now()
       WHERE id = $1`,
      [id, fields.name, fields.country, fields.kind, fields.products, fields.fairtradeId, fields.active],
    );
  }

  countryExists(db: Db, code: string): Promise<boolean> {
    return managerOf(db).existsBy(CountryEntity, { code });
  }

  /** Another organization of the country with this name (case-insensitively). */
  async nameTaken(db: Db, name: string, country: string, selfId: string | null): Promise<boolean> {
    const row = await sqlRow<{ taken: number }>(
      db,
      `SELECT 1 AS taken FROM organizations WHERE lower(name) = lower($1) AND country_code = $2 AND id IS DISTINCT FROM $3`,
      [name, country, selfId],
    );
    return row !== undefined;
  }

  async fairtradeIdTaken(db: Db, fairtradeId: string, selfId: string | null): Promise<boolean> {
    const row = await sqlRow<{ taken: number }>(
      db,
      `SELECT 1 AS taken FROM organizations WHERE fairtrade_id = $1 AND id IS DISTINCT FROM $2`,
      [fairtradeId, selfId],
    );
    return row !== undefined;
  }
}
