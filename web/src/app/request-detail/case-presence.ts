import { Component, DestroyRef, DOCUMENT, effect, inject, input, signal, untracked } from '@angular/core';
import { PRESENCE_REPORT_SECONDS, type PresenceState, type PresentPerson } from '@portal/shared';

import { RequestsI18n } from '../requests/i18n/requests-texts';
import { CasePresenceApi } from './case-presence-api';

/** A keystroke this recent, with a draft in the box, counts as writing. */
const WRITING_MS = 15_000;

/**
 * "Rosa Quispe is writing…": staff on a request report that they have it open every few
 * seconds while the tab is in view (nothing while it is hidden), and are shown who else
 * has. Starting to write is reported at once, so the others learn it within one of their
 * own reports.
 */
@Component({
  selector: 'app-case-presence',
  template: `
    <div class="presence" role="status" data-testid="case-presence">
      @for (person of others(); track person.id) {
        <p [class.writing]="person.state === 'writing'" data-testid="case-presence-person">
          <span class="dot" aria-hidden="true"></span>
          {{
            person.state === 'writing'
              ? t('request.presence.writing', { name: person.name })
              : t('request.presence.viewing', { name: person.name })
          }}
        </p>
      }
    </div>
  `,
  styles: `
    .presence:empty {
      display: none;
    }
    .presence {
      display: grid;
      gap: 0.25rem;
      margin: 0 0 1rem;
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--color-border);
      border-radius: var(--radius);
      background: var(--color-surface);
    }
    p {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      margin: 0;
      color: var(--color-text-muted);
    }
    p.writing {
      color: var(--color-text);
      font-weight: 600;
    }
    .dot {
      flex: none;
      width: 0.5rem;
      height: 0.5rem;
      border-radius: 50%;
      background: var(--color-text-muted);
    }
    .writing .dot {
      background: var(--color-accent);
    }
    @media (forced-colors: active) {
      .dot {
        background: CanvasText;
      }
    }
  `,
})
export class CasePresence {
  readonly requestId = input.required<string>();
  /** When the person last typed in the reply box with something in it; null: nothing drafted. */
  readonly draftedAt = input<number | null>(null);

  private readonly api = inject(CasePresenceApi);
  private readonly document = inject(DOCUMENT);
  protected readonly t = inject(RequestsI18n).t;
  protected readonly others = signal<readonly PresentPerson[]>([]);

  private timer: ReturnType<typeof setInterval> | undefined;
  private reported: PresenceState | null = null;
  private inFlight = false;

  constructor() {
    const followVisibility = () => {
      if (this.document.visibilityState === 'visible') this.start();
      else this.stop();
    };
    this.document.addEventListener('visibilitychange', followVisibility);

    // Another request on the same page: leave the previous one, start on this one.
    let previous: string | null = null;
    effect(() => {
      const id = this.requestId();
      untracked(() => {
        if (previous && previous !== id) void this.api.leave(previous).catch(() => undefined);
        previous = id;
        this.others.set([]);
        this.reported = null;
        followVisibility();
      });
    });

    // Writing starts: said now rather than at the next report.
    effect(() => {
      this.draftedAt();
      untracked(() => {
        if (this.document.visibilityState === 'visible' && this.state() !== this.reported) void this.report();
      });
    });

    inject(DestroyRef).onDestroy(() => {
      this.stop();
      this.document.removeEventListener('visibilitychange', followVisibility);
      if (previous) void this.api.leave(previous).catch(() => undefined);
    });
  }

  private state(): PresenceState {
    const draftedAt = this.draftedAt();
    return draftedAt !== null && Date.now() - draftedAt < WRITING_MS ? 'writing' : 'viewing';
  }

  private start(): void {
    this.stop();
    void this.report();
    this.timer = setInterval(() => void this.report(), PRESENCE_REPORT_SECONDS * 1000);
  }

  private stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private async report(): Promise<void> {
    if (this.inFlight) return;
    this.inFlight = true;
    const id = this.requestId();
    const state = this.state();
    try {
      const answer = await this.api.report(id, state);
      if (id !== this.requestId()) return;
      this.reported = state;
      this.others.set(answer.others);
    } catch {
      // A missed report only delays the news; the next one tries again.
    } finally {
      this.inFlight = false;
    }
  }
}
