import { Component, computed, effect, ElementRef, inject, input, signal, untracked, viewChild } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { Router, RouterLink } from '@angular/router';
import { can, isStaff, ORGANIZATION_ROLE, type RequestDetailView, type Role } from '@portal/shared';

import { mayOpen } from '../auth/access';
import { Session } from '../auth/session';
import { LocalDates } from '../core/local-dates';
import { readProblem } from '../core/problem-text';
import { KbDraftButton } from '../knowledge-base/kb-draft-button';
import { RequestsI18n, type RequestsTextKey } from '../requests/i18n/requests-texts';
import type { FailedFilesState } from '../requests/new-request-page';
import { RequestsApi } from '../requests/requests-api';
import { ThematicAreas } from '../requests/thematic-areas';
import { StatusBadge } from '../ui/status-badge';
import { AttachmentLink } from './attachment-link';
import { CasePresence } from './case-presence';
import { type RequestChange, MemberActions } from './member-actions';
import { ReplyComposer } from './reply-composer';
import { RequestTimeline } from './request-timeline';
import { StaffActions } from './staff-actions';

/**
 * One request, for members and staff alike (routed at /requests/:id and /inbox/:id).
 * Members see their conversation and their actions; case-working staff also internal
 * notes, status actions, reassignment and escalation; the executive reads only.
 */
@Component({
  selector: 'app-request-detail-page',
  imports: [
    KbDraftButton,
    RouterLink,
    StatusBadge,
    AttachmentLink,
    RequestTimeline,
    ReplyComposer,
    MemberActions,
    StaffActions,
    CasePresence,
  ],
  templateUrl: './request-detail-page.html',
  styleUrl: './request-detail-page.css',
})
export class RequestDetailPage {
  /** The route's `:id`. */
  readonly id = input.required<string>();

  private readonly api = inject(RequestsApi);
  private readonly session = inject(Session);
  private readonly title = inject(Title);
  protected readonly t = inject(RequestsI18n).t;
  protected readonly dates = inject(LocalDates);
  protected readonly areas = inject(ThematicAreas);

  protected readonly request = signal<RequestDetailView | null>(null);
  protected readonly state = signal<'loading' | 'loaded' | 'error'>('loading');
  protected readonly error = signal('');
  protected readonly notFound = signal(false);
  /** Said after an action (and read out by screen readers). */
  protected readonly notice = signal('');
  protected readonly noticeIsWarning = signal(false);
  /** When the person last typed a draft in the reply box (null: the box is empty), for "… is writing". */
  protected readonly draftedAt = signal<number | null>(null);
  /** Files a just-sent request could not carry (handed over by the request form). */
  protected readonly failedFiles = signal<FailedFilesState['failedFiles']>([]);

  protected readonly user = this.session.user;
  protected readonly role = computed<Role>(() => this.user()?.role ?? ORGANIZATION_ROLE);
  /** The member's view of a request, not staff's. */
  protected readonly isMember = computed(() => !isStaff(this.role()));
  protected readonly worksCases = computed(() => can(this.role(), 'requests.work'));
  protected readonly usesCannedAnswers = computed(() => can(this.role(), 'canned-answers.read'));
  protected readonly readOnly = computed(() => !this.isMember() && !this.worksCases());
  protected readonly acceptsMessages = computed(() => {
    const status = this.request()?.status;
    return !!status && status !== 'closed' && status !== 'withdrawn';
  });
  protected readonly back = computed<{ path: string; label: RequestsTextKey }>(() => {
    const role = this.role();
    if (mayOpen(role, 'memberRequests')) return { path: '/requests', label: 'nav.myRequests' };
    if (mayOpen(role, 'inbox')) return { path: '/inbox', label: 'nav.inbox' };
    return { path: '/', label: 'nav.home' };
  });
  /** Message attachments shown with their message; these are the request's own files. */
  protected readonly requestFiles = computed(() => this.request()?.attachments ?? []);

  private readonly noticeElement = viewChild<ElementRef<HTMLElement>>('noticeElement');
  private loadCount = 0;

  constructor() {
    const state = inject(Router).currentNavigation()?.extras.state as Partial<FailedFilesState> | undefined;
    if (Array.isArray(state?.failedFiles)) this.failedFiles.set(state.failedFiles);
    effect(() => {
      const id = this.id();
      untracked(() => {
        this.request.set(null);
        void this.load(id);
      });
    });
  }

  protected reload(): void {
    void this.load(this.id());
  }

  protected async applyChange(change: RequestChange): Promise<void> {
    this.notice.set(change.notice);
    this.noticeIsWarning.set(change.stale === true);
    await this.load(this.id());
    this.noticeElement()?.nativeElement.focus();
  }

  protected messageSent(result: { internal: boolean; failedFiles: number }): void {
    const key: RequestsTextKey = result.internal ? 'request.notice.noteAdded' : 'request.notice.replySent';
    this.notice.set(
      result.failedFiles > 0 ? `${this.t(key)} ${this.t('request.notice.someFilesFailed')}` : this.t(key),
    );
    this.noticeIsWarning.set(result.failedFiles > 0);
    void this.load(this.id());
  }

  /** On a phone the staff actions come after the conversation: one tap brings them up. */
  protected jumpToActions(event: Event): void {
    event.preventDefault();
    const heading = document.getElementById('staff-actions-heading');
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  }

  protected dismissNotice(): void {
    this.notice.set('');
  }

  protected priorityLabel(request: RequestDetailView): string {
    return this.t(`requests.priority.${request.priority}`);
  }

  private async load(id: string): Promise<void> {
    const current = ++this.loadCount;
    if (!this.request()) this.state.set('loading');
    try {
      const request = await this.api.get(id);
      if (current !== this.loadCount) return;
      this.request.set(request);
      this.state.set('loaded');
      this.title.setTitle(`${request.reference} · ${request.subject} · ${this.t('app.name')}`);
    } catch (error) {
      if (current !== this.loadCount) return;
      const problem = readProblem(error, this.t);
      this.notFound.set(problem.status === 404 || problem.status === 400);
      this.error.set(problem.status === 400 ? this.t('requests.error.notFound') : problem.message);
      // A reload that failed keeps the request on the page, with the message.
      if (this.request()) {
        this.notice.set(problem.message);
        this.noticeIsWarning.set(true);
      } else {
        this.state.set('error');
      }
    }
  }
}
