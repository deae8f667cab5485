import { Component, effect, ElementRef, inject, input, output, viewChild } from '@angular/core';

import { I18n } from '../i18n/i18n';

let nextId = 0;

/**
 * A modal dialog on the native <dialog> element: the browser traps focus, closes it on
 * Escape and makes the rest of the page inert. Focus goes back to where it was.
 */
@Component({
  selector: 'app-modal-dialog',
  template: `
    <!-- eslint-disable-next-line @angular-eslint/template/click-events-have-key-events, @angular-eslint/template/interactive-supports-focus -- a click on the backdrop closes it; Escape does from the keyboard -->
    <dialog #dialog [attr.aria-labelledby]="headingId" (close)="handleClose()" (click)="closeOnBackdrop($event)">
      <div class="frame">
        <header>
          <h2 [id]="headingId">{{ heading() }}</h2>
          <button type="button" class="close" (click)="dialog.close()" [attr.aria-label]="t('request.dialog.close')">
            <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
              <path d="M6 6l12 12M18 6L6 18" />
            </svg>
          </button>
        </header>
        <ng-content />
      </div>
    </dialog>
  `,
  styles: `
    dialog {
      width: min(34rem, calc(100vw - 1.5rem));
      max-height: calc(100dvh - 2rem);
      padding: 0;
      border: 1px solid var(--color-border);
      border-radius: var(--radius-large);
      background: var(--color-surface);
      color: var(--color-text);
      box-shadow: 0 10px 30px rgb(16 40 28 / 25%);
    }
    dialog::backdrop {
      background: rgb(16 28 22 / 55%);
    }
    .frame {
      padding: 1rem 1rem 1.25rem;
    }
    header {
      display: flex;
      align-items: flex-start;
      justify-content: space-between;
      gap: 0.75rem;
      margin-bottom: 0.75rem;
    }
    h2 {
      margin: 0.375rem 0 0;
      font-size: 1.125rem;
      line-height: 1.3;
    }
    .close {
      display: inline-grid;
      flex: none;
      place-items: center;
      width: 2.75rem;
      height: 2.75rem;
      border: 1px solid var(--color-border);
      border-radius: var(--radius);
      background: var(--color-surface);
      color: var(--color-text);
      cursor: pointer;
    }
    .close svg {
      fill: none;
      stroke: currentColor;
      stroke-width: 2;
      stroke-linecap: round;
    }
  `,
})
export class ModalDialog {
  readonly heading = input.required<string>();
  readonly open = input(false);
  /** The dialog closed (Escape, the close button, a click outside, or `open` going false). */
  readonly closed = output<void>();

  protected readonly t = inject(I18n).t;
  protected readonly headingId = `modal-heading-${++nextId}`;
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  private returnFocusTo: HTMLElement | null = null;

  constructor() {
    effect(() => {
      const dialog = this.dialog().nativeElement;
      if (this.open() && !dialog.open) {
        this.returnFocusTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        dialog.showModal();
      } else if (!this.open() && dialog.open) {
        dialog.close();
      }
    });
  }

  protected handleClose(): void {
    const target = this.returnFocusTo;
    this.returnFocusTo = null;
    if (target?.isConnected) target.focus();
    this.closed.emit();
  }

  protected closeOnBackdrop(event: MouseEvent): void {
    // A click on the dialog element itself (not its content) is a click on the backdrop.
    if (event.target === this.dialog().nativeElement) this.dialog().nativeElement.close();
  }
}
