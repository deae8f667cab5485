import { httpResource } from '@angular/common/http';
import { Component, computed, DestroyRef, inject, input, output, signal } from '@angular/core';
import type { OrganizationRef, OrganizationView, Page } from '@portal/shared';

import { API_BASE_URL } from '../core/api';
import { StaffI18n } from '../core/staff-i18n/staff-texts';
import { StaffReference } from '../core/staff-reference';

const SEARCH_DELAY_MS = 300;
const RESULTS = 50;

/**
 * Chooses a member's organization among hundreds: a search box narrows a native select
 * (GET /organizations?q=). Two plain controls work everywhere, with any screen reader.
 */
@Component({
  selector: 'app-organization-picker',
  template: `
    <div class="field">
      <label for="user-organization-search">{{ t('admin.user.findOrganization') }}</label>
      <input
        id="user-organization-search"
        type="search"
        autocomplete="off"
        maxlength="100"
        aria-describedby="user-organization-matches"
        data-testid="user-organization-search"
        (input)="typeSearch($event)"
      />
      <p id="user-organization-matches" class="hint" aria-live="polite">{{ matchesText() }}</p>
    </div>
    <div class="field">
      <label for="user-organization">{{ t('admin.user.organization') }}</label>
      <select
        id="user-organization"
        data-testid="user-organization"
        [attr.aria-invalid]="invalid() ? 'true' : null"
        [attr.aria-describedby]="describedBy()"
        (change)="choose($event)"
      >
        <option value="" disabled [selected]="!selected()">{{ t('admin.choose') }}</option>
        @if (selected(); as current) {
          @if (!listed()) {
            <option [value]="current.id" selected>
              {{ current.name }} · {{ reference.countryName(current.country) }}
            </option>
          }
        }
        @for (organization of results(); track organization.id) {
          <option [value]="organization.id" [selected]="selected()?.id === organization.id">
            {{ organization.name }} · {{ reference.countryName(organization.country)
            }}{{ organization.active ? '' : ' (' + t('admin.inactive') + ')' }}
          </option>
        }
      </select>
    </div>
  `,
  styles: `
    :host {
      display: grid;
      gap: 1rem;
    }
    input,
    select {
      width: 100%;
      min-height: 2.875rem;
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--color-border-strong);
      border-radius: var(--radius);
      background: var(--color-surface);
      font: inherit;
      color: inherit;
    }
    select[aria-invalid='true'] {
      border-color: var(--color-error);
      box-shadow: inset 0 0 0 1px var(--color-error);
    }
    .hint {
      margin: 0;
      color: var(--color-text-muted);
      font-size: 0.875rem;
    }
  `,
})
export class OrganizationPicker {
  readonly selected = input<OrganizationRef | null>(null);
  readonly invalid = input(false);
  readonly describedBy = input<string | null>(null);
  readonly selectedChange = output<OrganizationRef>();

  protected readonly t = inject(StaffI18n).t;
  protected readonly reference = inject(StaffReference);
  private readonly query = signal('');
  private timer: ReturnType<typeof setTimeout> | undefined;

  private readonly found = httpResource<Page<OrganizationView>>(() => {
    const q = this.query();
    const params: Record<string, string> = { pageSize: String(RESULTS) };
    if (q) params['q'] = q;
    return { url: `${API_BASE_URL}/organizations`, params };
  });

  protected readonly results = computed(() => (this.found.hasValue() ? this.found.value().items : []));
  protected readonly listed = computed(() =>
    this.results().some((organization) => organization.id === this.selected()?.id),
  );
  protected readonly matchesText = computed(() => {
    if (this.found.isLoading()) return this.t('admin.loading');
    if (this.found.error()) return this.t('inbox.error.network');
    const total = this.found.hasValue() ? this.found.value().total : 0;
    if (total === 0) return this.t('admin.user.noOrganization');
    return total > RESULTS
      ? this.t('admin.user.organizationsMore', { count: RESULTS, total })
      : this.t('admin.user.organizationsFound', { count: total });
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.timer));
  }

  protected typeSearch(event: Event): void {
    const value = (event.target as HTMLInputElement).value.trim().slice(0, 100);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.query.set(value), SEARCH_DELAY_MS);
  }

  protected choose(event: Event): void {
    const id = (event.target as HTMLSelectElement).value;
    const organization = this.results().find((candidate) => candidate.id === id);
    if (organization)
      this.selectedChange.emit({ id: organization.id, name: organization.name, country: organization.country });
  }
}
