import { Component, computed, inject, input, type OnInit, output, signal } from '@angular/core';
import type { Language, RenderedCannedAnswer, RequestCannedAnswers } from '@portal/shared';

import { I18n } from '../i18n/i18n';
import { RequestsI18n } from '../requests/i18n/requests-texts';
import { RequestsApi } from '../requests/requests-api';

/**
 * The canned answers of a request's area, filled for its member (issue 19): those in the
 * member's language first, the others apart and marked, to be translated. Choosing one and
 * pressing Insert hands its text to the reply box; nothing is ever sent from here.
 */
@Component({
  selector: 'app-canned-answer-picker',
  templateUrl: './canned-answer-picker.html',
  styleUrl: './canned-answer-picker.css',
})
export class CannedAnswerPicker implements OnInit {
  readonly requestId = input.required<string>();
  readonly disabled = input(false);
  /** The chosen answer's text, to put into the reply. */
  readonly insert = output<string>();

  private readonly api = inject(RequestsApi);
  private readonly uiLanguage = inject(I18n).language;
  protected readonly t = inject(RequestsI18n).t;

  protected readonly answers = signal<RequestCannedAnswers | null>(null);
  protected readonly failed = signal(false);
  protected readonly chosenId = signal('');
  protected readonly inserted = signal(false);

  protected readonly own = computed(() => this.answers()?.items.filter((item) => !item.fallback) ?? []);
  protected readonly others = computed(() => this.answers()?.items.filter((item) => item.fallback) ?? []);
  protected readonly chosen = computed<RenderedCannedAnswer | null>(
    () => this.answers()?.items.find((item) => item.id === this.chosenId()) ?? null,
  );

  ngOnInit(): void {
    void this.load();
  }

  /** A language named in the interface's language ("portugués" on a Spanish screen). */
  protected languageName(language: Language): string {
    return new Intl.DisplayNames([this.uiLanguage()], { type: 'language' }).of(language) ?? language;
  }

  protected choose(event: Event): void {
    this.chosenId.set((event.target as HTMLSelectElement).value);
    this.inserted.set(false);
  }

  protected insertChosen(): void {
    const chosen = this.chosen();
    if (!chosen || this.disabled()) return;
    this.insert.emit(chosen.body);
    this.inserted.set(true);
  }

  private async load(): Promise<void> {
    try {
      this.answers.set(await this.api.cannedAnswers(this.requestId()));
    } catch {
      this.failed.set(true);
    }
  }
}
