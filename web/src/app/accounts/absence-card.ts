import { Component, inject, signal } from '@angular/core';
import type { AbsenceView, ReplacementCandidate } from '@portal/shared';

import { LocalDates } from '../core/local-dates';
import { SubmitButton } from '../ui/submit-button';
import { accountFailureOf, ProfileApi } from './accounts-api';
import type { AccountsKey } from './i18n/accounts-dictionaries';
import { AccountsI18n } from './i18n/accounts-texts';

/** A day of a date input (yyyy-mm-dd) for a moment, in the viewer's time zone. */
function dayOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The start of a day in the viewer's time zone; `next`: of the day after (the end of this one). */
function startOf(day: string, next = false): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date + (next ? 1 : 0));
}

/**
 * The staff member's own absence, on the profile page: the days away (both included, in the
 * viewer's time zone) and who takes the new cases meanwhile (staff of the same region, as the
 * API offers them). Routing skips the person in that window (api/src/requests/routing).
 */
@Component({
  selector: 'app-absence-card',
  imports: [SubmitButton],
  templateUrl: './absence-card.html',
  styleUrls: ['./account-page.css', './profile-page.css'],
})
export class AbsenceCard {
  private readonly api = inject(ProfileApi);
  private readonly dates = inject(LocalDates);
  protected readonly t = inject(AccountsI18n).t;

  protected readonly absence = signal<AbsenceView | null>(null);
  protected readonly replacements = signal<ReplacementCandidate[]>([]);
  protected readonly from = signal('');
  protected readonly until = signal('');
  protected readonly replacementId = signal('');
  protected readonly handOver = signal(false);
  /** What the last hand-over moved (null: none asked). */
  protected readonly handover = signal<{ moved: number; stayed: number } | null>(null);
  protected readonly saving = signal(false);
  protected readonly saved = signal<AccountsKey | null>(null);
  protected readonly error = signal<AccountsKey | null>(null);
  protected readonly fieldErrors = signal<Partial<Record<'from' | 'until' | 'replacementId', AccountsKey>>>({});

  constructor() {
    void this.load();
  }

  /** The last day away, as the person chose it (the API keeps the end of that day). */
  protected lastDay(absence: AbsenceView): string {
    return this.dates.date(new Date(new Date(absence.until).getTime() - 1).toISOString());
  }

  protected checkedOf(event: Event): boolean {
    return (event.target as HTMLInputElement).checked;
  }

  protected valueOf(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  private async load(): Promise<void> {
    try {
      const [mine, replacements] = await Promise.all([this.api.absence(), this.api.replacements()]);
      this.replacements.set(replacements);
      this.show(mine.absence);
    } catch (error) {
      const failure = accountFailureOf(error);
      this.error.set(failure.kind === 'message' ? failure.key : 'accounts.error.server');
    }
  }

  private show(absence: AbsenceView | null): void {
    this.absence.set(absence);
    this.from.set(absence ? dayOf(new Date(absence.from)) : '');
    this.until.set(absence ? dayOf(new Date(new Date(absence.until).getTime() - 1)) : '');
    this.replacementId.set(absence?.replacement?.id ?? '');
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    if (this.saving()) return;
    this.saved.set(null);
    this.handover.set(null);
    this.error.set(null);
    const errors: Partial<Record<'from' | 'until' | 'replacementId', AccountsKey>> = {};
    if (!this.from()) errors.from = 'absence.from.required';
    if (!this.until()) errors.until = 'absence.until.required';
    else if (this.from() && this.until() < this.from()) errors.until = 'absence.until.beforeFrom';
    this.fieldErrors.set(errors);
    if (Object.keys(errors).length > 0) return;
    this.saving.set(true);
    try {
      const answer = await this.api.setAbsence({
        from: startOf(this.from()).toISOString(),
        until: startOf(this.until(), true).toISOString(),
        replacementId: this.replacementId() || null,
        ...(this.handOver() && this.replacementId() ? { handOverOpenCases: true } : {}),
      });
      this.show(answer.absence);
      this.handover.set(answer.handover);
      this.handOver.set(false);
      this.saved.set('absence.saved');
    } catch (error) {
      const failure = accountFailureOf(error);
      if (failure.kind === 'fields') {
        this.fieldErrors.set({
          ...(failure.fields['from'] ? { from: 'absence.from.invalid' as const } : {}),
          ...(failure.fields['until'] ? { until: 'absence.until.invalid' as const } : {}),
          ...(failure.fields['replacementId'] ? { replacementId: 'absence.replacement.invalid' as const } : {}),
        });
      } else this.error.set(failure.kind === 'message' ? failure.key : 'accounts.error.invalid');
    } finally {
      this.saving.set(false);
    }
  }

  protected async clear(): Promise<void> {
    if (this.saving()) return;
    this.saved.set(null);
    this.error.set(null);
    this.fieldErrors.set({});
    this.saving.set(true);
    try {
      this.show((await this.api.clearAbsence()).absence);
      this.saved.set('absence.cleared');
    } catch (error) {
      const failure = accountFailureOf(error);
      this.error.set(failure.kind === 'message' ? failure.key : 'accounts.error.invalid');
    } finally {
      this.saving.set(false);
    }
  }
}
