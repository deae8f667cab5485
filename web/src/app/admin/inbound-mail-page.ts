import { Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { INBOUND_MAIL_OUTCOMES, type InboundMailOutcome, type InboundMailView, type Page } from '@portal/shared';

import { StaffI18n, type StaffTextKey } from '../core/staff-i18n/staff-texts';
import { describeStaffProblem, type StaffProblem } from '../core/staff-problem';
import { InboundMailApi } from './inbound-mail-api';

/**
 * /admin/email: the mails the portal read from its mailbox (answer by email) — the refused
 * first, each with why (an unknown sender, an auto-reply, a forged reply address…), then the
 * replies and requests they became, with the files that did not pass the upload checks.
 */
@Component({
  selector: 'app-inbound-mail-page',
  imports: [RouterLink],
  templateUrl: './inbound-mail-page.html',
  styleUrls: ['./sla-admin.css', './card-list.css', './inbound-mail-page.css'],
})
export class InboundMailPage {
  private readonly api = inject(InboundMailApi);
  protected readonly t = inject(StaffI18n).t;
  private readonly language = inject(StaffI18n).language;
  private readonly timeFormat = computed(
    () => new Intl.DateTimeFormat(this.language(), { dateStyle: 'medium', timeStyle: 'short' }),
  );
  protected readonly outcomes = INBOUND_MAIL_OUTCOMES;

  protected readonly outcome = signal<InboundMailOutcome | null>(null);
  protected readonly page = signal(1);
  protected readonly mails = signal<Page<InboundMailView> | null>(null);
  protected readonly problem = signal<StaffProblem | null>(null);
  protected readonly pages = computed(() => {
    const list = this.mails();
    return list ? Math.max(1, Math.ceil(list.total / list.pageSize)) : 1;
  });

  constructor() {
    void this.load();
  }

  protected time(iso: string): string {
    return this.timeFormat().format(new Date(iso));
  }

  protected outcomeKey(outcome: InboundMailOutcome): StaffTextKey {
    return `admin.mail.outcome.${outcome}` as StaffTextKey;
  }

  protected refusalKey(refusal: string): StaffTextKey {
    return `admin.mail.refusal.${refusal}` as StaffTextKey;
  }

  protected chooseOutcome(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.outcome.set(
      (INBOUND_MAIL_OUTCOMES as readonly string[]).includes(value) ? (value as InboundMailOutcome) : null,
    );
    this.page.set(1);
    void this.load();
  }

  protected goTo(page: number): void {
    this.page.set(page);
    void this.load();
  }

  protected async load(): Promise<void> {
    const [outcome, page] = [this.outcome(), this.page()];
    this.problem.set(null);
    try {
      const mails = await this.api.list(outcome, page);
      // An answer for a filter or page no longer chosen is dropped.
      if (outcome === this.outcome() && page === this.page()) this.mails.set(mails);
    } catch (error) {
      this.problem.set(describeStaffProblem(error, this.t));
    }
  }
}
