import {
  Component,
  type ComponentRef,
  computed,
  DestroyRef,
  DOCUMENT,
  effect,
  ElementRef,
  inject,
  signal,
  untracked,
  viewChild,
  ViewContainerRef,
} from '@angular/core';
import { NavigationEnd, Router } from '@angular/router';
import { ORGANIZATION_ROLE } from '@portal/shared';
import { filter } from 'rxjs';

import { Session } from '../auth/session';
import { isSingular } from '../core/staff-intl';
import { I18n } from '../i18n/i18n';
import { badgeText } from './notification';
import type { NotificationPanel } from './notification-panel';
import { UnreadNotifications } from './unread-notifications';

/** The count is asked for this often while the page is in view. */
const POLL_MS = 60_000;
/** After a navigation, the count is asked again unless it is younger than this. */
const FRESH_MS = 10_000;
/** Narrower than this, the bell opens the notifications page instead of a panel. */
const PHONE_QUERY = '(max-width: 39.99rem)';

/**
 * The bell in the header: the unread count as a badge, kept fresh while the tab is visible,
 * and a panel of the latest notifications (a page of its own on a phone). The panel's code
 * and texts (`I18n.load`) load when it is first opened: a dynamic import rather than `@defer`, whose
 * runtime would weigh more in the first download than the panel itself.
 */
@Component({
  selector: 'app-notification-bell',
  template: `
    <button
      #button
      type="button"
      class="bell"
      data-testid="notification-bell"
      [attr.aria-label]="label()"
      [attr.aria-expanded]="phone() ? null : open()"
      [attr.aria-controls]="open() ? 'notification-panel' : null"
      (click)="toggle()"
    >
      <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
        <path d="M6 9a6 6 0 0 1 12 0c0 5 2 6.5 2 6.5H4S6 14 6 9M10 19.5a2.2 2.2 0 0 0 4 0" />
      </svg>
      @if (count() > 0) {
        <span class="count" data-testid="notification-count" aria-hidden="true">{{ badge() }}</span>
      }
    </button>
    <span class="visually-hidden" aria-live="polite" aria-atomic="true">{{ announcement() }}</span>

    <div
      id="notification-panel"
      class="panel"
      role="region"
      aria-labelledby="notification-panel-heading"
      [hidden]="!open()"
    >
      <ng-container #panelSlot />
      @if (open() && !panelShown()) {
        <p class="waiting" aria-busy="true">…</p>
      }
    </div>
  `,
  styles: `
    :host {
      position: relative;
      display: block;
    }
    .bell {
      position: relative;
      display: inline-grid;
      place-items: center;
      width: 2.75rem;
      height: 2.75rem;
      padding: 0;
      border: 1px solid var(--color-border-strong);
      border-radius: var(--radius);
      background: var(--color-surface);
      color: var(--color-text);
      cursor: pointer;
    }
    .bell:hover,
    .bell[aria-expanded='true'] {
      border-color: var(--color-accent);
      background: var(--color-accent-soft);
      color: var(--color-accent-strong);
    }
    .bell svg {
      fill: none;
      stroke: currentColor;
      stroke-width: 2;
      stroke-linecap: round;
      stroke-linejoin: round;
    }
    .count {
      position: absolute;
      top: -0.4rem;
      right: -0.4rem;
      min-width: 1.375rem;
      height: 1.375rem;
      padding: 0 0.3rem;
      border: 2px solid var(--color-surface);
      border-radius: 999px;
      background: var(--color-error);
      color: #fff;
      font-size: 0.75rem;
      font-weight: 700;
      line-height: 1.125rem;
      text-align: center;
    }
    .panel {
      position: absolute;
      top: calc(100% + 0.5rem);
      right: 0;
      z-index: 20;
      display: flex;
      flex-direction: column;
      width: min(26rem, calc(100vw - 1.5rem));
      max-height: min(36rem, calc(100dvh - 6rem));
      border: 1px solid var(--color-border);
      border-radius: var(--radius-large);
      background: var(--color-surface);
      box-shadow: 0 10px 30px rgb(16 40 28 / 22%);
      overflow: hidden;
    }
    .panel[hidden] {
      display: none;
    }
    .waiting {
      margin: 0;
      padding: 1rem;
      color: var(--color-text-muted);
    }
    @media (forced-colors: active) {
      .count {
        border-color: CanvasText;
      }
    }
  `,
  host: {
    '(keydown.escape)': 'closeFromKeyboard($event)',
    '(document:click)': 'closeWhenClickedOutside($event)',
    '(focusout)': 'closeWhenFocusLeaves($event)',
  },
})
export class NotificationBell {
  private readonly unread = inject(UnreadNotifications);
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly button = viewChild.required<ElementRef<HTMLButtonElement>>('button');
  private readonly panelSlot = viewChild.required('panelSlot', { read: ViewContainerRef });
  private panel: ComponentRef<NotificationPanel> | null = null;
  private readonly i18n = inject(I18n);
  private timer: ReturnType<typeof setInterval> | undefined;
  private leavingForLink = false;

  protected readonly open = signal(false);
  /** The panel's component is in place (its code arrived). */
  protected readonly panelShown = signal(false);
  protected readonly phone = signal(false);
  protected readonly role = computed(() => this.session.user()?.role ?? ORGANIZATION_ROLE);
  protected readonly count = computed(() => this.unread.count() ?? 0);
  protected readonly badge = computed(() => badgeText(this.count()));
  protected readonly label = computed(() => {
    const count = this.unread.count();
    if (count === null) return this.i18n.t('nav.notifications');
    if (count === 0) return this.i18n.t('notifications.bell.none');
    const key = isSingular(count, this.i18n.language()) ? 'notifications.bell.one' : 'notifications.bell.other';
    return this.i18n.t(key, { count });
  });
  /** Said by screen readers when the count changes after the first one (not on every page load). */
  protected readonly announcement = signal('');

  constructor() {
    const view = this.document.defaultView;
    const phoneQuery = view?.matchMedia?.(PHONE_QUERY);
    if (phoneQuery) {
      this.phone.set(phoneQuery.matches);
      const follow = (event: MediaQueryListEvent) => {
        this.phone.set(event.matches);
        if (event.matches) this.closePanel();
      };
      phoneQuery.addEventListener('change', follow);
      inject(DestroyRef).onDestroy(() => phoneQuery.removeEventListener('change', follow));
    }

    let previous: number | null = null;
    effect(() => {
      const count = this.unread.count();
      if (previous !== null && count !== null && count !== previous) {
        this.announcement.set(untracked(this.label));
      }
      previous = count;
    });

    // Poll only while the page is in view: a hidden tab or a locked phone asks nothing.
    const followVisibility = () => {
      if (this.document.visibilityState === 'visible') {
        this.unread.refresh();
        this.startPolling();
      } else {
        this.stopPolling();
      }
    };
    this.document.addEventListener('visibilitychange', followVisibility);
    followVisibility();

    const navigations = this.router.events.pipe(filter((event) => event instanceof NavigationEnd)).subscribe(() => {
      if (this.open()) this.closePanel();
      if (this.leavingForLink) {
        this.leavingForLink = false;
        // The link that was followed is gone with the panel: the new page takes the focus.
        this.document.getElementById('main-content')?.focus({ preventScroll: true });
      }
      if (this.document.visibilityState === 'visible' && this.unread.age() > FRESH_MS) this.unread.refresh();
    });

    inject(DestroyRef).onDestroy(() => {
      navigations.unsubscribe();
      this.panel?.destroy();
      this.stopPolling();
      this.document.removeEventListener('visibilitychange', followVisibility);
      // Destroyed with the signed-in frame: the next person starts without this count.
      this.unread.forget();
    });
  }

  protected toggle(): void {
    if (this.phone()) {
      void this.router.navigateByUrl('/notifications');
      return;
    }
    if (this.open()) {
      this.closePanel();
      return;
    }
    this.open.set(true);
    this.unread.refresh();
    void this.showPanel();
  }

  /** Loads the panel's code on first use and creates it afresh, so it lists what is new. */
  private async showPanel(): Promise<void> {
    const [{ NotificationPanel }] = await Promise.all([
      import('./notification-panel'),
      this.i18n.load('notifications'),
    ]);
    if (!this.open() || this.panel) return;
    const panel = this.panelSlot().createComponent(NotificationPanel);
    panel.setInput('role', this.role());
    panel.instance.closed.subscribe(() => this.closeAndFocusBell());
    panel.instance.itemOpened.subscribe(() => this.leaveForLink());
    this.panel = panel;
    this.panelShown.set(true);
  }

  private closePanel(): void {
    this.open.set(false);
    this.panel?.destroy();
    this.panel = null;
    this.panelShown.set(false);
  }

  private closeAndFocusBell(): void {
    this.closePanel();
    this.button().nativeElement.focus();
  }

  private leaveForLink(): void {
    this.leavingForLink = true;
    // Closed now rather than on arrival: a link to the page already shown navigates nowhere.
    // Destroyed after the click has reached the link's router (this runs inside its handler).
    this.open.set(false);
    setTimeout(() => this.closePanel());
  }

  protected closeFromKeyboard(event: Event): void {
    if (!this.open()) return;
    // The shell closes its menu on Escape too: this Escape is the panel's.
    event.stopPropagation();
    this.closeAndFocusBell();
  }

  protected closeWhenClickedOutside(event: MouseEvent): void {
    if (this.open() && event.target instanceof Node && !this.host.nativeElement.contains(event.target))
      this.closePanel();
  }

  protected closeWhenFocusLeaves(event: FocusEvent): void {
    const next = event.relatedTarget;
    if (this.open() && next instanceof Node && !this.host.nativeElement.contains(next)) this.closePanel();
  }

  private startPolling(): void {
    this.stopPolling();
    this.timer = setInterval(() => this.unread.refresh(), POLL_MS);
  }

  private stopPolling(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
