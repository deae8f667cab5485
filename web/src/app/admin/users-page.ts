import { Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { type AdminUserView, can, ROLES, type Role } from '@portal/shared';

import { LocalDates } from '../core/local-dates';
import type { StaffTextKey } from '../core/staff-i18n/staff-texts';
import { StaffReference } from '../core/staff-reference';
import { AdminList } from './admin-list';
import { AdminListPage, type AdminListTexts } from './admin-list-page';
import { coverageSummary } from './coverage';

/** The role, and whether active: true, false or '' (everyone). */
type UserFilters = { role: Role | null; active: '' | 'true' | 'false' };

/** The people of the portal: search by name or email, filter by role and activity, page through. */
@Component({
  selector: 'app-users-page',
  imports: [AdminList, RouterLink],
  templateUrl: './users-page.html',
  styleUrl: './admin-list.css',
})
export class UsersPage extends AdminListPage<AdminUserView, UserFilters> {
  readonly idPrefix = 'user';
  readonly texts: AdminListTexts = {
    title: 'nav.users',
    create: 'admin.user.new',
    search: 'admin.user.search',
    countOne: 'admin.user.count.one',
    countOther: 'admin.user.count.other',
    empty: 'admin.user.empty',
    columns: ['admin.user.name', 'admin.user.role', 'admin.user.coverage', 'admin.user.availability', 'admin.state'],
  };
  protected readonly path = 'users';

  private readonly reference = inject(StaffReference);
  private readonly dates = inject(LocalDates);
  protected readonly roles = ROLES;

  protected readFilters(text: (name: string) => string): UserFilters {
    const role = text('role');
    const active = text('active');
    return {
      role: (ROLES as readonly string[]).includes(role) ? (role as Role) : null,
      active: active === 'true' || active === 'false' ? active : '',
    };
  }

  protected roleKey(role: Role): StaffTextKey {
    return `role.${role}`;
  }

  /** Under the role: the organization of a member, the region of a director. */
  protected placeOf(user: AdminUserView): string {
    if (user.organization) return user.organization.name;
    return user.region ? this.t(`region.${user.region}`) : '';
  }

  protected coverageOf(user: AdminUserView): string {
    return coverageSummary(user.coverage, this.t, (code) => this.reference.countryName(code));
  }

  /** "Away until 18 Dec": the last day of the person's own absence. */
  protected awayLabel(awayUntil: string): string {
    return this.t('admin.user.awayUntil', { date: this.dates.date(new Date(Date.parse(awayUntil) - 1).toISOString()) });
  }

  protected routable(user: AdminUserView): boolean {
    return can(user.role, 'requests.work');
  }
}
