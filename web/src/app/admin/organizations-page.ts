import { Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { OrganizationKind, OrganizationView } from '@portal/shared';

import type { StaffTextKey } from '../core/staff-i18n/staff-texts';
import { StaffReference } from '../core/staff-reference';
import { AdminList } from './admin-list';
import { AdminListPage, type AdminListTexts } from './admin-list-page';

const COUNTRY = /^[A-Z]{2}$/;

/** The member organizations: search by name, filter by country, page through; each opens its form. */
@Component({
  selector: 'app-organizations-page',
  imports: [AdminList, RouterLink],
  templateUrl: './organizations-page.html',
  styleUrl: './admin-list.css',
})
export class OrganizationsPage extends AdminListPage<OrganizationView, { country: string }> {
  readonly idPrefix = 'org';
  readonly texts: AdminListTexts = {
    title: 'nav.organizations',
    create: 'admin.org.new',
    search: 'admin.org.search',
    countOne: 'admin.org.count.one',
    countOther: 'admin.org.count.other',
    empty: 'admin.org.empty',
    columns: [
      'admin.org.name',
      'inbox.filter.country',
      'admin.org.kind',
      'admin.org.products',
      'admin.org.fairtradeId',
      'admin.state',
    ],
  };
  protected readonly path = 'organizations';

  protected readonly reference = inject(StaffReference);

  protected readFilters(text: (name: string) => string) {
    return { country: COUNTRY.test(text('country')) ? text('country') : '' };
  }

  protected kindKey(kind: OrganizationKind): StaffTextKey {
    return `admin.org.kind.${kind}`;
  }

  protected regionKey(region: string): StaffTextKey {
    return `region.${region}` as StaffTextKey;
  }
}
