import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  type AdminUserView,
  belongsToOrganization,
  can,
  type CoverageEntry,
  directsRegion,
  isStaff,
  type Page,
  type Role,
  type UpdateProfileBody,
  type UserView,
} from '@portal/shared';
import { AuditService, beforeAndAfter } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { ConflictException, NotFoundException, ValidationException } from '../common/app-exception';
import { paging } from '../common/paging.dto';
import { RequestsService } from '../requests/requests.service';
import type { CreateUserDto, ListUsersQueryDto, UpdateUserDto } from './users.dto';
import { UserViewsRepository } from './user-views.repository';
import { UsersRepository } from './users.repository';

/** What a person sees of itself: the admin-only fields taken off. */
export function toPublicUserView(user: AdminUserView): UserView {
  const {
    active: _active,
    invitationPending: _pending,
    erased: _erased,
    awayUntil: _awayUntil,
    createdAt: _createdAt,
    updatedAt: _updatedAt,
    ...view
  } = user;
  return view;
}

interface UserShape {
  role: Role;
  organizationId: string | null;
  region: string | null;
  coverage: CoverageEntry[];
  contact: boolean;
}

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly userViews: UserViewsRepository,
    private readonly audit: AuditService,
    private readonly requests: RequestsService,
    private readonly repository: UsersRepository,
  ) {}

  async list(query: Partial<ListUsersQueryDto>): Promise<Page<AdminUserView>> {
    const { page, pageSize } = paging(query);
    const { items, total } = await this.userViews.list({ ...query, page, pageSize });
    return { items, total, page, pageSize };
  }

  async get(id: string): Promise<AdminUserView> {
    const user = await this.userViews.findById(id);
    if (!user) throw new NotFoundException('user');
    return user;
  }

  /** Registers a person without a password: it chooses one through an invitation. */
  create(actor: AuthUser, body: CreateUserDto): Promise<AdminUserView> {
    return this.dataSource.transaction((db) => this.createInTransaction(db, actor, body));
  }

  async createInTransaction(db: EntityManager, actor: AuthUser, body: CreateUserDto): Promise<AdminUserView> {
    const shape: UserShape = {
      role: body.role,
      organizationId: body.organizationId ?? null,
      region: body.region ?? null,
      coverage: body.coverage ?? [],
      contact: body.contact ?? false,
    };
    await this.checkShape(db, shape);
    if (await this.repository.emailTaken(db, body.email))
      throw new ConflictException('users.email-taken', 'A person with this email is already registered.');
    const id = await this.repository.insert(db, body.email, {
      name: body.name,
      role: body.role,
      language: body.language ?? 'es',
      organizationId: shape.organizationId,
      region: shape.region,
      available: body.available ?? true,
      contact: shape.contact,
    });
    await this.repository.replaceCoverage(db, id, shape.coverage);
    const { coverage, ...fields } = body;
    await this.audit.record(db, {
      actorId: actor.id,
      action: 'user.created',
      entityType: 'user',
      entityId: id,
      changes: { ...fields, coverage },
    });
    return (await this.userViews.findById(id, db))!;
  }

  async update(actor: AuthUser, id: string, body: UpdateUserDto): Promise<AdminUserView> {
    return this.dataSource.transaction(async (db) => {
      const current = await this.userViews.findById(id, db);
      if (!current) throw new NotFoundException('user');
      // An erased person's account is closed for good: reactivated or renamed, it would be someone again.
      if (await this.repository.erased(db, id))
        throw new ConflictException('users.erased', 'This person was erased: the account cannot be changed.');
      const shape: UserShape = {
        role: body.role ?? current.role,
        organizationId: body.organizationId !== undefined ? body.organizationId : (current.organization?.id ?? null),
        region: body.region !== undefined ? body.region : current.region,
        coverage: body.coverage ?? current.coverage,
        contact: body.contact ?? current.contact,
      };
      await this.checkShape(db, shape);
      if (id === actor.id && (body.active === false || (body.role && !can(body.role, 'users.manage')))) {
        throw new ConflictException(
          'users.self-lockout',
          'You cannot deactivate yourself or take away your own admin role.',
        );
      }
      await this.repository.update(db, id, {
        name: body.name ?? current.name,
        role: shape.role,
        language: body.language ?? current.language,
        organizationId: shape.organizationId,
        region: shape.region,
        available: body.available ?? current.available,
        contact: shape.contact,
        active: body.active ?? current.active,
      });
      if (body.coverage) await this.repository.replaceCoverage(db, id, shape.coverage);
      if (body.active === false && current.active) {
        await this.repository.revokeSessions(db, id, 'deactivated');
        // A departing staff member's open cases go back through routing, with a timeline event.
        if (isStaff(current.role)) await this.requests.rerouteOpenRequestsOf(db, id, actor.id);
      }
      await this.audit.record(db, {
        actorId: actor.id,
        action: 'user.updated',
        entityType: 'user',
        entityId: id,
        changes: beforeAndAfter(current, body),
      });
      return (await this.userViews.findById(id, db))!;
    });
  }

  /** What a person may change of itself: its language and display name. */
  /** One's own name, language and email choice; audited like an administrator's change. */
  async updateOwnProfile(userId: string, body: UpdateProfileBody): Promise<void> {
    const changes = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
    if (Object.keys(changes).length === 0) return;
    await this.dataSource.transaction(async (db) => {
      await this.repository.updateProfile(db, userId, body);
      await this.audit.record(db, {
        actorId: userId,
        action: 'user.profile-updated',
        entityType: 'user',
        entityId: userId,
        changes,
      });
    });
  }

  /** Deactivation keeps the person and its history; it only closes the door. */
  async deactivate(actor: AuthUser, id: string): Promise<void> {
    await this.setActive(actor, id, false);
  }

  async setActive(actor: AuthUser, id: string, active: boolean): Promise<void> {
    await this.update(actor, id, { active });
  }

  /** The rules between fields, answered as 400 with the field at fault. */
  private async checkShape(db: EntityManager, shape: UserShape): Promise<void> {
    const errors: Record<string, string[]> = {};
    const fail = (field: string, message: string) => (errors[field] ??= []).push(message);
    if (belongsToOrganization(shape.role)) {
      if (!shape.organizationId) fail('organizationId', 'a member belongs to an organization');
      else {
        if (!(await this.repository.organizationExists(db, shape.organizationId)))
          fail('organizationId', 'no organization has this id');
      }
      if (shape.coverage.length > 0) fail('coverage', 'members have no coverage');
    } else if (shape.organizationId) {
      fail('organizationId', 'staff do not belong to a member organization');
    }
    if (shape.contact && !belongsToOrganization(shape.role))
      fail('contact', 'only a member can be its organization’s contact');
    if (directsRegion(shape.role) && !shape.region) fail('region', 'a director directs a region');
    if (!isStaff(shape.role) && shape.region) fail('region', 'only staff have a region');
    const countries = await this.repository.countryCodes(db);
    shape.coverage.forEach((entry, index) => {
      if (!entry.country && !entry.region && !entry.area)
        fail(`coverage.${index}`, 'name a country, a region or an area');
      if (entry.country && entry.region) fail(`coverage.${index}`, 'name a country or a region, not both');
      if (entry.country && !countries.includes(entry.country))
        fail(`coverage.${index}.country`, 'not a country the network serves');
    });
    if (Object.keys(errors).length > 0) throw new ValidationException(errors);
  }
}
