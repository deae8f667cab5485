import { HttpClient, HttpParams } from '@angular/common/http';
import { Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { CursorPage, RequestView } from '@portal/shared';
import { firstValueFrom } from 'rxjs';

import { API_BASE_URL } from '../core/api';
import { LocalDates } from '../core/local-dates';
import { I18n } from '../i18n/i18n';

/** What waits on the member: an answer they owe, or a resolution to confirm. The list's "needs me" view. */
const NEEDS_ME = 'waiting_on_member,resolved';
const SHOWN = 3;

/**
 * The member's home answers "what needs me" first (issue 18): the few requests waiting on
 * them, newest activity first, with a link to all of them. Fetched here (one small list)
 * rather than through the requests section, which the home page does not load.
 */
@Component({
  selector: 'app-member-needs',
  imports: [RouterLink],
  template: `
    <section class="needs" aria-labelledby="needs-heading" data-testid="home-needs">
      <h2 id="needs-heading">{{ t('home.needs.heading') }}</h2>
      @if (page(); as page) {
        @if (page.items.length === 0) {
          <p class="calm" data-testid="home-needs-none">{{ t('home.needs.none') }}</p>
        } @else {
          <ul>
            @for (request of page.items; track request.id) {
              <li>
                <a [routerLink]="['/requests', request.id]" data-testid="home-needs-row">
                  <span class="reference">{{ request.reference }}</span>
                  <span class="subject">{{ request.subject }}</span>
                  <span class="why">{{
                    t(request.status === 'resolved' ? 'home.needs.confirm' : 'home.needs.answer', {
                      date: dates.dateTime(request.updatedAt),
                    })
                  }}</span>
                </a>
              </li>
            }
          </ul>
          @if (page.total > page.items.length) {
            <a class="all" routerLink="/requests" [queryParams]="{ show: 'needs-me' }">{{
              t('home.needs.all', { total: page.total + (page.totalIsExact ? '' : '+') })
            }}</a>
          }
        }
      } @else if (failed()) {
        <p class="calm">{{ t('home.needs.failed') }}</p>
      }
    </section>
  `,
  styles: `
    .needs {
      margin-bottom: 1.5rem;
    }
    h2 {
      font-size: 1.125rem;
    }
    ul {
      display: grid;
      gap: 0.5rem;
      margin: 0 0 0.5rem;
      padding: 0;
      list-style: none;
    }
    li a {
      display: grid;
      gap: 0.125rem;
      padding: 0.75rem 0.875rem;
      border: 1px solid var(--color-border);
      border-left: 4px solid var(--color-accent-strong);
      border-radius: var(--radius-large);
      background: var(--color-surface);
      color: var(--color-text);
      text-decoration: none;
    }
    .reference {
      color: var(--color-text-muted);
      font-size: 0.875rem;
    }
    .subject {
      font-weight: 700;
    }
    .why {
      font-size: 0.9375rem;
    }
    .calm {
      color: var(--color-text-muted);
    }
  `,
})
export class MemberNeeds {
  private readonly http = inject(HttpClient);
  protected readonly dates = inject(LocalDates);
  protected readonly t = inject(I18n).t;
  protected readonly page = signal<CursorPage<RequestView> | null>(null);
  protected readonly failed = signal(false);

  constructor() {
    void this.load();
  }

  private async load(): Promise<void> {
    const params = new HttpParams({ fromObject: { status: NEEDS_ME, pageSize: SHOWN, sort: '-updatedAt' } });
    try {
      this.page.set(
        await firstValueFrom(this.http.get<CursorPage<RequestView>>(`${API_BASE_URL}/requests`, { params })),
      );
    } catch {
      // The list page shows the problem in full; here only a quiet line.
      this.failed.set(true);
    }
  }
}
