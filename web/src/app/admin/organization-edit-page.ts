import { Component, computed, effect, ElementRef, inject, input, signal, untracked } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { LIMITS, ORGANIZATION_KINDS, type OrganizationKind, type OrganizationView } from '@portal/shared';

import { StaffI18n, type StaffTextKey } from '../core/staff-i18n/staff-texts';
import { describeStaffProblem, type StaffProblem } from '../core/staff-problem';
import { StaffReference } from '../core/staff-reference';
import { AdminApi } from './admin-api';
import type { SavedState } from './admin-navigation';
import { ProductsInput } from './products-input';

type Field = 'name' | 'country' | 'kind' | 'products' | 'fairtradeId';

/** Registers a member organization (/admin/organizations/new) or edits one (/admin/organizations/:id). */
@Component({
  selector: 'app-organization-edit-page',
  imports: [RouterLink, ProductsInput],
  templateUrl: './organization-edit-page.html',
  styleUrl: './admin-form.css',
})
export class OrganizationEditPage {
  /** From the route; absent on /new. */
  readonly id = input<string>();

  private readonly api = inject(AdminApi);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly t = inject(StaffI18n).t;
  protected readonly reference = inject(StaffReference);
  protected readonly limits = LIMITS;
  protected readonly kinds = ORGANIZATION_KINDS;

  protected readonly loaded = signal<OrganizationView | null>(null);
  protected readonly loadProblem = signal<StaffProblem | null>(null);
  protected readonly name = signal('');
  protected readonly country = signal('');
  protected readonly kind = signal<OrganizationKind>('small-producer');
  protected readonly products = signal<string[]>([]);
  protected readonly fairtradeId = signal('');

  protected readonly submitAttempted = signal(false);
  protected readonly saving = signal(false);
  protected readonly serverProblem = signal<StaffProblem | null>(null);
  protected readonly activityMessage = signal<StaffTextKey | null>(null);

  protected readonly creating = computed(() => !this.id());
  protected readonly ready = computed(() => this.creating() || this.loaded() !== null);

  /** What the person must fix before saving; server errors are added once it answers. */
  private readonly localErrors = computed<Partial<Record<Field, string>>>(() => {
    const errors: Partial<Record<Field, string>> = {};
    const name = this.name().trim();
    if (!name) errors.name = this.t('admin.error.required');
    else if (name.length > LIMITS.organizationNameMax) errors.name = this.t('admin.error.tooLong', { max: LIMITS.organizationNameMax });
    if (!this.country()) errors.country = this.t('admin.error.required');
    if (this.products().length > LIMITS.productsMax) errors.products = this.t('admin.error.tooMany', { max: LIMITS.productsMax });
    else if (this.products().some((product) => product.length > LIMITS.productMax)) {
      errors.products = this.t('admin.error.productTooLong', { max: LIMITS.productMax });
    }
    if (this.fairtradeId().trim().length > LIMITS.fairtradeIdMax) {
      errors.fairtradeId = this.t('admin.error.tooLong', { max: LIMITS.fairtradeIdMax });
    }
    return errors;
  });

  protected readonly errors = computed<Partial<Record<Field, string>>>(() => ({
    ...(this.submitAttempted() ? this.localErrors() : {}),
    ...(this.serverProblem()?.fields ?? {}),
  }));

  constructor() {
    effect(() => {
      const id = this.id();
      if (id) untracked(() => void this.load(id));
    });
  }

  private async load(id: string): Promise<void> {
    try {
      const organization = await this.api.organization(id);
      this.loaded.set(organization);
      this.name.set(organization.name);
      this.country.set(organization.country);
      this.kind.set(organization.kind);
      this.products.set([...organization.products]);
      this.fairtradeId.set(organization.fairtradeId ?? '');
    } catch (error) {
      this.loadProblem.set(describeStaffProblem(error, this.t));
    }
  }

  protected setText(field: 'name' | 'fairtradeId', event: Event): void {
    this[field].set((event.target as HTMLInputElement).value);
    this.forgetServerError(field);
  }

  protected setCountry(event: Event): void {
    this.country.set((event.target as HTMLSelectElement).value);
    this.forgetServerError('country');
    this.forgetServerError('name'); // "name taken" was about this name in the previous country.
  }

  protected setKind(kind: OrganizationKind): void {
    this.kind.set(kind);
  }

  protected setProducts(products: string[]): void {
    this.products.set(products);
    this.forgetServerError('products');
  }

  protected kindKey(kind: OrganizationKind): StaffTextKey {
    return `admin.org.kind.${kind}`;
  }

  protected regionKey(region: string): StaffTextKey {
    return `region.${region}` as StaffTextKey;
  }

  protected describedBy(field: Field, hint?: string): string | null {
    const ids = [hint, this.errors()[field] ? `org-${field}-error` : undefined].filter(Boolean);
    return ids.length > 0 ? ids.join(' ') : null;
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    if (this.saving()) return;
    this.submitAttempted.set(true);
    this.serverProblem.set(null);
    this.activityMessage.set(null);
    if (Object.keys(this.localErrors()).length > 0) return this.focusFirstError();

    const fairtradeId = this.fairtradeId().trim();
    const body = {
      name: this.name().trim(),
      country: this.country(),
      kind: this.kind(),
      products: this.products(),
    };
    this.saving.set(true);
    try {
      const id = this.id();
      const saved = id
        ? await this.api.updateOrganization(id, { ...body, fairtradeId: fairtradeId || null })
        : await this.api.createOrganization(fairtradeId ? { ...body, fairtradeId } : body);
      const state: SavedState = { saved: saved.name };
      await this.router.navigate(['/admin/organizations'], { state });
    } catch (error) {
      this.serverProblem.set(describeStaffProblem(error, this.t));
      this.focusFirstError();
    } finally {
      this.saving.set(false);
    }
  }

  /** Deactivating keeps the organization's requests and people; it can be undone. */
  protected async setActive(active: boolean): Promise<void> {
    const id = this.id();
    if (!id || this.saving()) return;
    this.saving.set(true);
    this.serverProblem.set(null);
    this.activityMessage.set(null);
    try {
      this.loaded.set(await this.api.updateOrganization(id, { active }));
      this.activityMessage.set(active ? 'admin.reactivated' : 'admin.deactivated');
    } catch (error) {
      this.serverProblem.set(describeStaffProblem(error, this.t));
    } finally {
      this.saving.set(false);
    }
  }

  private forgetServerError(field: Field): void {
    const problem = this.serverProblem();
    if (!problem?.fields[field]) return;
    const { [field]: _forgotten, ...fields } = problem.fields;
    this.serverProblem.set({ ...problem, fields });
  }

  /** Takes the person to the first field to fix, or to the form's message when no field is at fault. */
  private focusFirstError(): void {
    setTimeout(() => {
      const root = this.host.nativeElement;
      const target = root.querySelector<HTMLElement>('[aria-invalid="true"]') ?? root.querySelector<HTMLElement>('.form-error');
      target?.focus();
    });
  }
}
