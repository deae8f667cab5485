import { Component, computed, DestroyRef, DOCUMENT, ElementRef, inject, signal, viewChild } from '@angular/core';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { belongsToOrganization, ORGANIZATION_ROLE, type UserView } from '@portal/shared';
import { filter } from 'rxjs';

import { Session } from '../auth/session';
import { I18n } from '../i18n/i18n';
import { NotificationBell } from '../notifications/notification-bell';
import { OfflineBanner } from '../offline/offline-banner';
import { Brand } from '../ui/brand';
import { navigationFor } from './navigation';

/**
 * The frame of every signed-in page: top bar (portal, person, notifications, profile, sign-out) and
 * role-dependent navigation, collapsed behind a menu button on narrow screens.
 */
@Component({
  selector: 'app-shell',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, Brand, NotificationBell, OfflineBanner],
  templateUrl: './shell.html',
  styleUrl: './shell.css',
  host: {
    '(document:keydown.escape)': 'closeMenuFromKeyboard()',
    '(document:focusin)': 'followTyping()',
    '(document:focusout)': 'followTyping()',
  },
})
export class Shell {
  private readonly session = inject(Session);
  private readonly document = inject(DOCUMENT);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');
  private readonly menuButton = viewChild.required<ElementRef<HTMLButtonElement>>('menuButton');

  protected readonly t = inject(I18n).t;
  /** The shell only exists while signed in (route guard); the fallback covers the instant of signing out. */
  protected readonly user = computed<UserView>(() => this.session.user() ?? SIGNED_OUT);
  protected readonly navigation = computed(() => navigationFor(this.user().role));
  /** Under the name: the organization for members, the role for staff. */
  protected readonly userDetail = computed(() => {
    const user = this.user();
    return belongsToOrganization(user.role) && user.organization ? user.organization.name : this.t(`role.${user.role}`);
  });
  protected readonly menuOpen = signal(false);
  /**
   * Writing in a text field, or the on-screen keyboard takes the lower part of the screen:
   * on a phone the header shrinks to one slim row so it never covers the field or its send button.
   */
  protected readonly typing = signal(false);
  private currentPath: string | undefined;

  constructor() {
    const router = inject(Router);
    const subscription = router.events.pipe(filter((event) => event instanceof NavigationEnd)).subscribe((event) => {
      const menuWasOpen = this.menuOpen();
      this.menuOpen.set(false);
      // A change of query parameters only (a filter, a search, a page of a list) is not a
      // new page: focus stays where the person is typing or choosing.
      const path = event.urlAfterRedirects.split(/[?#]/)[0];
      const samePage = path === this.currentPath;
      this.currentPath = path;
      if (samePage && !menuWasOpen) return;
      // Move focus to the new page, so keyboard and screen-reader users start there.
      // Not on the first page load: a screen reader then starts at the top, with the skip link.
      const focused = this.document.activeElement;
      if (menuWasOpen || focused?.closest('#main-content, #main-navigation, .brand-link')) {
        this.main().nativeElement.focus({ preventScroll: true });
      }
    });
    const viewport = this.document.defaultView?.visualViewport;
    const onViewportResize = () => this.followTyping();
    viewport?.addEventListener('resize', onViewportResize);
    inject(DestroyRef).onDestroy(() => {
      subscription.unsubscribe();
      viewport?.removeEventListener('resize', onViewportResize);
    });
  }

  /** focusout fires before the next field gets focus: reading the state a task later avoids a flicker. */
  protected followTyping(): void {
    setTimeout(() => {
      const focused = this.document.activeElement;
      const inTextField =
        focused instanceof HTMLTextAreaElement ||
        (focused instanceof HTMLInputElement && TEXT_INPUTS.has(focused.type));
      const window = this.document.defaultView;
      const keyboardOpen =
        !!window?.visualViewport && window.visualViewport.height < window.innerHeight * KEYBOARD_VIEWPORT_SHARE;
      this.typing.set(inTextField || keyboardOpen);
    });
  }

  protected toggleMenu(): void {
    this.menuOpen.update((open) => !open);
  }

  protected closeMenuFromKeyboard(): void {
    if (!this.menuOpen()) return;
    this.menuOpen.set(false);
    this.menuButton().nativeElement.focus();
  }

  protected skipToMainContent(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }

  protected signOut(): void {
    this.session.signOut();
  }
}

/** Fields that bring up the on-screen keyboard. */
const TEXT_INPUTS = new Set(['text', 'search', 'email', 'tel', 'url', 'number', 'password']);
/** Below this share of the layout height, the visual viewport is taken to be cut by the keyboard. */
const KEYBOARD_VIEWPORT_SHARE = 0.75;

const SIGNED_OUT: UserView = {
  id: '',
  email: '',
  name: '',
  role: ORGANIZATION_ROLE,
  language: 'es',
  organization: null,
  region: null,
  coverage: [],
  available: false,
  contact: false,
  emailNotifications: 'each',
};
