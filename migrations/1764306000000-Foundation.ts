import type { MigrationInterface, QueryRunner } from 'typeorm';
// Reference data as it stood when this migration was written; later changes to the
// reference data come as new migrations, never as edits of this one.
import reference from '../shared/data/reference.json';

/**
 * The foundation schema: reference data, organizations, users with coverage, refresh-token
 * families, sign-in throttling and the audit log. Constraints live here, not only in code.
 */
export class Foundation1764306000000 implements MigrationInterface {
  name = 'Foundation1764306000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await db.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);

    await db.query(`
      CREATE TABLE regions (
        code text PRIMARY KEY CHECK (code ~ '^[A-Z]{3}$'),
        name jsonb NOT NULL CHECK (jsonb_typeof(name) = 'object')
      )`);
    await db.query(`
      CREATE TABLE countries (
        code text PRIMARY KEY CHECK (code ~ '^[A-Z]{2}$'),
        region_code text NOT NULL REFERENCES regions (code),
        timezone text NOT NULL,
        languages text[] NOT NULL,
        name jsonb NOT NULL CHECK (jsonb_typeof(name) = 'object')
      )`);
    await db.query(`CREATE INDEX countries_region_idx ON countries (region_code)`);
    await db.query(`
      CREATE TABLE thematic_areas (
        code text PRIMARY KEY CHECK (code ~ '^[a-z-]+$'),
        sort_order int NOT NULL,
        name jsonb NOT NULL CHECK (jsonb_typeof(name) = 'object')
      )`);
    await db.query(`
      CREATE TABLE functional_directorates (
        code text PRIMARY KEY CHECK (code ~ '^[a-z-]+$'),
        name jsonb NOT NULL CHECK (jsonb_typeof(name) = 'object')
      )`);

    await db.query(`
      CREATE TABLE organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (char_length(btrim(name)) BETWEEN 1 AND 200),
        country_code text NOT NULL REFERENCES countries (code),
        kind text NOT NULL CHECK (kind IN ('small-producer', 'workers')),
        products text[] NOT NULL DEFAULT '{}',
        fairtrade_id text UNIQUE CHECK (char_length(fairtrade_id) BETWEEN 1 AND 40),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX organizations_name_country_key ON organizations (lower(name), country_code)`);
    await db.query(`CREATE INDEX organizations_country_idx ON organizations (country_code)`);

    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (char_length(email) BETWEEN 3 AND 254 AND position('@' in email) > 1),
        name text NOT NULL CHECK (char_length(btrim(name)) BETWEEN 1 AND 120),
        role text NOT NULL CHECK (role IN ('member', 'representative', 'specialist', 'director', 'executive', 'admin')),
        language text NOT NULL DEFAULT 'es' CHECK (language IN ('es', 'en', 'pt', 'fr')),
        password_hash text,
        organization_id uuid REFERENCES organizations (id),
        region_code text REFERENCES regions (code),
        functional_directorate_code text REFERENCES functional_directorates (code),
        contact boolean NOT NULL DEFAULT false,
        available boolean NOT NULL DEFAULT true,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- Members belong to exactly one organization; staff to none.
        CONSTRAINT users_member_has_organization CHECK ((role = 'member') = (organization_id IS NOT NULL)),
        -- Only members can be their organization's contact.
        CONSTRAINT users_contact_is_member CHECK (NOT contact OR role = 'member'),
        -- A regional director directs one region.
        CONSTRAINT users_director_has_region CHECK (role <> 'director' OR region_code IS NOT NULL)
      )`);
    await db.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);
    await db.query(`CREATE INDEX users_organization_idx ON users (organization_id)`);

    await db.query(`
      CREATE TABLE coverage_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        country_code text REFERENCES countries (code),
        region_code text REFERENCES regions (code),
        area_code text REFERENCES thematic_areas (code),
        CONSTRAINT coverage_entries_names_something CHECK (num_nonnulls(country_code, region_code, area_code) > 0),
        -- A country already implies its region.
        CONSTRAINT coverage_entries_country_or_region CHECK (country_code IS NULL OR region_code IS NULL),
        CONSTRAINT coverage_entries_unique UNIQUE NULLS NOT DISTINCT (user_id, country_code, region_code, area_code)
      )`);
    await db.query(
      `CREATE INDEX coverage_entries_country_idx ON coverage_entries (country_code) WHERE country_code IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX coverage_entries_region_idx ON coverage_entries (region_code) WHERE region_code IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX coverage_entries_area_idx ON coverage_entries (area_code) WHERE area_code IS NOT NULL`,
    );

    await db.query(`
      CREATE TABLE refresh_token_families (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        revoked_reason text,
        CONSTRAINT refresh_token_families_reason CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL))
      )`);
    await db.query(
      `CREATE INDEX refresh_token_families_user_idx ON refresh_token_families (user_id) WHERE revoked_at IS NULL`,
    );
    await db.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        family_id uuid NOT NULL REFERENCES refresh_token_families (id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await db.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);

    // Failed sign-ins by normalized email, so every API process counts the same failures.
    await db.query(`
      CREATE TABLE login_failures (
        id bigserial PRIMARY KEY,
        email_key text NOT NULL,
        failed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX login_failures_email_idx ON login_failures (email_key, failed_at)`);

    await db.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        actor_id uuid REFERENCES users (id),
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        changes jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, created_at)`);

    for (const region of reference.regions) {
      await db.query(`INSERT INTO regions (code, name) VALUES ($1, $2)`, [region.code, region.name]);
    }
    for (const country of reference.countries) {
      await db.query(
        `INSERT INTO countries (code, region_code, timezone, languages, name) VALUES ($1, $2, $3, $4, $5)`,
        [country.code, country.region, country.timezone, country.languages, country.name],
      );
    }
    for (const [index, area] of reference.thematicAreas.entries()) {
      await db.query(`INSERT INTO thematic_areas (code, sort_order, name) VALUES ($1, $2, $3)`, [
        area.code,
        index + 1,
        area.name,
      ]);
    }
    for (const directorate of reference.functionalDirectorates) {
      await db.query(`INSERT INTO functional_directorates (code, name) VALUES ($1, $2)`, [
        directorate.code,
        directorate.name,
      ]);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'audit_log',
      'login_failures',
      'refresh_tokens',
      'refresh_token_families',
      'coverage_entries',
      'users',
      'organizations',
      'functional_directorates',
      'thematic_areas',
      'countries',
      'regions',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
