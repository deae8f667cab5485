import { Component, computed, inject, input, signal } from '@angular/core';
import { Router } from '@angular/router';
import { can, type RequestStatus, type Role } from '@portal/shared';

import { StaffI18n } from '../core/staff-i18n/staff-texts';
import { describeStaffProblem } from '../core/staff-problem';
import { KbApi } from './kb-api';

/**
 * On a resolved (or closed) case: "make a help article of it". The API writes a draft from
 * the question and the public answers, the member's details removed; the editor opens it.
 */
@Component({
  selector: 'app-kb-draft-button',
  template: `
    @if (offered()) {
      <div class="kb-draft">
        <button type="button" class="button-secondary" data-testid="kb-draft-from-case" (click)="draftArticle()">
          {{ t('inbox.kbDraft.button') }}
        </button>
        <p class="hint">{{ t('inbox.kbDraft.hint') }}</p>
        @if (problem(); as message) {
          <p class="form-error" role="alert">{{ message }}</p>
        }
      </div>
    }
  `,
  styles: `
    .kb-draft {
      margin-top: 1rem;
    }
    .hint {
      margin: 0.375rem 0 0;
      color: var(--color-text-muted);
      font-size: 0.875rem;
    }
    .form-error {
      color: var(--color-error);
    }
  `,
})
export class KbDraftButton {
  readonly requestId = input.required<string>();
  readonly status = input.required<RequestStatus>();
  readonly role = input.required<Role>();

  private readonly api = inject(KbApi);
  private readonly router = inject(Router);
  protected readonly t = inject(StaffI18n).t;
  protected readonly problem = signal<string | null>(null);
  protected readonly offered = computed(
    () => can(this.role(), 'kb.draft-from-case') && (this.status() === 'resolved' || this.status() === 'closed'),
  );
  private busy = false;

  protected async draftArticle(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.problem.set(null);
    try {
      const draft = await this.api.draftFromRequest(this.requestId());
      await this.router.navigate(['/kb-editor'], { queryParams: { article: draft.id } });
    } catch (error) {
      this.problem.set(describeStaffProblem(error, this.t).message);
    } finally {
      this.busy = false;
    }
  }
}
