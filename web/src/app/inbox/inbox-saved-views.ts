import { Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { SAVED_VIEW_LIMITS, SAVED_VIEW_PARAMS, type SavedView } from '@portal/shared';

import { StaffI18n } from '../core/staff-i18n/staff-texts';
import { describeStaffProblem } from '../core/staff-problem';
import { InboxApi } from './inbox-api';

/** The URL parameters of a view, as saved: only those set. */
export function viewParams(params: Readonly<Record<string, string | null>>): SavedView['params'] {
  const kept: SavedView['params'] = {};
  for (const name of SAVED_VIEW_PARAMS) {
    const value = params[name];
    if (value) kept[name] = value;
  }
  return kept;
}

function sameParams(a: SavedView['params'], b: SavedView['params']): boolean {
  return SAVED_VIEW_PARAMS.every((name) => (a[name] ?? '') === (b[name] ?? ''));
}

/**
 * A person's saved inbox views (GET/POST/DELETE /me/views): links to the inbox with their
 * filters and sort, and saving the current ones under a name.
 */
@Component({
  selector: 'app-inbox-saved-views',
  imports: [RouterLink],
  templateUrl: './inbox-saved-views.html',
  styleUrl: './inbox-saved-views.css',
})
export class InboxSavedViews {
  /** The inbox's current URL parameters (filters, sort, view). */
  readonly current = input.required<Readonly<Record<string, string | null>>>();

  private readonly api = inject(InboxApi);
  protected readonly t = inject(StaffI18n).t;
  protected readonly nameMax = SAVED_VIEW_LIMITS.nameMax;

  protected readonly views = signal<readonly SavedView[]>([]);
  protected readonly saving = signal(false);
  protected readonly name = signal('');
  protected readonly error = signal('');
  protected readonly busy = signal(false);
  protected readonly notice = signal('');
  /** The list has been read (for tests and for nothing to flash). */
  protected readonly loaded = signal(false);

  protected readonly currentParams = computed(() => viewParams(this.current()));
  protected readonly full = computed(() => this.views().length >= SAVED_VIEW_LIMITS.perPerson);

  constructor() {
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.views.set(await this.api.views());
    } catch {
      // The inbox works without them; saving says what is wrong.
    } finally {
      this.loaded.set(true);
    }
  }

  protected isCurrent(view: SavedView): boolean {
    return sameParams(view.params, this.currentParams());
  }

  protected openSave(): void {
    this.saving.set(true);
    this.error.set('');
    this.notice.set('');
  }

  protected cancelSave(): void {
    this.saving.set(false);
    this.error.set('');
  }

  protected typeName(event: Event): void {
    this.name.set((event.target as HTMLInputElement).value);
    this.error.set('');
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    const name = this.name().trim();
    if (!name) {
      this.error.set(this.t('inbox.views.nameRequired'));
      return;
    }
    if (this.busy()) return;
    this.busy.set(true);
    try {
      const view = await this.api.saveView({ name, params: this.currentParams() });
      this.views.update((views) => [...views, view].sort((a, b) => a.name.localeCompare(b.name)));
      this.saving.set(false);
      this.name.set('');
      this.notice.set(this.t('inbox.views.saved', { name: view.name }));
    } catch (error) {
      const problem = describeStaffProblem(error, this.t);
      this.error.set(
        problem.code === 'views.name-taken' || problem.code === 'views.limit-reached'
          ? this.t(problem.code === 'views.name-taken' ? 'problem.viewNameTaken' : 'problem.viewLimit')
          : problem.message,
      );
    } finally {
      this.busy.set(false);
    }
  }

  protected async remove(view: SavedView): Promise<void> {
    try {
      await this.api.deleteView(view.id);
      this.views.update((views) => views.filter((v) => v.id !== view.id));
      this.notice.set(this.t('inbox.views.deleted', { name: view.name }));
    } catch (error) {
      this.notice.set(describeStaffProblem(error, this.t).message);
    }
  }
}
