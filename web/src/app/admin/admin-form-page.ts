import {
  computed,
  Directive,
  effect,
  ElementRef,
  inject,
  input,
  type Signal,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { Router } from '@angular/router';
import { LIMITS } from '@portal/shared';

import { StaffI18n } from '../core/staff-i18n/staff-texts';
import { describeStaffProblem, type StaffProblem } from '../core/staff-problem';
import { AdminApi } from './admin-api';

/**
 * What the administration forms (an organization, a person) share: the one the route names,
 * loaded into the form (none on /new); the form's own checks and the API's refusal, each
 * field's error beside it and the focus on the first; one save at a time. The page's
 * template marks its form `#form`. (The members a page sets are read once it is built.)
 */
@Directive()
export abstract class AdminFormPage<Item, Field extends string> {
  /** From the route; absent on /new. */
  readonly id = input<string>();

  protected readonly api = inject(AdminApi);
  protected readonly router = inject(Router);
  private readonly form = viewChild<ElementRef<HTMLFormElement>>('form');

  protected readonly t = inject(StaffI18n).t;
  protected readonly limits = LIMITS;

  /** The start of the form's ids: a field's error is `<idPrefix>-<field>-error`. */
  protected abstract readonly idPrefix: string;
  /** What the person must fix before saving; the API's field errors are added once it answers. */
  protected abstract readonly localErrors: Signal<Partial<Record<Field, string>>>;
  protected abstract fetch(id: string): Promise<Item>;
  /** Shows `item` as saved (`loaded`) and puts its values in the form. */
  protected abstract fill(item: Item): void;

  protected readonly loaded = signal<Item | null>(null);
  protected readonly loadProblem = signal<StaffProblem | null>(null);
  protected readonly submitAttempted = signal(false);
  protected readonly saving = signal(false);
  /** The API's refusal of the last save: a message for the form, and one per field it names. */
  protected readonly saveProblem = signal<StaffProblem | null>(null);

  protected readonly creating = computed(() => !this.id());
  protected readonly ready = computed(() => this.creating() || this.loaded() !== null);

  protected readonly errors = computed<Partial<Record<Field, string>>>(() => ({
    ...(this.submitAttempted() ? this.localErrors() : {}),
    ...(this.saveProblem()?.fields ?? {}),
  }));

  constructor() {
    effect(() => {
      const id = this.id();
      if (id) untracked(() => void this.load(id));
    });
  }

  protected describedBy(field: Field, hint?: string): string | null {
    const ids = [hint, this.errors()[field] ? `${this.idPrefix}-${field}-error` : undefined].filter(Boolean);
    return ids.length > 0 ? ids.join(' ') : null;
  }

  /**
   * Checks the form, then runs `send` (the page's API calls and what follows them); a refusal
   * is shown on the form, with the focus on what to fix. What the page said after its last
   * save is the page's to clear before calling this.
   */
  protected async submit(event: Event, send: () => Promise<void>): Promise<void> {
    event.preventDefault();
    if (this.saving()) return;
    this.submitAttempted.set(true);
    this.saveProblem.set(null);
    if (Object.keys(this.localErrors()).length > 0) return this.focusFirstError();
    this.saving.set(true);
    try {
      await send();
    } catch (error) {
      this.saveProblem.set(describeStaffProblem(error, this.t));
      this.focusFirstError();
    } finally {
      this.saving.set(false);
    }
  }

  /** Reads the record again (after a change made outside the form, e.g. an erasure). */
  protected reload(): void {
    const id = this.id();
    if (id) void this.load(id);
  }

  private async load(id: string): Promise<void> {
    try {
      this.fill(await this.fetch(id));
    } catch (error) {
      this.loadProblem.set(describeStaffProblem(error, this.t));
    }
  }

  /** Takes the person to the first field to fix, or to the form's message when no field is at fault. */
  private focusFirstError(): void {
    setTimeout(() => {
      const form = this.form()?.nativeElement;
      const target =
        form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('.form-error');
      target?.focus();
    });
  }
}
