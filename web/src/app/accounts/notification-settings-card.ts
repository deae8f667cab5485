import { Component, computed, inject, signal } from '@angular/core';
import {
  NOTIFICATION_CHANNELS,
  type NotificationChannel,
  type NotificationEvent,
  type NotificationSetting,
} from '@portal/shared';

import { Session } from '../auth/session';
import { SubmitButton } from '../ui/submit-button';
import { accountFailureOf, ProfileApi } from './accounts-api';
import type { AccountsKey } from './i18n/accounts-dictionaries';
import { AccountsI18n } from './i18n/accounts-texts';

const EVENT_LABELS: Record<NotificationEvent, AccountsKey> = {
  'request.assigned': 'notify.event.assigned',
  'request.reply': 'notify.event.reply',
  'request.status_changed': 'notify.event.statusChanged',
  'request.escalated': 'notify.event.escalated',
  'request.breached': 'notify.event.breached',
};

const CHANNEL_LABELS: Record<NotificationChannel, AccountsKey> = {
  email: 'notify.channel.email',
  in_app: 'notify.channel.inApp',
  off: 'notify.channel.off',
};

/**
 * The staff member's choice, per event about cases, of how it reaches them: in the app and by
 * email, in the app only, or not at all (on the profile page). Account emails are no event of
 * this list: they always go. "By email" follows the choice above (each one, the daily digest,
 * or none); an event that is not by email is in no digest either.
 */
@Component({
  selector: 'app-notification-settings-card',
  imports: [SubmitButton],
  template: `
    <section class="card" aria-labelledby="notify-heading" data-testid="notification-settings">
      <h2 id="notify-heading">{{ t('notify.heading') }}</h2>
      <p class="hint">{{ t('notify.intro') }}</p>
      @if (emailsOff()) {
        <p class="hint emails-off" data-testid="notify-emails-off">{{ t('notify.emailsOff') }}</p>
      } @else if (emailsInDigest()) {
        <p class="hint emails-off" data-testid="notify-emails-digest">{{ t('notify.emailsDigest') }}</p>
      }
      <form novalidate (submit)="save($event)">
        @for (setting of settings(); track setting.event) {
          <fieldset class="choices event" [attr.data-testid]="'notify-' + setting.event">
            <legend>{{ t(eventLabel(setting.event)) }}</legend>
            <div class="channels">
              @for (channel of channels; track channel) {
                <label class="choice">
                  <input
                    type="radio"
                    [name]="'notify-' + setting.event"
                    [value]="channel"
                    [checked]="setting.channel === channel"
                    (change)="choose(setting.event, channel)"
                    [attr.data-testid]="'notify-' + setting.event + '-' + channel"
                  />
                  {{ t(channelLabel(channel)) }}
                </label>
              }
            </div>
          </fieldset>
        }

        @if (error(); as key) {
          <div class="form-error" role="alert" data-testid="notify-error">
            <p>{{ t(key) }}</p>
          </div>
        }
        <p class="status" role="status" data-testid="notify-saved">
          @if (saved()) {
            {{ t('notify.saved') }}
          }
        </p>
        @if (settings().length > 0) {
          <button
            type="submit"
            class="button-primary submit"
            data-testid="notify-submit"
            appSubmitButton
            [busy]="saving()"
            [label]="t('notify.submit')"
            [busyLabel]="t('profile.saving')"
          ></button>
        }
      </form>
    </section>
  `,
  styleUrls: ['./account-page.css', './profile-page.css'],
  styles: `
    .event {
      margin-bottom: 1rem;
    }
    .channels {
      display: grid;
      gap: 0.25rem 1rem;
    }
    /* WCAG 2.2 target size: 24 px radios, whatever the labels' length beside them. */
    .channels input[type='radio'] {
      flex: none;
      width: 1.5rem;
      height: 1.5rem;
    }
    @media (min-width: 40rem) {
      .channels {
        grid-template-columns: repeat(3, auto);
        justify-content: start;
      }
    }
    .emails-off {
      padding: 0.5rem 0.75rem;
      border-left: 4px solid var(--color-border-strong);
      background: var(--color-bg);
    }
  `,
})
export class NotificationSettingsCard {
  private readonly api = inject(ProfileApi);
  private readonly session = inject(Session);
  protected readonly t = inject(AccountsI18n).t;
  protected readonly channels = NOTIFICATION_CHANNELS;

  protected readonly settings = signal<NotificationSetting[]>([]);
  protected readonly saving = signal(false);
  protected readonly saved = signal(false);
  protected readonly error = signal<AccountsKey | null>(null);
  /** The person chose no emails about requests at all (above): the email channel waits for that. */
  protected readonly emailsOff = computed(() => this.session.user()?.emailNotifications === 'none');
  /** The person chose the daily digest: "by email" means in it. */
  protected readonly emailsInDigest = computed(() => this.session.user()?.emailNotifications === 'digest');

  constructor() {
    void this.load();
  }

  protected eventLabel(event: NotificationEvent): AccountsKey {
    return EVENT_LABELS[event];
  }

  protected channelLabel(channel: NotificationChannel): AccountsKey {
    return CHANNEL_LABELS[channel];
  }

  protected choose(event: NotificationEvent, channel: NotificationChannel): void {
    this.saved.set(false);
    this.settings.update((all) => all.map((s) => (s.event === event ? { ...s, channel } : s)));
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    if (this.saving()) return;
    this.saved.set(false);
    this.error.set(null);
    this.saving.set(true);
    try {
      this.settings.set((await this.api.saveNotificationSettings({ events: this.settings() })).events);
      this.saved.set(true);
    } catch (error) {
      const failure = accountFailureOf(error);
      this.error.set(failure.kind === 'message' ? failure.key : 'accounts.error.invalid');
    } finally {
      this.saving.set(false);
    }
  }

  private async load(): Promise<void> {
    try {
      this.settings.set((await this.api.notificationSettings()).events);
    } catch (error) {
      const failure = accountFailureOf(error);
      this.error.set(failure.kind === 'message' ? failure.key : 'accounts.error.server');
    }
  }
}
