import { HttpClient } from '@angular/common/http';
import { Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import {
  type AbsenceView,
  belongsToOrganization,
  can,
  type MyAbsence,
  ORGANIZATION_ROLE,
  type RegionCode,
  type Role,
} from '@portal/shared';
import { firstValueFrom } from 'rxjs';

import { Session } from '../auth/session';
import { API_BASE_URL } from '../core/api';
import { LocalDates } from '../core/local-dates';
import type { TranslationKey } from '../i18n/dictionary';
import { I18n } from '../i18n/i18n';
import { navigationFor } from '../layout/navigation';
import { MemberNeeds } from './member-needs';
import { SavedViewCounts } from './saved-view-counts';

/** The landing page after signing in: who is signed in, and where to go from here. */
@Component({
  selector: 'app-home-page',
  imports: [RouterLink, MemberNeeds, SavedViewCounts],
  templateUrl: './home-page.html',
  styleUrl: './home-page.css',
})
export class HomePage {
  private readonly session = inject(Session);
  protected readonly t = inject(I18n).t;
  protected readonly user = this.session.user;
  private readonly http = inject(HttpClient);
  private readonly dates = inject(LocalDates);
  /** The staff member's absence, when it covers now: a reminder that its new cases go elsewhere. */
  protected readonly awayUntil = signal<string | null>(null);

  constructor() {
    const user = this.user();
    if (user && can(user.role, 'absence.manage')) void this.loadAbsence();
  }

  private async loadAbsence(): Promise<void> {
    try {
      const { absence } = await firstValueFrom(this.http.get<MyAbsence>(`${API_BASE_URL}/me/absence`));
      this.awayUntil.set(absence?.awayNow ? lastDay(absence) : null);
    } catch {
      // Only a reminder: the profile page shows the absence and its errors.
    }
  }
  protected readonly shortcuts = computed(() => {
    const user = this.user();
    return user ? navigationFor(user.role).filter((item) => item.path !== '/') : [];
  });

  protected readonly intro = computed<TranslationKey>(() => INTRO_BY_ROLE[this.user()?.role ?? ORGANIZATION_ROLE]);

  /** Staff who keep inbox views see them, with their counts. */
  protected canWork(role: Role): boolean {
    return can(role, 'requests.staff-view');
  }

  protected belongsToOrganization(role: Role): boolean {
    return belongsToOrganization(role);
  }

  protected awayDate(iso: string): string {
    return this.dates.date(iso);
  }

  protected roleName(role: Role): string {
    return this.t(`role.${role}`);
  }

  protected regionName(region: RegionCode): string {
    return this.t(`region.${region}`);
  }
}

/** The last day away as the person chose it: the API keeps the end of that day. */
function lastDay(absence: AbsenceView): string {
  return new Date(new Date(absence.until).getTime() - 1).toISOString();
}

const INTRO_BY_ROLE: { readonly [R in Role]: TranslationKey } = {
  member: 'home.intro.member',
  representative: 'home.intro.caseWorker',
  specialist: 'home.intro.caseWorker',
  director: 'home.intro.caseWorker',
  executive: 'home.intro.executive',
  admin: 'home.intro.admin',
};
