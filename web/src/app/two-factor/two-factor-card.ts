import { HttpClient } from '@angular/common/http';
import { Component, inject, signal } from '@angular/core';
import type { TwoFactorEnabled, TwoFactorSetup, TwoFactorStatus } from '@portal/shared';
import { firstValueFrom } from 'rxjs';

import { API_BASE_URL } from '../core/api';
import { readProblem } from '../core/problem-text';
import { I18n } from '../i18n/i18n';
import { RecoveryCodes } from './recovery-codes';
import { TwoFactorEnrolment } from './two-factor-enrolment';

/** The profile's two-factor section: on or off, enrolment, recovery codes once, remembered devices. */
@Component({
  selector: 'app-two-factor-card',
  imports: [TwoFactorEnrolment, RecoveryCodes],
  template: `
    <section class="card" aria-labelledby="two-factor-heading" data-testid="two-factor-card">
      <h2 id="two-factor-heading">{{ t('twoFactor.profile.heading') }}</h2>
      @if (recoveryCodes(); as codes) {
        <app-recovery-codes [codes]="codes" (done)="recoveryCodes.set(null)" />
      } @else if (setup(); as pending) {
        <app-two-factor-enrolment [setup]="pending" [busy]="busy()" [error]="error()" (confirm)="enable($event)" />
      } @else if (status(); as state) {
        @if (state.enabled) {
          <p data-testid="two-factor-on">{{ t('twoFactor.profile.on', { count: state.recoveryCodesLeft }) }}</p>
          @if (state.required) {
            <p class="hint">{{ t('twoFactor.profile.required') }}</p>
          } @else {
            <form novalidate (submit)="disable($event)" class="disable">
              <div class="field">
                <label for="two-factor-disable-code">{{ t('twoFactor.profile.disableLabel') }}</label>
                <input
                  id="two-factor-disable-code"
                  type="text"
                  autocomplete="one-time-code"
                  maxlength="40"
                  [value]="disableCode()"
                  (input)="disableCode.set($any($event.target).value)"
                />
              </div>
              <button type="submit" class="button-secondary" [disabled]="busy()">
                {{ t('twoFactor.profile.disable') }}
              </button>
            </form>
          }
          @if (state.devices.length) {
            <h3>{{ t('twoFactor.profile.devices') }}</h3>
            <ul class="devices">
              @for (device of state.devices; track device.id) {
                <li>
                  <span
                    >{{ device.label || t('twoFactor.profile.deviceUnknown') }} —
                    {{ t('twoFactor.profile.deviceUntil', { date: device.expiresAt.slice(0, 10) }) }}</span
                  >
                  <button type="button" class="link-button" (click)="forget(device.id)">
                    {{ t('twoFactor.profile.forget') }}
                  </button>
                </li>
              }
            </ul>
          }
        } @else {
          <p data-testid="two-factor-off">{{ t('twoFactor.profile.off') }}</p>
          <button
            type="button"
            class="button-primary"
            (click)="start()"
            [disabled]="busy()"
            data-testid="two-factor-start"
          >
            {{ t('twoFactor.profile.start') }}
          </button>
        }
        @if (error(); as message) {
          <p class="form-error" role="alert">{{ message }}</p>
        }
      }
    </section>
  `,
  styleUrls: ['../accounts/account-page.css', '../accounts/profile-page.css'],
  styles: `
    .devices {
      padding: 0;
      list-style: none;
    }
    .devices li {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: baseline;
      overflow-wrap: anywhere;
    }
    .disable {
      margin-bottom: 1rem;
    }
  `,
})
export class TwoFactorCard {
  private readonly http = inject(HttpClient);
  protected readonly t = inject(I18n).t;
  protected readonly status = signal<TwoFactorStatus | null>(null);
  protected readonly setup = signal<TwoFactorSetup | null>(null);
  protected readonly recoveryCodes = signal<string[] | null>(null);
  protected readonly disableCode = signal('');
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    void this.load();
  }

  protected start(): Promise<void> {
    return this.run(async () => {
      this.setup.set(await firstValueFrom(this.http.post<TwoFactorSetup>(`${API_BASE_URL}/me/two-factor/setup`, {})));
    });
  }

  protected enable(code: string): Promise<void> {
    return this.run(async () => {
      const answer = await firstValueFrom(
        this.http.post<TwoFactorEnabled>(`${API_BASE_URL}/me/two-factor/enable`, { code }),
      );
      this.setup.set(null);
      this.recoveryCodes.set(answer.recoveryCodes);
      await this.load();
    });
  }

  protected disable(event: Event): Promise<void> {
    event.preventDefault();
    return this.run(async () => {
      await firstValueFrom(
        this.http.post<void>(`${API_BASE_URL}/me/two-factor/disable`, { code: this.disableCode().trim() }),
      );
      this.disableCode.set('');
      await this.load();
    });
  }

  protected forget(id: string): Promise<void> {
    return this.run(async () => {
      await firstValueFrom(this.http.delete<void>(`${API_BASE_URL}/me/two-factor/devices/${id}`));
      await this.load();
    });
  }

  private async load(): Promise<void> {
    try {
      this.status.set(await firstValueFrom(this.http.get<TwoFactorStatus>(`${API_BASE_URL}/me/two-factor`)));
    } catch (error) {
      this.error.set(readProblem(error, this.t).message);
    }
  }

  private async run(action: () => Promise<void>): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      await action();
    } catch (error) {
      this.error.set(readProblem(error, this.t).message);
    } finally {
      this.busy.set(false);
    }
  }
}
