import { HttpClient } from '@angular/common/http';
import { Component, computed, inject, input, type OnInit, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { CountryView, RequestView } from '@portal/shared';
import { firstValueFrom } from 'rxjs';

import { API_BASE_URL } from '../core/api';
import { LocalDates } from '../core/local-dates';
import { I18n } from '../i18n/i18n';
import { RequestsI18n } from './i18n/requests-texts';
import type { FailedFilesState, SentState } from './new-request-page';
import { RequestsApi } from './requests-api';

/**
 * The member's confirmation after filing: the reference to quote (large, with a copy button),
 * who has the request and by when a first answer is due, in the organization's time zone.
 * Loaded on demand, after the form, so the first download does not grow.
 */
@Component({
  selector: 'app-request-confirmation-page',
  imports: [RouterLink],
  templateUrl: './request-confirmation-page.html',
  styleUrl: './request-confirmation-page.css',
})
export class RequestConfirmationPage implements OnInit {
  /** From the route: /requests/:id/sent. */
  readonly id = input.required<string>();

  private readonly api = inject(RequestsApi);
  private readonly http = inject(HttpClient);
  private readonly i18n = inject(I18n);
  protected readonly dates = inject(LocalDates);
  protected readonly t = inject(RequestsI18n).t;

  private readonly sent = (inject(Router).currentNavigation()?.extras.state ?? null) as Partial<SentState> | null;
  protected readonly failedFiles: FailedFilesState['failedFiles'] = Array.isArray(this.sent?.failedFiles)
    ? this.sent.failedFiles
    : [];
  protected readonly request = signal<RequestView | null>(null);
  protected readonly loadFailed = signal(false);
  private readonly timeZone = signal<string | null>(null);
  protected readonly copied = signal(false);

  protected readonly reference = computed(() => this.request()?.reference ?? this.sent?.reference ?? '');
  protected readonly countryName = computed(() => this.dates.country(this.request()?.country));
  /** "martes, 8 de diciembre, 17:00" in the organization's time zone (the browser's until it is known). */
  protected readonly dueInWords = computed(() => {
    const due = this.request()?.sla.firstResponseDueAt;
    if (!due) return null;
    return new Intl.DateTimeFormat(this.i18n.language(), {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: this.timeZone() ?? undefined,
    }).format(new Date(due));
  });
  protected readonly zoneKnown = computed(() => this.timeZone() !== null);

  ngOnInit(): void {
    void this.load();
  }

  protected async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.reference());
      this.copied.set(true);
      setTimeout(() => this.copied.set(false), 4000);
    } catch {
      // No clipboard (an old browser, or refused): select the reference so it can be copied by hand.
      const node = document.querySelector('[data-testid="confirmation-reference"]');
      if (node) window.getSelection()?.selectAllChildren(node);
    }
  }

  private async load(): Promise<void> {
    try {
      const request = await this.api.get(this.id());
      this.request.set(request);
      const countries = await firstValueFrom(this.http.get<CountryView[]>(`${API_BASE_URL}/reference/countries`));
      this.timeZone.set(countries.find((country) => country.code === request.country)?.timezone ?? null);
    } catch {
      // Offline or refused: the reference from the form stays; the request page can be opened later.
      if (!this.request()) this.loadFailed.set(true);
    }
  }
}
