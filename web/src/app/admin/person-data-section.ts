import { HttpClient } from '@angular/common/http';
import { Component, inject, input, output, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import { API_BASE_URL } from '../core/api';
import { saveBlob } from '../core/save-blob';
import { StaffI18n } from '../core/staff-i18n/staff-texts';
import { describeStaffProblem, type StaffProblem } from '../core/staff-problem';

/**
 * On a member's page, for admins: the person's data as a ZIP (GET /users/:id/data-export) and
 * its erasure (POST /users/:id/erasure) after a confirmation, since it cannot be undone
 * (docs/domain.md, "Personal data").
 */
@Component({
  selector: 'app-person-data-section',
  template: `
    <section class="card" aria-labelledby="person-data-heading" data-testid="person-data">
      <h2 id="person-data-heading">{{ t('admin.data.heading') }}</h2>
      <p class="explain">{{ t('admin.data.explain') }}</p>
      <div class="actions">
        <button
          type="button"
          class="button-secondary"
          [disabled]="busy()"
          (click)="download()"
          data-testid="person-data-download"
        >
          {{ t('admin.data.download') }}
        </button>
        @if (erasable() && !confirming()) {
          <button
            type="button"
            class="button-danger"
            [disabled]="busy()"
            (click)="confirming.set(true)"
            data-testid="person-erase"
          >
            {{ t('admin.data.erase') }}
          </button>
        }
      </div>
      @if (confirming()) {
        <div class="confirm" role="group" aria-labelledby="person-erase-question">
          <p id="person-erase-question">{{ t('admin.data.eraseConfirm') }}</p>
          <div class="actions">
            <button
              type="button"
              class="button-danger"
              [disabled]="busy()"
              (click)="erase()"
              data-testid="person-erase-confirm"
            >
              {{ t('admin.data.eraseForGood') }}
            </button>
            <button type="button" class="button-secondary" (click)="confirming.set(false)">
              {{ t('admin.data.cancel') }}
            </button>
          </div>
        </div>
      }
      @if (problem(); as failure) {
        <p class="form-error" role="alert">{{ failure.message }}</p>
      }
    </section>
  `,
  styleUrl: './admin-form.css',
})
export class PersonDataSection {
  private readonly http = inject(HttpClient);
  protected readonly t = inject(StaffI18n).t;
  readonly userId = input.required<string>();
  /** False once the person was erased: their data can still be downloaded, not erased again. */
  readonly erasable = input(true);
  /** After an erasure: the page reloads the (now anonymized) person. */
  readonly erased = output<void>();
  protected readonly busy = signal(false);
  protected readonly confirming = signal(false);
  protected readonly problem = signal<StaffProblem | null>(null);

  protected async download(): Promise<void> {
    await this.run(async () => {
      const zip = await firstValueFrom(
        this.http.get(`${API_BASE_URL}/users/${encodeURIComponent(this.userId())}/data-export`, {
          responseType: 'blob',
        }),
      );
      saveBlob(zip, `personal-data-${this.userId()}.zip`);
    });
  }

  protected async erase(): Promise<void> {
    await this.run(async () => {
      await firstValueFrom(this.http.post(`${API_BASE_URL}/users/${encodeURIComponent(this.userId())}/erasure`, null));
      this.confirming.set(false);
      this.erased.emit();
    });
  }

  private async run(work: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    try {
      await work();
    } catch (error) {
      this.problem.set(describeStaffProblem(error, this.t));
    } finally {
      this.busy.set(false);
    }
  }
}
