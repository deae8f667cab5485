import { Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { belongsToOrganization, ORGANIZATION_ROLE, type RegionCode, type Role } from '@portal/shared';

import { Session } from '../auth/session';
import type { TranslationKey } from '../i18n/dictionary';
import { I18n } from '../i18n/i18n';
import { navigationFor } from '../layout/navigation';

/** The landing page after signing in: who is signed in, and where to go from here. */
@Component({
  selector: 'app-home-page',
  imports: [RouterLink],
  templateUrl: './home-page.html',
  styleUrl: './home-page.css',
})
export class HomePage {
  private readonly session = inject(Session);
  protected readonly t = inject(I18n).t;
  protected readonly user = this.session.user;
  protected readonly shortcuts = computed(() => {
    const user = this.user();
    return user ? navigationFor(user.role).filter((item) => item.path !== '/') : [];
  });

  protected readonly intro = computed<TranslationKey>(() => INTRO_BY_ROLE[this.user()?.role ?? ORGANIZATION_ROLE]);

  protected belongsToOrganization(role: Role): boolean {
    return belongsToOrganization(role);
  }

  protected roleName(role: Role): string {
    return this.t(`role.${role}`);
  }

  protected regionName(region: RegionCode): string {
    return this.t(`region.${region}`);
  }
}

const INTRO_BY_ROLE: { readonly [R in Role]: TranslationKey } = {
  member: 'home.intro.member',
  representative: 'home.intro.caseWorker',
  specialist: 'home.intro.caseWorker',
  director: 'home.intro.caseWorker',
  executive: 'home.intro.executive',
  admin: 'home.intro.admin',
};
