import { Component, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { Role, SavedView } from '@portal/shared';

import { formatCount } from '../core/staff-intl';
import { I18n } from '../i18n/i18n';
import { InboxApi } from '../inbox/inbox-api';
import { parseInboxQuery, toApiParams } from '../inbox/inbox-query';

interface CountedView {
  readonly view: SavedView;
  /** Null while counting, or when the count failed. */
  readonly total: number | null;
  readonly exact: boolean;
  readonly failed: boolean;
}

/**
 * The staff home's list of the person's saved inbox views, each with how many requests it
 * holds: one list call per view for one row, read for its bounded total (exact up to the
 * API's counting limit, "more than" beyond). Loaded apart from the home page (a @defer).
 */
@Component({
  selector: 'app-saved-view-counts',
  imports: [RouterLink],
  template: `
    @if (views().length > 0) {
      <section class="views" aria-labelledby="home-views-heading" data-testid="home-views">
        <h2 id="home-views-heading">{{ t('home.views.heading') }}</h2>
        <ul>
          @for (item of views(); track item.view.id) {
            <li>
              <a routerLink="/inbox" [queryParams]="item.view.params" data-testid="home-view">
                <span class="name">{{ item.view.name }}</span>
                <span class="count" data-testid="home-view-count">{{ countText(item) }}</span>
              </a>
            </li>
          }
        </ul>
      </section>
    }
  `,
  styles: `
    .views {
      margin-bottom: 2rem;
    }
    h2 {
      margin: 0 0 0.75rem;
      font-size: 1.125rem;
    }
    ul {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
      gap: 0.5rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    a {
      display: grid;
      gap: 0.125rem;
      min-height: 3rem;
      padding: 0.625rem 0.875rem;
      border: 1px solid var(--color-border);
      border-radius: var(--radius-large);
      background: var(--color-surface);
      color: var(--color-text);
      text-decoration: none;
      box-shadow: var(--shadow);
    }
    a:hover .name {
      text-decoration: underline;
    }
    .name {
      color: var(--color-accent);
      font-weight: 700;
      overflow-wrap: anywhere;
    }
    .count {
      color: var(--color-text-muted);
      font-variant-numeric: tabular-nums;
    }
  `,
})
export class SavedViewCounts {
  readonly role = input.required<Role>();

  private readonly api = inject(InboxApi);
  private readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  protected readonly views = signal<readonly CountedView[]>([]);

  constructor() {
    void this.load();
  }

  private async load(): Promise<void> {
    let saved: SavedView[];
    try {
      saved = await this.api.views();
    } catch {
      return; // The home page works without them.
    }
    this.views.set(saved.map((view) => ({ view, total: null, exact: true, failed: false })));
    await Promise.all(
      saved.map(async (view) => {
        try {
          const { total, exact } = await this.api.count(toApiParams(parseInboxQuery(view.params, this.role())));
          this.update(view.id, { total, exact });
        } catch {
          this.update(view.id, { failed: true });
        }
      }),
    );
  }

  private update(id: string, change: Partial<CountedView>): void {
    this.views.update((views) => views.map((item) => (item.view.id === id ? { ...item, ...change } : item)));
  }

  protected countText(item: CountedView): string {
    if (item.failed) return this.t('home.views.unknown');
    if (item.total === null) return '…';
    const count = formatCount(item.total, this.i18n.language());
    return this.t(item.exact ? 'home.views.count' : 'home.views.countMore', { count });
  }
}
