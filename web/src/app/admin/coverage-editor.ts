import { Component, computed, DOCUMENT, effect, inject, input, output, signal, untracked } from '@angular/core';
import {
  type CoverageEntry,
  LIMITS,
  REGION_CODES,
  type RegionCode,
  THEMATIC_AREAS,
  type ThematicArea,
} from '@portal/shared';

import { StaffI18n, type StaffTextKey } from '../core/staff-i18n/staff-texts';
import { StaffReference } from '../core/staff-reference';
import { type CoverageRow, rowErrors, toEntries, toRows } from './coverage';

/**
 * Edits a staff member's coverage: rows of place (a country, a whole region or anywhere) and
 * area (one or any). Saved as a whole list: `save` gives the parent the entries to PATCH.
 */
@Component({
  selector: 'app-coverage-editor',
  templateUrl: './coverage-editor.html',
  styleUrl: './coverage-editor.css',
})
export class CoverageEditor {
  /** The saved coverage; the rows start from it, and again after each save. */
  readonly coverage = input.required<readonly CoverageEntry[]>();
  readonly saving = input(false);
  /** The API's messages by row, from a refused save ("coverage.2.country" → row 2). */
  readonly serverErrors = input<Readonly<Record<string, string>>>({});
  readonly save = output<CoverageEntry[]>();

  private readonly document = inject(DOCUMENT);
  protected readonly t = inject(StaffI18n).t;
  protected readonly reference = inject(StaffReference);
  protected readonly areas = THEMATIC_AREAS;
  protected readonly regions = REGION_CODES;
  protected readonly rows = signal<CoverageRow[]>([]);
  protected readonly submitAttempted = signal(false);
  protected readonly maxRows = LIMITS.coverageEntriesMax;

  private readonly savedRows = computed(() => toRows(this.coverage()));
  protected readonly changed = computed(() => JSON.stringify(this.rows()) !== JSON.stringify(this.savedRows()));
  protected readonly errors = computed(() => rowErrors(this.rows()));
  protected readonly valid = computed(() => this.errors().every((error) => error === null));

  constructor() {
    effect(() => {
      const saved = this.savedRows();
      untracked(() => {
        this.rows.set(saved);
        this.submitAttempted.set(false);
      });
    });
  }

  protected rowError(index: number): string | null {
    const local = this.submitAttempted() ? this.errors()[index] : null;
    if (local) return this.t(local);
    const server = Object.entries(this.serverErrors()).find(
      ([field]) => field === `coverage.${index}` || field.startsWith(`coverage.${index}.`),
    );
    return server ? server[1] : null;
  }

  protected addRow(): void {
    this.rows.update((rows) => [...rows, { place: '', area: '' }]);
    // The new row's place select takes focus, ready to choose.
    setTimeout(() => this.document.getElementById(`coverage-place-${this.rows().length - 1}`)?.focus());
  }

  protected removeRow(index: number): void {
    this.rows.update((rows) => rows.filter((_, position) => position !== index));
    setTimeout(() => {
      const remaining = this.rows().length;
      const next = remaining > 0 ? `coverage-remove-${Math.min(index, remaining - 1)}` : 'coverage-add';
      this.document.getElementById(next)?.focus();
    });
  }

  protected setPlace(index: number, event: Event): void {
    const place = (event.target as HTMLSelectElement).value;
    this.rows.update((rows) => rows.map((row, position) => (position === index ? { ...row, place } : row)));
  }

  protected setArea(index: number, event: Event): void {
    const area = (event.target as HTMLSelectElement).value as ThematicArea | '';
    this.rows.update((rows) => rows.map((row, position) => (position === index ? { ...row, area } : row)));
  }

  protected submit(event: Event): void {
    event.preventDefault();
    this.submitAttempted.set(true);
    if (!this.valid()) {
      setTimeout(() => this.document.querySelector<HTMLElement>('.coverage-row [aria-invalid="true"]')?.focus());
      return;
    }
    this.save.emit(toEntries(this.rows()));
  }

  protected areaKey(area: ThematicArea): StaffTextKey {
    return `inbox.area.${area}`;
  }

  protected regionKey(region: RegionCode): StaffTextKey {
    return `region.${region}`;
  }
}
