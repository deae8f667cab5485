import { Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import {
  type ArticleEditorView,
  type ArticleStatus,
  type ArticleSummary,
  KB_LIMITS,
  type Language,
  LANGUAGES,
  mayWriteArticles,
  SLUG_PATTERN,
  THEMATIC_AREAS,
  type ThematicArea,
} from '@portal/shared';

import { Session } from '../auth/session';
import { StaffI18n } from '../core/staff-i18n/staff-texts';
import { StaffReference } from '../core/staff-reference';
import { describeStaffProblem } from '../core/staff-problem';
import { LANGUAGE_NAMES } from '../i18n/language-names';
import { KbApi } from './kb-api';
import { KbI18n } from './kb-texts';

/** The form's fields, as the page keeps them while the person types. */
interface Draft {
  slug: string;
  area: ThematicArea | '';
  /** '' : the article is about no country in particular; likewise the product. */
  country: string;
  product: string;
  membersOnly: boolean;
  language: Language;
  title: string;
  body: string;
}

const EMPTY: Draft = {
  slug: '',
  area: '',
  country: '',
  product: '',
  membersOnly: false,
  language: 'es',
  title: '',
  body: '',
};

/**
 * /kb-editor: the knowledge base's articles for staff. Admins and the area's specialists write
 * them, one version per language, and publish or archive them (publishing again marks them
 * reviewed today); other staff read every version and suggest edits.
 */
@Component({
  selector: 'app-kb-editor-page',
  imports: [RouterLink],
  templateUrl: './kb-editor-page.html',
  styleUrl: './kb-editor-page.css',
})
export class KbEditorPage {
  /** An article to open at once (?article=…: a draft just made from a case). */
  readonly article = input<string | undefined>();

  private readonly api = inject(KbApi);
  private readonly session = inject(Session);
  private readonly staffT = inject(StaffI18n).t;
  protected readonly t = inject(KbI18n).t;
  protected readonly reference = inject(StaffReference);
  protected readonly languages = LANGUAGES;
  protected readonly languageNames = LANGUAGE_NAMES;
  protected readonly limits = KB_LIMITS;

  private readonly ownAreas = computed(() =>
    (this.session.user()?.coverage ?? []).flatMap((entry) => (entry.area ? [entry.area] : [])),
  );
  protected readonly writableAreas = computed(() => {
    const role = this.session.user()?.role;
    return role ? THEMATIC_AREAS.filter((area) => mayWriteArticles(role, this.ownAreas(), area)) : [];
  });

  protected readonly articles = signal<ArticleSummary[] | null>(null);
  /** The article open in the form; null with `creating`: a new one. */
  protected readonly open = signal<ArticleEditorView | null>(null);
  protected readonly creating = signal(false);
  protected readonly draft = signal<Draft>(EMPTY);
  protected readonly suggestion = signal('');
  protected readonly busy = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly notice = signal<string | null>(null);

  protected readonly mayEdit = computed(() => (this.creating() ? true : (this.open()?.mayEdit ?? false)));
  protected readonly slugValid = computed(() => SLUG_PATTERN.test(this.draft().slug));

  constructor() {
    void this.load();
    queueMicrotask(() => {
      const id = this.article();
      if (id) void this.openArticle(id);
    });
  }

  protected areaName(area: string): string {
    return this.t(`requests.area.${area}` as `requests.area.climate-resilience`);
  }

  protected statusName(status: ArticleStatus): string {
    return this.t(`kb.status.${status}`);
  }

  protected async load(): Promise<void> {
    try {
      this.articles.set(await this.api.list());
    } catch (error) {
      this.problem.set(describeStaffProblem(error, this.staffT).message);
    }
  }

  protected startNew(): void {
    this.open.set(null);
    this.creating.set(true);
    this.draft.set({ ...EMPTY, area: this.writableAreas()[0] ?? '' });
    this.problem.set(null);
    this.focusForm();
  }

  /** The form is below the list: a phone's reader is taken to it. */
  private focusForm(): void {
    setTimeout(() => document.getElementById('kb-form-title')?.focus());
  }

  protected async openArticle(id: string): Promise<void> {
    this.problem.set(null);
    this.creating.set(false);
    try {
      this.show(await this.api.get(id), this.draft().language);
      this.focusForm();
    } catch (error) {
      this.problem.set(describeStaffProblem(error, this.staffT).message);
    }
  }

  protected setField(field: 'slug' | 'title' | 'body' | 'area' | 'country' | 'product', event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.draft.update((draft) => ({ ...draft, [field]: value }));
  }

  protected setMembersOnly(event: Event): void {
    const membersOnly = (event.target as HTMLInputElement).checked;
    this.draft.update((draft) => ({ ...draft, membersOnly }));
  }

  /** Another language of the open article: its version in the form (empty when it has none yet). */
  protected chooseLanguage(event: Event): void {
    const language = (event.target as HTMLSelectElement).value as Language;
    const article = this.open();
    if (article) this.show(article, language);
    else this.draft.update((draft) => ({ ...draft, language }));
  }

  protected setSuggestion(event: Event): void {
    this.suggestion.set((event.target as HTMLTextAreaElement).value);
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    const draft = this.draft();
    if (!draft.area) return;
    const meta = {
      slug: draft.slug.trim(),
      area: draft.area,
      country: draft.country || null,
      product: draft.product.trim() || null,
      membersOnly: draft.membersOnly,
    };
    await this.run(async () => {
      const article = this.open();
      if (!article) {
        return this.api.create({ ...meta, language: draft.language, title: draft.title, body: draft.body });
      }
      const changed =
        meta.slug !== article.slug ||
        meta.area !== article.area ||
        meta.country !== article.country ||
        meta.product !== article.product ||
        meta.membersOnly !== article.membersOnly;
      const updated = changed ? await this.api.update(article.id, { ...meta, version: article.version }) : article;
      return this.api.saveVersion(updated.id, draft.language, { title: draft.title, body: draft.body });
    }, 'kb.editor.saved');
  }

  protected async changeStatus(to: ArticleStatus): Promise<void> {
    const article = this.open();
    if (article) await this.run(() => this.api.changeStatus(article.id, to), 'kb.editor.statusChanged');
  }

  protected async suggestEdit(): Promise<void> {
    const article = this.open();
    const body = this.suggestion().trim();
    if (!article || !body) return;
    await this.run(async () => {
      await this.api.suggestEdit(article.id, this.draft().language, body);
      this.suggestion.set('');
      return article;
    }, 'kb.editor.suggested');
  }

  private async run(
    action: () => Promise<ArticleEditorView>,
    done: 'kb.editor.saved' | 'kb.editor.statusChanged' | 'kb.editor.suggested',
  ): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.problem.set(null);
    this.notice.set(null);
    try {
      const article = await action();
      this.creating.set(false);
      this.show(article, this.draft().language);
      this.notice.set(this.t(done));
      await this.load();
    } catch (error) {
      this.problem.set(describeStaffProblem(error, this.staffT).message);
    } finally {
      this.busy.set(false);
    }
  }

  private show(article: ArticleEditorView, language: Language): void {
    const version = article.versions.find((v) => v.language === language);
    this.open.set(article);
    this.draft.set({
      slug: article.slug,
      area: article.area,
      country: article.country ?? '',
      product: article.product ?? '',
      membersOnly: article.membersOnly,
      language,
      title: version?.title ?? '',
      body: version?.body ?? '',
    });
  }
}
