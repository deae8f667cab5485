import { Component, computed, inject, input } from '@angular/core';
import type { RequestStatus } from '@portal/shared';

import type { TranslationKey } from '../i18n/dictionary';
import { I18n } from '../i18n/i18n';

/** A request's status as a small colored label; the words carry the meaning, the color helps. */
@Component({
  selector: 'app-status-badge',
  template: `<span class="badge" [attr.data-status]="status()">{{ label() }}</span>`,
  styles: `
    :host {
      display: inline-block;
    }
    .badge {
      display: inline-block;
      padding: 0.125rem 0.625rem;
      border: 1px solid currentColor;
      border-radius: 999px;
      font-size: 0.875rem;
      font-weight: 600;
      line-height: 1.4;
      white-space: nowrap;
    }
    [data-status='new'] {
      background: #e8f0fb;
      color: #0b4a8b;
    }
    [data-status='assigned'] {
      background: #f0ebfb;
      color: #4b2a91;
    }
    [data-status='in_progress'] {
      background: #e2f3f0;
      color: #0a5446;
    }
    [data-status='waiting_on_member'] {
      background: #fff3d6;
      color: #6e4200;
    }
    [data-status='resolved'] {
      background: #e7f2ec;
      color: #0b5c36;
    }
    [data-status='closed'] {
      background: #eceff1;
      color: #37444c;
    }
    [data-status='withdrawn'] {
      background: #f4f4f4;
      color: #545454;
      border-style: dashed;
    }
  `,
})
export class StatusBadge {
  readonly status = input.required<RequestStatus>();
  /** Members read "waiting for your reply" where staff read "waiting on the member". */
  readonly forMember = input(false);
  private readonly t = inject(I18n).t;
  protected readonly label = computed(() => this.t(statusLabelKey(this.status(), this.forMember())));
}

/** The words for a status, as members or staff read them. */
export function statusLabelKey(status: RequestStatus, forMember: boolean): TranslationKey {
  return forMember && status === 'waiting_on_member' ? 'requests.status.waitingOnYou' : `requests.status.${status}`;
}
