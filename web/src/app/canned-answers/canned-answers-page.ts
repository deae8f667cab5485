import { afterNextRender, Component, computed, ElementRef, inject, Injector, signal } from '@angular/core';
import {
  CANNED_ANSWER_LIMITS,
  type CannedAnswerView,
  type Language,
  LANGUAGES,
  mayWriteCannedAnswers,
  type ThematicArea,
  THEMATIC_AREAS,
} from '@portal/shared';

import { Session } from '../auth/session';
import { StaffI18n, type StaffTextKey } from '../core/staff-i18n/staff-texts';
import { describeStaffProblem, type StaffProblem } from '../core/staff-problem';
import { LANGUAGE_NAMES } from '../i18n/language-names';
import { CannedAnswersApi } from './canned-answers-api';

type Field = 'area' | 'language' | 'title' | 'body';

/**
 * /canned-answers: the canned answers by area and language. Everyone who works cases reads
 * them (the reply box offers them); admins write every area's, specialists their areas'
 * (shared/src/canned-answers.ts). The API has the last word on every input.
 */
@Component({
  selector: 'app-canned-answers-page',
  templateUrl: './canned-answers-page.html',
  styleUrl: './canned-answers-page.css',
})
export class CannedAnswersPage {
  private readonly api = inject(CannedAnswersApi);
  private readonly session = inject(Session);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly t = inject(StaffI18n).t;
  protected readonly languages = LANGUAGES;
  protected readonly languageNames = LANGUAGE_NAMES;
  protected readonly limits = CANNED_ANSWER_LIMITS;

  private readonly role = computed(() => this.session.user()?.role ?? null);
  private readonly ownAreas = computed(() =>
    (this.session.user()?.coverage ?? []).flatMap((entry) => (entry.area ? [entry.area] : [])),
  );
  /** The areas the person may write answers for (none: the page only reads). */
  protected readonly writableAreas = computed(() => {
    const role = this.role();
    return role ? THEMATIC_AREAS.filter((area) => mayWriteCannedAnswers(role, this.ownAreas(), area)) : [];
  });
  protected readonly writesAll = computed(() => this.writableAreas().length === THEMATIC_AREAS.length);
  protected readonly areas = THEMATIC_AREAS;

  protected readonly filterArea = signal<ThematicArea | ''>('');
  protected readonly filterLanguage = signal<Language | ''>('');
  protected readonly answers = signal<CannedAnswerView[] | null>(null);
  protected readonly loadProblem = signal<StaffProblem | null>(null);

  /** The answer being edited (null: the form writes a new one). */
  protected readonly editing = signal<CannedAnswerView | null>(null);
  protected readonly area = signal<ThematicArea | ''>('');
  protected readonly language = signal<Language | ''>('');
  protected readonly title = signal('');
  protected readonly body = signal('');
  protected readonly attempted = signal(false);
  protected readonly saving = signal(false);
  protected readonly saveProblem = signal<StaffProblem | null>(null);
  protected readonly confirming = signal<string | null>(null);
  protected readonly deleteProblem = signal<StaffProblem | null>(null);
  protected readonly notice = signal<string | null>(null);

  private readonly localErrors = computed<Partial<Record<Field, StaffTextKey>>>(() => {
    const errors: Partial<Record<Field, StaffTextKey>> = {};
    if (!this.area()) errors.area = 'admin.error.required';
    if (!this.language()) errors.language = 'admin.error.required';
    if (!this.title().trim()) errors.title = 'admin.error.required';
    if (!this.body().trim()) errors.body = 'admin.error.required';
    return errors;
  });

  protected readonly errors = computed<Partial<Record<Field, string>>>(() => {
    const own = this.attempted() ? this.localErrors() : {};
    const fields = this.saveProblem()?.fields ?? {};
    const message = (field: Field) => fields[field] ?? (own[field] ? this.t(own[field]) : undefined);
    return { area: message('area'), language: message('language'), title: message('title'), body: message('body') };
  });

  constructor() {
    void this.load();
  }

  protected areaKey(area: ThematicArea): StaffTextKey {
    return `inbox.area.${area}`;
  }

  protected ownAreaNames(): string {
    return this.writableAreas()
      .map((area) => this.t(this.areaKey(area)))
      .join(', ');
  }

  protected describedBy(field: Field): string | null {
    return this.errors()[field] ? `canned-${field}-error` : null;
  }

  protected chooseFilter(which: 'area' | 'language', event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    if (which === 'area') this.filterArea.set(value as ThematicArea | '');
    else this.filterLanguage.set(value as Language | '');
    this.confirming.set(null);
    void this.load();
  }

  protected setField(field: Field, event: Event): void {
    const value = (event.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value;
    if (field === 'area') this.area.set(value as ThematicArea | '');
    else if (field === 'language') this.language.set(value as Language | '');
    else if (field === 'title') this.title.set(value);
    else this.body.set(value);
    const problem = this.saveProblem();
    if (problem?.fields[field]) {
      const { [field]: _forgotten, ...fields } = problem.fields;
      this.saveProblem.set({ ...problem, fields });
    }
  }

  protected async load(): Promise<void> {
    const filter = { area: this.filterArea(), language: this.filterLanguage() };
    this.loadProblem.set(null);
    try {
      const answers = await this.api.list(filter);
      if (filter.area === this.filterArea() && filter.language === this.filterLanguage()) this.answers.set(answers);
    } catch (error) {
      this.loadProblem.set(describeStaffProblem(error, this.t));
    }
  }

  protected edit(answer: CannedAnswerView): void {
    this.editing.set(answer);
    this.area.set(answer.area);
    this.language.set(answer.language);
    this.title.set(answer.title);
    this.body.set(answer.body);
    this.attempted.set(false);
    this.saveProblem.set(null);
    this.notice.set(null);
    this.focusAfterRender('#canned-title');
  }

  protected cancelEdit(): void {
    const editing = this.editing();
    this.clearForm();
    if (editing) this.focusAfterRender(`[data-id="${editing.id}"] [data-testid="canned-edit"]`);
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    if (this.saving()) return;
    this.attempted.set(true);
    this.notice.set(null);
    if (Object.keys(this.localErrors()).length > 0) {
      this.focusAfterRender('[aria-invalid="true"]');
      return;
    }
    const body = {
      area: this.area() as ThematicArea,
      language: this.language() as Language,
      title: this.title().trim(),
      body: this.body().trim(),
    };
    const editing = this.editing();
    this.saving.set(true);
    this.saveProblem.set(null);
    try {
      const saved = editing ? await this.api.update(editing.id, body) : await this.api.create(body);
      this.notice.set(this.t(editing ? 'canned.saved' : 'canned.created', { title: saved.title }));
      this.clearForm();
      await this.load();
    } catch (error) {
      this.saveProblem.set(describeStaffProblem(error, this.t));
    } finally {
      this.saving.set(false);
    }
  }

  protected askDelete(answer: CannedAnswerView): void {
    this.confirming.set(answer.id);
    this.focusAfterRender(`[data-id="${answer.id}"] [data-testid="canned-confirm"]`);
  }

  protected cancelDelete(answer: CannedAnswerView): void {
    this.confirming.set(null);
    this.focusAfterRender(`[data-id="${answer.id}"] [data-testid="canned-delete"]`);
  }

  protected async remove(answer: CannedAnswerView): Promise<void> {
    this.deleteProblem.set(null);
    this.notice.set(null);
    try {
      await this.api.delete(answer.id);
      this.confirming.set(null);
      if (this.editing()?.id === answer.id) this.clearForm();
      this.notice.set(this.t('canned.deleted', { title: answer.title }));
      await this.load();
    } catch (error) {
      this.deleteProblem.set(describeStaffProblem(error, this.t));
    }
  }

  private clearForm(): void {
    this.editing.set(null);
    this.area.set('');
    this.language.set('');
    this.title.set('');
    this.body.set('');
    this.attempted.set(false);
    this.saveProblem.set(null);
  }

  private focusAfterRender(selector: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), {
      injector: this.injector,
    });
  }
}
