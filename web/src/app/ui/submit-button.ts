import { Component, input } from '@angular/core';

/**
 * A form's submit button while its request runs: a spinner, the busy label and aria-disabled
 * (not disabled, so it keeps focus; the page ignores a second submit). An attribute on the
 * page's own <button>, which keeps its type, classes and test id.
 */
@Component({
  selector: 'button[appSubmitButton]',
  host: { '[attr.aria-disabled]': "busy() ? 'true' : null" },
  template: `
    @if (busy()) {
      <span class="spinner" aria-hidden="true"></span>
      {{ busyLabel() }}
    } @else {
      {{ label() }}
    }
  `,
  styles: `
    .spinner {
      width: 1rem;
      height: 1rem;
      border: 2px solid rgb(255 255 255 / 45%);
      border-top-color: #fff;
      border-radius: 50%;
      animation: spin 0.8s linear infinite;
    }
    @keyframes spin {
      to {
        transform: rotate(360deg);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .spinner {
        animation-duration: 2.4s;
      }
    }
  `,
})
export class SubmitButton {
  readonly busy = input.required<boolean>();
  readonly label = input.required<string>();
  readonly busyLabel = input.required<string>();
}
