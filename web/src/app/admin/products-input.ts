import { Component, inject, input, output } from '@angular/core';
import { LIMITS } from '@portal/shared';
import { StaffI18n } from '../core/staff-i18n/staff-texts';

/**
 * Products as removable chips. Typing a comma or Enter adds what was typed; a pasted
 * "coffee, cocoa" becomes two; leaving the field keeps what is in it.
 */
@Component({
  selector: 'app-products-input',
  template: `
    @if (products().length > 0) {
      <ul class="chips" [attr.aria-label]="t('admin.org.products')">
        @for (product of products(); track product) {
          <li>
            {{ product }}
            <button
              type="button"
              [attr.aria-label]="t('admin.org.removeProduct', { name: product })"
              (click)="remove(product)"
            >
              <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" focusable="false">
                <path d="M6 6l12 12M18 6L6 18" />
              </svg>
            </button>
          </li>
        }
      </ul>
    }
    <input
      type="text"
      [id]="inputId()"
      autocomplete="off"
      [maxLength]="limits.productMax * limits.productsMax"
      [attr.aria-describedby]="describedBy()"
      [attr.aria-invalid]="invalid() ? 'true' : null"
      (keydown.enter)="addTyped($event)"
      (input)="addOnComma($event)"
      (blur)="addTyped($event)"
    />
  `,
  styles: `
    :host {
      display: grid;
      gap: 0.5rem;
    }
    .chips {
      display: flex;
      flex-wrap: wrap;
      gap: 0.375rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    li {
      display: inline-flex;
      align-items: center;
      gap: 0.125rem;
      padding-left: 0.625rem;
      border: 1px solid #b9dbc7;
      border-radius: 999px;
      background: var(--color-accent-soft);
      color: var(--color-accent-strong);
      font-weight: 600;
    }
    button {
      display: inline-grid;
      place-items: center;
      width: 2rem;
      height: 2rem;
      border: 0;
      border-radius: 50%;
      background: none;
      color: inherit;
      cursor: pointer;
    }
    button:hover {
      background: #cfe6d9;
    }
    svg {
      fill: none;
      stroke: currentColor;
      stroke-width: 2.5;
    }
    input {
      width: 100%;
      min-height: 2.875rem;
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--color-border-strong);
      border-radius: var(--radius);
      background: var(--color-surface);
      font: inherit;
      color: inherit;
    }
    input[aria-invalid='true'] {
      border-color: var(--color-error);
      box-shadow: inset 0 0 0 1px var(--color-error);
    }
  `,
})
export class ProductsInput {
  readonly products = input.required<readonly string[]>();
  readonly inputId = input.required<string>();
  readonly describedBy = input<string | null>(null);
  readonly invalid = input(false);
  readonly productsChange = output<string[]>();

  protected readonly t = inject(StaffI18n).t;
  protected readonly limits = LIMITS;

  protected addTyped(event: Event): void {
    const field = event.target as HTMLInputElement;
    // Enter adds a product; it must not submit the whole form.
    if (event.type === 'keydown') event.preventDefault();
    this.add(field.value);
    field.value = '';
  }

  protected addOnComma(event: Event): void {
    const field = event.target as HTMLInputElement;
    if (!field.value.includes(',')) return;
    const parts = field.value.split(',');
    const rest = parts.pop() ?? '';
    this.add(parts.join(','));
    field.value = rest.trimStart();
  }

  protected remove(product: string): void {
    this.productsChange.emit(this.products().filter((candidate) => candidate !== product));
  }

  private add(text: string): void {
    const known = new Set(this.products().map((product) => product.toLocaleLowerCase()));
    const added: string[] = [];
    for (const part of text.split(',')) {
      const product = part.trim().replace(/\s+/g, ' ');
      if (!product || known.has(product.toLocaleLowerCase())) continue;
      known.add(product.toLocaleLowerCase());
      added.push(product);
    }
    if (added.length > 0) this.productsChange.emit([...this.products(), ...added]);
  }
}
