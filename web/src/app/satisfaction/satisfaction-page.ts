import { afterNextRender, Component, ElementRef, inject, Injector, input, signal, viewChild } from '@angular/core';
import { Router } from '@angular/router';
import {
  isLanguage,
  LOW_SATISFACTION_SCORE,
  SATISFACTION_REASONS,
  type SatisfactionLinkView,
  type SatisfactionReason,
} from '@portal/shared';

import { Session } from '../auth/session';
import { problemOf } from '../core/api';
import { I18n } from '../i18n/i18n';
import { AccountFrame } from '../ui/account-frame';
import { SubmitButton } from '../ui/submit-button';
import { SatisfactionApi } from './satisfaction-api';
import { type SatisfactionFailure, satisfactionFailure } from './satisfaction-failure';
import { SatisfactionI18n } from './satisfaction-texts';

const SCORES = [1, 2, 3, 4, 5] as const;
const COMMENT_MAX = 2000;

/**
 * /rate?token=…&score=N&lang=…, opened from one of the five score links of the resolution
 * email (or its reminder), without signing in: records the score, then offers a comment and,
 * for a low score, the reasons.
 *
 * Mail scanners open links before the person does. The link's GET only serves this page,
 * which records the score with a POST from its script: scanners that fetch links without
 * running scripts record nothing, and one that runs them (and so may "tap" every link)
 * never takes the member's choice away — the member's own tap changes the score, as every
 * later tap does until the request closes. Once recorded, the score leaves the address, so
 * reloading the page (or going back to it) shows what is recorded instead of recording the
 * link's score again over a change made here.
 */
@Component({
  selector: 'app-satisfaction-page',
  imports: [AccountFrame, SubmitButton],
  templateUrl: './satisfaction-page.html',
  styleUrl: './satisfaction-page.css',
})
export class SatisfactionPage {
  /** From the link's query string. */
  readonly token = input<string>();
  readonly score = input<string>();
  readonly lang = input<string>();

  private readonly api = inject(SatisfactionApi);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly i18n = inject(I18n);
  private readonly session = inject(Session);
  private readonly statusBox = viewChild<ElementRef<HTMLElement>>('statusBox');

  protected readonly t = inject(SatisfactionI18n).t;
  protected readonly scores = SCORES;
  protected readonly reasonCodes = SATISFACTION_REASONS;
  protected readonly lowScore = LOW_SATISFACTION_SCORE;
  protected readonly commentMax = COMMENT_MAX;

  protected readonly loading = signal(true);
  protected readonly recorded = signal<SatisfactionLinkView | null>(null);
  /** A failure that ends the page (the link will never work) or one of the last call. */
  protected readonly failure = signal<SatisfactionFailure | null>(null);
  protected readonly changingScore = signal(false);
  protected readonly comment = signal('');
  protected readonly reasons = signal<ReadonlySet<SatisfactionReason>>(new Set());
  protected readonly sending = signal(false);
  protected readonly saved = signal(false);

  constructor() {
    afterNextRender(() => void this.open());
  }

  protected scoreLabel(score: number): string {
    return this.t(`satisfaction.score${score as 1 | 2 | 3 | 4 | 5}`);
  }

  protected reasonLabel(reason: SatisfactionReason): string {
    return this.t(`satisfaction.reason.${reason}`);
  }

  /** Another score tapped on the page: recorded at once, like a tap in the email. */
  protected async changeScore(score: number): Promise<void> {
    const token = this.linkToken();
    if (!token || this.changingScore() || this.recorded()?.score === score) return;
    this.changingScore.set(true);
    this.saved.set(false);
    await this.call(() => this.api.score({ token, score }));
    this.changingScore.set(false);
  }

  protected toggleReason(reason: SatisfactionReason, event: Event): void {
    const next = new Set(this.reasons());
    if ((event.target as HTMLInputElement).checked) next.add(reason);
    else next.delete(reason);
    this.reasons.set(next);
    this.saved.set(false);
  }

  protected typeComment(event: Event): void {
    this.comment.set((event.target as HTMLTextAreaElement).value);
    this.saved.set(false);
  }

  protected async sendDetails(event: Event): Promise<void> {
    event.preventDefault();
    const token = this.linkToken();
    if (!token || this.sending()) return;
    const low = (this.recorded()?.score ?? 0) <= LOW_SATISFACTION_SCORE;
    this.sending.set(true);
    const ok = await this.call(() =>
      this.api.details({
        token,
        comment: this.comment().trim() || null,
        // In the list's order, whatever the order they were ticked in.
        reasons: low ? SATISFACTION_REASONS.filter((reason) => this.reasons().has(reason)) : [],
      }),
    );
    this.sending.set(false);
    // Announced where the person is (role="status"), focus stays on the button.
    this.saved.set(ok);
  }

  /** After a lost connection or a busy server: the link's score (or the view) again. */
  protected retry(): void {
    this.loading.set(true);
    void this.open();
  }

  private linkToken(): string | null {
    const token = (this.token() ?? '').trim();
    return token ? token : null;
  }

  /** The link's score recorded (or, without one, what is recorded read), then the form. */
  private async open(): Promise<void> {
    // The email's language, on a device where nobody is signed in (signed in, the account's applies).
    const language = this.lang();
    if (isLanguage(language) && !this.session.isSignedIn() && language !== this.i18n.language())
      this.i18n.chooseLanguage(language);
    const token = this.linkToken();
    if (!token) {
      this.failure.set({ key: 'satisfaction.error.noToken', final: true });
      this.loading.set(false);
      return;
    }
    const score = Number(this.score());
    const recording = Number.isInteger(score) && score >= 1 && score <= 5;
    const ok = await this.call(() => (recording ? this.api.score({ token, score }) : this.api.view(token)));
    this.loading.set(false);
    const view = this.recorded();
    if (ok && view) {
      this.comment.set(view.comment ?? '');
      this.reasons.set(new Set(view.reasons));
      if (recording)
        void this.router.navigate([], { queryParams: { score: null }, queryParamsHandling: 'merge', replaceUrl: true });
    }
    this.focusStatus();
  }

  /** Runs an API call; its answer becomes what the page shows, its failure what it says. */
  private async call(send: () => Promise<SatisfactionLinkView>): Promise<boolean> {
    this.failure.set(null);
    try {
      const view = await send();
      this.recorded.set(view);
      if (view.score !== null && view.score > LOW_SATISFACTION_SCORE) this.reasons.set(new Set());
      return true;
    } catch (error) {
      const problem = problemOf(error);
      this.failure.set(satisfactionFailure(problem?.status ?? statusOf(error), problem));
      this.focusStatus();
      return false;
    }
  }

  private focusStatus(): void {
    afterNextRender(() => this.statusBox()?.nativeElement.focus(), { injector: this.injector });
  }
}

function statusOf(error: unknown): number {
  return typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number'
    ? error.status
    : 0;
}
