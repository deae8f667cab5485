import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { OrganizationView, Page } from '@portal/shared';
import { AuditService, beforeAndAfter } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { ConflictException, NotFoundException, ValidationException } from '../common/app-exception';
import { paging } from '../common/paging.dto';
import type { Db } from '../common/typed-sql';
import { type OrganizationRow, OrganizationsRepository } from './organizations.repository';
import type { CreateOrganizationDto, ListOrganizationsQueryDto, UpdateOrganizationDto } from './organizations.dto';

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
    private readonly repository: OrganizationsRepository,
  ) {}

  async list(query: ListOrganizationsQueryDto): Promise<Page<OrganizationView>> {
    const { page, pageSize } = paging(query);
    const { rows, total } = await this.repository.list(this.dataSource, {
      country: query.country,
      active: query.active,
      q: query.q,
      page,
      pageSize,
    });
    return { items: rows.map(toView), total, page, pageSize };
  }

  async get(id: string, db: Db = this.dataSource): Promise<OrganizationView> {
    const row = await this.repository.find(db, id);
    if (!row) throw new NotFoundException('organization');
    return toView(row);
  }

  async create(actor: AuthUser, body: CreateOrganizationDto): Promise<OrganizationView> {
    return this.dataSource.transaction(async (db) => {
      await this.checkReferences(db, body.country, body.name, body.fairtradeId ?? null, null);
      const id = await this.repository.insert(db, {
        name: body.name,
        country: body.country,
        kind: body.kind,
        products: body.products ?? [],
        fairtradeId: body.fairtradeId ?? null,
      });
      await this.audit.record(db, {
        actorId: actor.id,
        action: 'organization.created',
        entityType: 'organization',
        entityId: id,
        changes: { ...body },
      });
      return this.get(id, db);
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
      await this.repository.update(db, id, next);
      await this.audit.record(db, {
        actorId: actor.id,
        action: 'organization.updated',
        entityType: 'organization',
        entityId: id,
        changes: beforeAndAfter(current, body),
      });
      return this.get(id, db);
    });
  }

  async deactivate(actor: AuthUser, id: string): Promise<void> {
    await this.update(actor, id, { active: false });
  }

  private async checkReferences(
    db: Db,
    country: string,
    name: string,
    fairtradeId: string | null,
    selfId: string | null,
  ) {
    if (!(await this.repository.countryExists(db, country)))
      throw new ValidationException({ country: ['not a country the network serves'] });
    if (await this.repository.nameTaken(db, name, country, selfId))
      throw new ConflictException(
        'organizations.name-taken',
        'An organization with this name is already registered in this country.',
      );
    if (fairtradeId) {
      if (await this.repository.fairtradeIdTaken(db, fairtradeId, selfId))
        throw new ConflictException('organizations.fairtrade-id-taken', 'Another organization has this Fairtrade ID.');
    }
  }
}
