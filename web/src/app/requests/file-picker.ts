import { Component, effect, inject, input, model, signal, untracked } from '@angular/core';

import { LocalDates } from '../core/local-dates';
import { RequestsI18n, type RequestsTextKey } from './i18n/requests-texts';
import { ACCEPT_ATTRIBUTE, type FileProblem, fileProblem, isCompressible, MAX_FILES } from './attachment-rules';

/** A chosen file; a photo also has its compressed copy, which is what is sent unless the original is asked for. */
interface ChosenFile {
  readonly original: File;
  /** Null while compressing, for files that are not photos, or when compressing did not help. */
  readonly compressed: File | null;
  readonly compressing: boolean;
  /** The member wants every detail sent (a certificate, a label to read). */
  readonly sendOriginal: boolean;
}

interface RefusedFile {
  readonly name: string;
  readonly problem: FileProblem;
}

const PROBLEM_TEXT: { readonly [P in FileProblem]: RequestsTextKey } = {
  type: 'form.files.refusedType',
  size: 'form.files.refusedSize',
  empty: 'form.files.refusedEmpty',
  count: 'form.files.refusedCount',
};

/**
 * Choosing files to send: a native file input (works with every phone's file chooser and
 * with screen readers), the chosen files with a way to remove each, and a plain message
 * for each file that cannot be sent, before any slow upload starts.
 */
@Component({
  selector: 'app-file-picker',
  template: `
    <div class="picker" [class.disabled]="disabled()">
      <input
        type="file"
        multiple
        class="visually-hidden"
        [id]="inputId()"
        [accept]="accept"
        [disabled]="disabled() || files().length >= maxFiles"
        [attr.aria-describedby]="inputId() + '-hint'"
        [attr.data-testid]="testId()"
        (change)="addFiles($event)"
      />
      <label class="choose button-secondary" [for]="inputId()">
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
          <path d="M21 12.5l-8.5 8.5a5.5 5.5 0 01-7.8-7.8l9-9a3.7 3.7 0 015.2 5.2l-9 9a1.8 1.8 0 01-2.6-2.6l8.3-8.3" />
        </svg>
        {{ label() }}
      </label>
      <p class="hint" [id]="inputId() + '-hint'">{{ t('form.files.hint', { max: maxFiles }) }}</p>
    </div>

    @if (chosen().length > 0) {
      <ul class="chosen" [attr.aria-label]="t('form.files.chosen')">
        @for (file of chosen(); track $index) {
          <li data-testid="chosen-file">
            <div class="file-line">
              <span class="name">{{ file.original.name }}</span>
              <span class="size" data-testid="chosen-file-size">
                @if (file.compressed && !file.sendOriginal) {
                  <span class="visually-hidden">{{ t('form.files.compressedFrom') }}</span>
                  <s>{{ dates.fileSize(file.original.size) }}</s>
                  <span aria-hidden="true">→</span>
                  <span class="visually-hidden">{{ t('form.files.compressedTo') }}</span>
                  <strong data-testid="chosen-file-sent-size">{{ dates.fileSize(file.compressed.size) }}</strong>
                } @else {
                  {{ dates.fileSize(file.original.size) }}
                }
              </span>
              <button
                type="button"
                class="remove"
                [disabled]="disabled()"
                [attr.aria-label]="t('form.files.remove', { name: file.original.name })"
                (click)="removeFile($index)"
              >
                <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
                  <path d="M6 6l12 12M18 6L6 18" />
                </svg>
              </button>
            </div>
            @if (file.compressing) {
              <p class="photo-note" data-testid="photo-compressing">{{ t('form.files.compressing') }}</p>
            } @else if (file.compressed) {
              <label class="original-toggle">
                <input
                  type="checkbox"
                  data-testid="send-original"
                  [checked]="file.sendOriginal"
                  [disabled]="disabled()"
                  (change)="chooseOriginal($index, $event)"
                />
                <span>
                  {{ t('form.files.sendOriginal') }}
                  <span class="visually-hidden">: {{ file.original.name }}</span>
                  <span class="photo-note">{{ t('form.files.sendOriginalHelp') }}</span>
                </span>
              </label>
            }
          </li>
        }
      </ul>
    }

    <div aria-live="polite">
      @for (refused of refused(); track $index) {
        <p class="field-error" data-testid="file-refused">
          {{ t(problemText[refused.problem], { name: refused.name, max: maxFiles }) }}
        </p>
      }
    </div>
  `,
  styles: `
    :host {
      display: grid;
      gap: 0.5rem;
    }
    .picker {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 0.75rem;
    }
    .choose {
      white-space: normal;
    }
    .choose svg {
      fill: none;
      stroke: currentColor;
      stroke-width: 2;
      stroke-linecap: round;
      stroke-linejoin: round;
    }
    input:focus-visible + .choose {
      outline: 3px solid var(--color-focus);
      outline-offset: 2px;
    }
    input:disabled + .choose {
      opacity: 0.6;
      cursor: not-allowed;
    }
    .hint {
      flex: 1 1 14rem;
      margin: 0;
      color: var(--color-text-muted);
      font-size: 0.875rem;
    }
    .chosen {
      display: grid;
      gap: 0.375rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .chosen li {
      padding: 0.25rem 0.25rem 0.25rem 0.75rem;
      border: 1px solid var(--color-border);
      border-radius: var(--radius);
      background: var(--color-surface);
    }
    .file-line {
      display: flex;
      align-items: center;
      gap: 0.5rem;
    }
    .original-toggle {
      display: flex;
      align-items: flex-start;
      gap: 0.5rem;
      padding: 0.25rem 0 0.375rem;
      font-size: 0.9375rem;
      cursor: pointer;
    }
    .original-toggle input {
      flex: none;
      width: 1.25rem;
      height: 1.25rem;
      margin: 0.125rem 0 0;
    }
    .size s {
      margin-right: 0.25rem;
    }
    .size strong {
      margin-left: 0.25rem;
    }
    .photo-note {
      display: block;
      font-weight: 400;
      margin: 0 0 0.25rem;
      color: var(--color-text-muted);
      font-size: 0.875rem;
    }
    .name {
      flex: 1;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .size {
      color: var(--color-text-muted);
      font-size: 0.875rem;
      white-space: nowrap;
    }
    .remove {
      display: inline-grid;
      place-items: center;
      flex: none;
      width: 2.75rem;
      height: 2.75rem;
      border: 0;
      border-radius: var(--radius);
      background: transparent;
      color: var(--color-text);
      cursor: pointer;
    }
    .remove:hover {
      background: var(--color-error-soft);
      color: var(--color-error);
    }
    .remove svg {
      fill: none;
      stroke: currentColor;
      stroke-width: 2;
      stroke-linecap: round;
    }
  `,
})
export class FilePicker {
  /** What is sent: each photo's compressed copy unless its original is asked for, other files as chosen. */
  readonly files = model<File[]>([]);
  readonly inputId = input.required<string>();
  readonly label = input.required<string>();
  readonly testId = input<string | null>(null);
  readonly disabled = input(false);

  protected readonly t = inject(RequestsI18n).t;
  protected readonly dates = inject(LocalDates);
  protected readonly accept = ACCEPT_ATTRIBUTE;
  protected readonly maxFiles = MAX_FILES;
  protected readonly problemText = PROBLEM_TEXT;
  protected readonly refused = signal<RefusedFile[]>([]);
  protected readonly chosen = signal<ChosenFile[]>([]);

  constructor() {
    // The form emptied the list (sent, or started afresh): forget the chosen files too.
    effect(() => {
      if (this.files().length === 0 && untracked(this.chosen).length > 0) this.chosen.set([]);
    });
  }

  protected addFiles(event: Event): void {
    const inputElement = event.target as HTMLInputElement;
    const picked = [...(inputElement.files ?? [])];
    inputElement.value = ''; // The same file may be picked again after removing it.
    const accepted = [...this.chosen()];
    const refused: RefusedFile[] = [];
    const added: File[] = [];
    for (const file of picked) {
      const problem = fileProblem(file) ?? (accepted.length >= MAX_FILES ? 'count' : null);
      if (problem) refused.push({ name: file.name, problem });
      else {
        accepted.push({ original: file, compressed: null, compressing: isCompressible(file), sendOriginal: false });
        added.push(file);
      }
    }
    this.refused.set(refused);
    this.setChosen(accepted);
    for (const file of added) if (isCompressible(file)) void this.compress(file);
  }

  protected removeFile(index: number): void {
    this.setChosen(this.chosen().filter((_, i) => i !== index));
    this.refused.set([]);
  }

  protected chooseOriginal(index: number, event: Event): void {
    const sendOriginal = (event.target as HTMLInputElement).checked;
    this.setChosen(this.chosen().map((file, i) => (i === index ? { ...file, sendOriginal } : file)));
  }

  /** Forget the messages about refused files (after sending, or when the form is reset). */
  clearMessages(): void {
    this.refused.set([]);
  }

  private async compress(original: File): Promise<void> {
    let compressed: File | null = null;
    try {
      const { compressPhoto } = await import('./photo-compression');
      compressed = await compressPhoto(original);
    } catch {
      // The code could not load (offline before it was ever fetched): the original is sent.
    }
    const chosen = this.chosen();
    if (!chosen.some((file) => file.original === original)) return; // Removed meanwhile.
    this.setChosen(
      chosen.map((file) => (file.original === original ? { ...file, compressed, compressing: false } : file)),
    );
  }

  private setChosen(chosen: ChosenFile[]): void {
    this.chosen.set(chosen);
    this.files.set(chosen.map((file) => (file.compressed && !file.sendOriginal ? file.compressed : file.original)));
  }
}
