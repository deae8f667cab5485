import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AdminUserView, CoverageEntry, RegionCode, Role, UserView } from '@portal/shared';
import { type Db, type RowOf, sqlRow, sqlRows } from '../common/typed-sql';
import type { UserEntity } from './user.entity';

type UserViewRow = RowOf<
  UserEntity,
  | 'id'
  | 'email'
  | 'name'
  | 'role'
  | 'language'
  | 'organization_id'
  | 'region_code'
  | 'available'
  | 'active'
  | 'contact'
  | 'email_notifications'
  | 'created_at'
  | 'updated_at'
> & {
  region_code: RegionCode | null;
  organization_name: string | null;
  organization_country: string | null;
  coverage: CoverageEntry[];
  invitation_pending: boolean;
  erased: boolean;
  away_until_now: Date | null;
};

/** One query for the user with its organization and coverage, as the API shows them. */
const USER_VIEW_SELECT = `
  SELECT u.id, u.email, u.name, u.role, u.language, u.region_code, u.available, u.active, u.contact, u.email_notifications,
         u.password_hash IS NULL AS invitation_pending, u.erased_at IS NOT NULL AS erased,
         CASE WHEN u.away_from <= now() AND now() < u.away_until THEN u.away_until END AS away_until_now,
         u.created_at, u.updated_at, u.organization_id,
         o.name AS organization_name, o.country_code AS organization_country,
         COALESCE((
           SELECT json_agg(json_strip_nulls(json_build_object('country', c.country_code, 'region', c.region_code, 'area', c.area_code))
                           ORDER BY c.country_code NULLS LAST, c.region_code NULLS LAST, c.area_code NULLS LAST)
           FROM coverage_entries c WHERE c.user_id = u.id
         ), '[]'::json) AS coverage
  FROM users u
  LEFT JOIN organizations o ON o.id = u.organization_id`;

export interface UserListFilter {
  role?: Role;
  organizationId?: string;
  active?: boolean;
  available?: boolean;
  q?: string;
  page: number;
  pageSize: number;
}

@Injectable()
export class UserViewsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findById(id: string, db: Db = this.dataSource): Promise<AdminUserView | null> {
    const row = await sqlRow<UserViewRow>(db, `${USER_VIEW_SELECT} WHERE u.id = $1`, [id]);
    return row ? toAdminUserView(row) : null;
  }

  async list(filter: UserListFilter): Promise<{ items: AdminUserView[]; total: number }> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      conditions.push(sql.replaceAll('?', `$${params.length}`));
    };
    if (filter.role) add('u.role = ?', filter.role);
    if (filter.organizationId) add('u.organization_id = ?', filter.organizationId);
    if (filter.active !== undefined) add('u.active = ?', filter.active);
    if (filter.available !== undefined) add('u.available = ?', filter.available);
    if (filter.q) {
      const pattern = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      add(`(unaccent(lower(u.name)) LIKE unaccent(?) OR lower(u.email) LIKE ?)`, pattern);
    }
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const [{ total }] = await sqlRows<{ total: number }>(
      this.dataSource,
      `SELECT count(*)::int AS total FROM users u ${where}`,
      params,
    );
    const rows = await sqlRows<UserViewRow>(
      this.dataSource,
      `${USER_VIEW_SELECT} ${where} ORDER BY u.name, u.id LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}`,
      params,
    );
    return { items: rows.map(toAdminUserView), total };
  }
}

export function toUserView(row: UserViewRow): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    language: row.language,
    organization: row.organization_id
      ? { id: row.organization_id, name: row.organization_name!, country: row.organization_country! }
      : null,
    region: row.region_code,
    coverage: row.coverage,
    available: row.available,
    contact: row.contact,
    emailNotifications: row.email_notifications,
  };
}

function toAdminUserView(row: UserViewRow): AdminUserView {
  return {
    ...toUserView(row),
    active: row.active,
    invitationPending: row.invitation_pending,
    erased: row.erased,
    awayUntil: row.away_until_now?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
