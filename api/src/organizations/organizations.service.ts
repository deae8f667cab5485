import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { OrganizationView, Page } from '@portal/shared';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { ConflictException, NotFoundException, ValidationException } from '../common/app-exception';
import { paging } from '../common/paging.dto';
import type { CreateOrganizationDto, ListOrganizationsQueryDto, UpdateOrganizationDto } from './organizations.dto';

const ORGANIZATION_SELECT = `
  SELECT o.id, o.name, o.country_code, c.region_code, o.kind, o.products, o.fairtrade_id, o.active, o.created_at, o.updated_at
  FROM organizations o JOIN countries c ON c.code = o.country_code`;

interface OrganizationRow {
  id: string;
  name: string;
  country_code: string;
  region_code: string;
  kind: OrganizationView['kind'];
  products: string[];
  fairtrade_id: string | null;
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

function toView(row: OrganizationRow): OrganizationView {
  return {
    id: row.id,
    name: row.name,
    country: row.country_code,
    region: row.region_code,
    kind: row.kind,
    products: row.products,
    fairtradeId: row.fairtrade_id,
    active: row.active,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

@Injectable()
export class OrganizationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListOrganizationsQueryDto): Promise<Page<OrganizationView>> {
    const { page, pageSize } = paging(query);
    const params: unknown[] = [];
    const conditions: string[] = [];
    if (query.country) {
      params.push(query.country);
      conditions.push(`o.country_code = $${params.length}`);
    }
    if (query.active !== undefined) {
      params.push(query.active);
      conditions.push(`o.active = $${params.length}`);
    }
    if (query.q) {
      params.push(`%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      conditions.push(`unaccent(lower(o.name)) LIKE unaccent($${params.length})`);
    }
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM organizations o ${where}`,
      params,
    );
    const rows: OrganizationRow[] = await this.dataSource.query(
      `${ORGANIZATION_SELECT} ${where} ORDER BY o.name, o.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      params,
    );
    return { items: rows.map(toView), total, page, pageSize };
  }

  async get(id: string, db: EntityManager | DataSource = this.dataSource): Promise<OrganizationView> {
    const [row] = await db.query(`${ORGANIZATION_SELECT} WHERE o.id = $1`, [id]);
    if (!row) throw new NotFoundException('organization');
    return toView(row);
  }

  async create(actor: AuthUser, body: CreateOrganizationDto): Promise<OrganizationView> {
    return this.dataSource.transaction(async (db) => {
      await this.checkReferences(db, body.country, body.name, body.fairtradeId ?? null, null);
      const [row] = await db.query(
        `INSERT INTO organizations (name, country_code, kind, products, fairtrade_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [body.name, body.country, body.kind, body.products ?? [], body.fairtradeId ?? null],
      );
      await this.audit.record(db, {
        actorId: actor.id,
        action: 'organization.created',
        entityType: 'organization',
        entityId: row.id,
        changes: { ...body },
      });
      return this.get(row.id, db);
    });
  }

  async update(actor: AuthUser, id: string, body: UpdateOrganizationDto): Promise<OrganizationView> {
    return this.dataSource.transaction(async (db) => {
      const current = await this.get(id, db);
      const next = {
        name: body.name ?? current.name,
        country: body.country ?? current.country,
        kind: body.kind ?? current.kind,
        products: body.products ?? current.products,
        fairtradeId: body.fairtradeId !== undefined ? body.fairtradeId : current.fairtradeId,
        active: body.active ?? current.active,
      };
      await this.checkReferences(db, next.country, next.name, next.fairtradeId, id);
      await db.query(
        `UPDATE organizations SET name = $2, country_code = $3, kind = $4, products = $5, fairtrade_id = $6, active = $7, updated_at = now()
         WHERE id = $1`,
        [id, next.name, next.country, next.kind, next.products, next.fairtradeId, next.active],
      );
      await this.audit.record(db, {
        actorId: actor.id,
        action: 'organization.updated',
        entityType: 'organization',
        entityId: id,
        changes: { ...body },
      });
      return this.get(id, db);
    });
  }

  async deactivate(actor: AuthUser, id: string): Promise<void> {
    await this.update(actor, id, { active: false });
  }

  private async checkReferences(
    db: EntityManager,
    country: string,
    name: string,
    fairtradeId: string | null,
    selfId: string | null,
  ) {
    const [known] = await db.query(`SELECT 1 FROM countries WHERE code = $1`, [country]);
    if (!known) throw new ValidationException({ country: ['not a country the network serves'] });
    const [sameName] = await db.query(
      `SELECT 1 FROM organizations WHERE lower(name) = lower($1) AND country_code = $2 AND id IS DISTINCT FROM $3`,
      [name, country, selfId],
    );
    if (sameName)
      throw new ConflictException(
        'organizations.name-taken',
        'An organization with this name is already registered in this country.',
      );
    if (fairtradeId) {
      const [sameId] = await db.query(
        `SELECT 1 FROM organizations WHERE fairtrade_id = $1 AND id IS DISTINCT FROM $2`,
        [fairtradeId, selfId],
      );
      if (sameId)
        throw new ConflictException('organizations.fairtrade-id-taken', 'Another organization has this Fairtrade ID.');
    }
  }
}
