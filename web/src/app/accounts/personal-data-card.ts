import { HttpClient } from '@angular/common/http';
import { Component, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import { API_BASE_URL } from '../core/api';
import { saveBlob } from '../core/save-blob';
import { SubmitButton } from '../ui/submit-button';
import { AccountsI18n } from './i18n/accounts-texts';

/**
 * "My data" on the profile page: everything the portal holds about the person (profile,
 * requests, messages, files, ratings, notifications, sign-ins) as one ZIP (GET /me/data-export).
 * Fetched with the access token, which a plain link cannot carry.
 */
@Component({
  selector: 'app-personal-data-card',
  imports: [SubmitButton],
  template: `
    <section class="card" aria-labelledby="personal-data-heading" data-testid="personal-data">
      <h2 id="personal-data-heading">{{ t('profile.data.heading') }}</h2>
      <p class="hint">{{ t('profile.data.intro') }}</p>
      <form novalidate (submit)="download($event)">
        @if (failed()) {
          <div class="form-error" role="alert" data-testid="personal-data-error">
            <p>{{ t('profile.data.failed') }}</p>
          </div>
        }
        <p class="status" role="status" data-testid="personal-data-status">
          @if (done()) {
            {{ t('profile.data.done') }}
          }
        </p>
        <button
          type="submit"
          class="button-secondary submit"
          data-testid="personal-data-download"
          appSubmitButton
          [busy]="busy()"
          [label]="t('profile.data.download')"
          [busyLabel]="t('profile.data.preparing')"
        ></button>
      </form>
    </section>
  `,
  styleUrls: ['./account-page.css', './profile-page.css'],
})
export class PersonalDataCard {
  private readonly http = inject(HttpClient);
  protected readonly t = inject(AccountsI18n).t;
  protected readonly busy = signal(false);
  protected readonly done = signal(false);
  protected readonly failed = signal(false);

  protected async download(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy()) return;
    this.busy.set(true);
    this.done.set(false);
    this.failed.set(false);
    try {
      const zip = await firstValueFrom(this.http.get(`${API_BASE_URL}/me/data-export`, { responseType: 'blob' }));
      saveBlob(zip, 'my-data.zip');
      this.done.set(true);
    } catch {
      this.failed.set(true);
    } finally {
      this.busy.set(false);
    }
  }
}
