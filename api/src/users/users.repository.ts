import { Injectable } from '@nestjs/common';
import type { CoverageEntry, Role, UpdateProfileBody } from '@portal/shared';
import { type Db, managerOf, type RowOf, sqlRow, sqlRun } from '../common/typed-sql';
import { OrganizationEntity } from '../organizations/organization.entity';
import { CountryEntity } from '../reference/reference.entities';
import { CoverageEntryEntity } from './coverage-entry.entity';
import type { UserEntity } from './user.entity';

/** A person's fields an admin sets. */
export interface UserFields {
  name: string;
  role: Role;
  language: string;
  organizationId: string | null;
  region: string | null;
  available: boolean;
  contact: boolean;
}

/** People, their coverage, and the checks their fields need. */
@Injectable()
export class UsersRepository {
  async emailTaken(db: Db, email: string): Promise<boolean> {
    return (
      (await sqlRow<{ taken: number }>(db, `SELECT 1 AS taken FROM users WHERE lower(email) = lower($1)`, [email])) !==
      undefined
    );
  }

  /** Whether an admin erased the person (its account is then closed for good). */
  async erased(db: Db, id: string): Promise<boolean> {
    const row = await sqlRow<RowOf<UserEntity, 'erased_at'>>(db, `SELECT erased_at FROM users WHERE id = $1`, [id]);
    return row?.erased_at != null;
  }

  async insert(db: Db, email: string, fields: UserFields): Promise<string> {
    const row = await sqlRow<RowOf<UserEntity, 'id'>>(
      db,
      `INSERT INTO users (email, name, role, language, organization_id, region_code, available, contact)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        email,
        fields.name,
        fields.role,
        fields.language,
        fields.organizationId,
        fields.region,
        fields.available,
        fields.contact,
      ],
    );
    return row!.id;
  }

  async update(db: Db, id: string, fields: UserFields & { active: boolean }): Promise<void> {
    await sqlRun(
      db,
      `UPDATE users SET name = $2, role = $3, language = $4, organization_id = $5, region_code = $6,
              available = $7, contact = $8, active = $9, updated_at = now()
       WHERE id = $1`,
      [
        id,
        fields.name,
        fields.role,
        fields.language,
        fields.organizationId,
        fields.region,
        fields.available,
        fields.contact,
        fields.active,
      ],
    );
  }

  /** What a person may change of itself; null keeps the current value. */
  async updateProfile(db: Db, id: string, body: UpdateProfileBody): Promise<void> {
    await sqlRun(
      db,
      `UPDATE users SET language = COALESCE($2, language), name = COALESCE($3, name),
              email_notifications = COALESCE($4, email_notifications), updated_at = now() WHERE id = $1`,
      [id, body.language ?? null, body.name ?? null, body.emailNotifications ?? null],
    );
  }

  /** Ends every session of a person. */
  async revokeSessions(db: Db, userId: string, reason: string): Promise<void> {
    await sqlRun(
      db,
      `UPDATE refresh_token_families SET revoked_at = now(), revoked_reason = $2 WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId, reason],
    );
  }

  async replaceCoverage(db: Db, userId: string, coverage: CoverageEntry[]): Promise<void> {
    await managerOf(db).delete(CoverageEntryEntity, { userId });
    for (const entry of coverage) {
      await sqlRun(
        db,
        `INSERT INTO coverage_entries (user_id, country_code, region_code, area_code) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
        [userId, entry.country ?? null, entry.region ?? null, entry.area ?? null],
      );
    }
  }

  organizationExists(db: Db, id: string): Promise<boolean> {
    return managerOf(db).existsBy(OrganizationEntity, { id });
  }

  async countryCodes(db: Db): Promise<string[]> {
    const countries = await managerOf(db).find(CountryEntity, { select: { code: true } });
    return countries.map((country) => country.code);
  }
}
