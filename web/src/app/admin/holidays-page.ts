import { afterNextRender, Component, computed, ElementRef, inject, Injector, signal } from '@angular/core';

import { StaffI18n, type StaffTextKey } from '../core/staff-i18n/staff-texts';
import { describeStaffProblem, type StaffProblem } from '../core/staff-problem';
import { StaffReference } from '../core/staff-reference';
import { PROBLEM_MESSAGES } from '../core/problem-messages';
import { type HolidayImportView, type HolidayView, PUBLIC_HOLIDAY_YEARS, SlaApi } from './sla-api';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const NAME_MAX = 120;

type Field = 'date' | 'name';

/** The years offered: last year to two ahead, and the years of the shipped table. */
function offeredYears(now: Date): number[] {
  const year = now.getFullYear();
  return [...new Set([year - 1, year, year + 1, year + 2, ...PUBLIC_HOLIDAY_YEARS])].sort((a, b) => a - b);
}

/**
 * /admin/holidays: a country's holidays in a year (days the SLA clock skips), added one by
 * one or imported from the shipped table of national public holidays, deleted after a
 * confirmation. The API has the last word on every input; its refusals are shown here.
 */
@Component({
  selector: 'app-holidays-page',
  templateUrl: './holidays-page.html',
  styleUrl: './sla-admin.css',
})
export class HolidaysPage {
  private readonly api = inject(SlaApi);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly t = inject(StaffI18n).t;
  protected readonly reference = inject(StaffReference);
  private readonly language = inject(StaffI18n).language;
  /** A holiday is a calendar date, not an instant: formatted in UTC so no time zone shifts it a day. */
  private readonly dayFormat = computed(
    () => new Intl.DateTimeFormat(this.language(), { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }),
  );
  protected readonly years = offeredYears(new Date());
  protected readonly nameMax = NAME_MAX;

  // Opens on one country so the page shows a list at once (the list follows the select).
  protected readonly country = signal('PE');
  protected readonly year = signal(new Date().getFullYear());
  protected readonly holidays = signal<HolidayView[] | null>(null);
  protected readonly loadProblem = signal<StaffProblem | null>(null);

  protected readonly date = signal('');
  protected readonly name = signal('');
  protected readonly addAttempted = signal(false);
  protected readonly adding = signal(false);
  protected readonly addProblem = signal<StaffProblem | null>(null);

  /** The holiday whose deletion waits for a confirmation. */
  protected readonly confirming = signal<string | null>(null);
  protected readonly deleteProblem = signal<StaffProblem | null>(null);
  protected readonly importing = signal(false);
  protected readonly importProblem = signal<StaffProblem | null>(null);
  /** What the last change did, said in the status line. */
  protected readonly notice = signal<string | null>(null);

  protected readonly importable = computed(() => (PUBLIC_HOLIDAY_YEARS as readonly number[]).includes(this.year()));

  private readonly localErrors = computed<Partial<Record<Field, StaffTextKey>>>(() => {
    const errors: Partial<Record<Field, StaffTextKey>> = {};
    if (!DATE.test(this.date())) errors.date = 'admin.error.required';
    else if (!this.date().startsWith(`${this.year()}-`)) errors.date = 'admin.holidays.error.year';
    if (!this.name().trim()) errors.name = 'admin.error.required';
    return errors;
  });

  protected readonly errors = computed<Partial<Record<Field, string>>>(() => {
    const own = this.addAttempted() ? this.localErrors() : {};
    const fields = this.addProblem()?.fields ?? {};
    return {
      date: fields['date'] ?? (own.date ? this.t(own.date, { year: this.year() }) : undefined),
      name: fields['name'] ?? (own.name ? this.t(own.name) : undefined),
    };
  });

  constructor() {
    void this.load();
  }

  protected day(iso: string): string {
    return this.dayFormat().format(new Date(`${iso}T00:00:00Z`));
  }

  protected regionKey(region: string): StaffTextKey {
    return `region.${region}` as StaffTextKey;
  }

  protected describedBy(field: Field): string | null {
    return this.errors()[field] ? `holiday-${field}-error` : null;
  }

  protected chooseCountry(event: Event): void {
    this.country.set((event.target as HTMLSelectElement).value);
    this.changedScope();
  }

  protected chooseYear(event: Event): void {
    this.year.set(Number((event.target as HTMLSelectElement).value));
    this.changedScope();
  }

  protected setText(field: Field, event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    (field === 'date' ? this.date : this.name).set(value);
    const problem = this.addProblem();
    if (problem?.fields[field]) {
      const { [field]: _forgotten, ...fields } = problem.fields;
      this.addProblem.set({ ...problem, fields });
    }
  }

  protected async load(): Promise<void> {
    const [country, year] = [this.country(), this.year()];
    this.loadProblem.set(null);
    try {
      const holidays = await this.api.holidays(country, year);
      // An answer for a country or year no longer chosen is dropped.
      if (country === this.country() && year === this.year()) this.holidays.set(holidays);
    } catch (error) {
      this.loadProblem.set(describeStaffProblem(error, this.t));
    }
  }

  protected async add(event: Event): Promise<void> {
    event.preventDefault();
    if (this.adding()) return;
    this.addAttempted.set(true);
    this.notice.set(null);
    if (Object.keys(this.localErrors()).length > 0) return;
    this.adding.set(true);
    this.addProblem.set(null);
    try {
      const added = await this.api.addHoliday({ country: this.country(), date: this.date(), name: this.name().trim() });
      this.notice.set(this.t('admin.holidays.added', { name: added.name, date: this.day(added.date) }));
      this.date.set('');
      this.name.set('');
      this.addAttempted.set(false);
      await this.load();
    } catch (error) {
      const problem = describeStaffProblem(error, this.t);
      // A second holiday on one date is a mistake in the date: said next to it.
      this.addProblem.set(
        problem.code === 'holidays.exists'
          ? { ...problem, fields: { ...problem.fields, date: this.t(PROBLEM_MESSAGES['holidays.exists']) } }
          : problem,
      );
    } finally {
      this.adding.set(false);
    }
  }

  /** Asks before deleting; the focus goes to the question's button (the one pressed is gone). */
  protected askDelete(holiday: HolidayView): void {
    this.confirming.set(holiday.id);
    this.focusAfterRender(`[data-id="${holiday.id}"] [data-testid="holiday-confirm"]`);
  }

  protected cancelDelete(holiday: HolidayView): void {
    this.confirming.set(null);
    this.focusAfterRender(`[data-id="${holiday.id}"] [data-testid="holiday-delete"]`);
  }

  private focusAfterRender(selector: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), {
      injector: this.injector,
    });
  }

  protected async remove(holiday: HolidayView): Promise<void> {
    this.deleteProblem.set(null);
    this.notice.set(null);
    try {
      await this.api.deleteHoliday(holiday.id);
      this.confirming.set(null);
      this.notice.set(this.t('admin.holidays.deleted', { name: holiday.name }));
      await this.load();
    } catch (error) {
      this.deleteProblem.set(describeStaffProblem(error, this.t));
    }
  }

  protected async importTable(): Promise<void> {
    if (this.importing()) return;
    this.importing.set(true);
    this.importProblem.set(null);
    this.notice.set(null);
    try {
      const result: HolidayImportView = await this.api.importHolidays(this.country(), this.year());
      this.notice.set(
        this.t(result.added.length === 0 ? 'admin.holidays.importedNone' : 'admin.holidays.imported', {
          count: result.added.length,
          skipped: result.skipped,
        }),
      );
      await this.load();
    } catch (error) {
      this.importProblem.set(describeStaffProblem(error, this.t));
    } finally {
      this.importing.set(false);
    }
  }

  private changedScope(): void {
    this.holidays.set(null);
    this.confirming.set(null);
    this.notice.set(null);
    this.addProblem.set(null);
    this.importProblem.set(null);
    this.deleteProblem.set(null);
    void this.load();
  }
}
