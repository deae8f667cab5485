import { Component, inject, signal } from '@angular/core';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, type AuditEntryView } from '@portal/shared';

import { LocalDates } from '../core/local-dates';
import { StaffI18n, type StaffTextKey } from '../core/staff-i18n/staff-texts';
import { describeStaffProblem, type StaffProblem } from '../core/staff-problem';
import { AuditApi, type AuditFilters } from './audit-api';

/**
 * /admin/audit: the audit trail, newest first — who did what, when, from where, and what
 * changed — filtered by actor, action, kind of record and dates, a page more at a time
 * (keyset: "Show more" continues after the last entry shown), and exported as CSV.
 */
@Component({
  selector: 'app-audit-page',
  templateUrl: './audit-page.html',
  styleUrls: ['./admin-list.css', './card-list.css', './audit-page.css'],
})
export class AuditPage {
  private readonly api = inject(AuditApi);
  private readonly dates = inject(LocalDates);
  protected readonly t = inject(StaffI18n).t;
  protected readonly actions = AUDIT_ACTIONS;
  protected readonly entityTypes = AUDIT_ENTITY_TYPES;

  protected readonly entries = signal<AuditEntryView[] | null>(null);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly exporting = signal(false);
  protected readonly problem = signal<StaffProblem | null>(null);
  /** The filters of the list on screen (the form may hold others until applied). */
  private applied: AuditFilters = {};

  constructor() {
    void this.load(false);
  }

  protected applyFilters(event: Event): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' && value.trim() ? value.trim() : undefined;
    };
    this.applied = {
      actor: text('actor'),
      action: text('action'),
      entityType: text('entityType'),
      from: text('from'),
      to: text('to'),
    };
    void this.load(false);
  }

  protected showMore(): void {
    void this.load(true);
  }

  protected async exportCsv(): Promise<void> {
    this.exporting.set(true);
    this.problem.set(null);
    try {
      await this.api.exportCsv(this.applied);
    } catch (error) {
      this.problem.set(describeStaffProblem(error, this.t));
    } finally {
      this.exporting.set(false);
    }
  }

  protected when(entry: AuditEntryView): string {
    return this.dates.dateTime(entry.at);
  }

  /** The action in the admin's language; an action this portal does not know (older entries) stays its code. */
  protected actionName(action: string): string {
    const known: readonly string[] = AUDIT_ACTIONS;
    return known.includes(action) ? this.t(`admin.audit.actionName.${action}` as StaffTextKey) : action;
  }

  /** The kind of record in the admin's language, or its code when unknown. */
  protected entityName(type: string): string {
    const known: readonly string[] = AUDIT_ENTITY_TYPES;
    return known.includes(type) ? this.t(`admin.audit.entityName.${type}` as StaffTextKey) : type;
  }

  protected changesOf(entry: AuditEntryView): string | null {
    return Object.keys(entry.changes).length ? JSON.stringify(entry.changes, null, 2) : null;
  }

  private async load(more: boolean): Promise<void> {
    this.loading.set(true);
    this.problem.set(null);
    try {
      const page = await this.api.page(this.applied, more ? this.nextCursor() : null);
      this.entries.set(more ? [...(this.entries() ?? []), ...page.items] : page.items);
      this.nextCursor.set(page.nextCursor);
    } catch (error) {
      this.problem.set(describeStaffProblem(error, this.t));
    } finally {
      this.loading.set(false);
    }
  }
}
