import { Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { LIMITS, ORGANIZATION_KINDS, type OrganizationKind, type OrganizationView } from '@portal/shared';

import type { StaffTextKey } from '../core/staff-i18n/staff-texts';
import { describeStaffProblem } from '../core/staff-problem';
import { StaffReference } from '../core/staff-reference';
import { AdminFormPage } from './admin-form-page';
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
export class OrganizationEditPage extends AdminFormPage<OrganizationView, Field> {
  protected readonly idPrefix = 'org';
  protected readonly reference = inject(StaffReference);
  protected readonly kinds = ORGANIZATION_KINDS;

  protected readonly name = signal('');
  protected readonly country = signal('');
  protected readonly kind = signal<OrganizationKind>('small-producer');
  protected readonly products = signal<string[]>([]);
  protected readonly fairtradeId = signal('');

  protected readonly activityMessage = signal<StaffTextKey | null>(null);

  protected readonly localErrors = computed<Partial<Record<Field, string>>>(() => {
    const errors: Partial<Record<Field, string>> = {};
    const name = this.name().trim();
    if (!name) errors.name = this.t('admin.error.required');
    else if (name.length > LIMITS.organizationNameMax)
      errors.name = this.t('admin.error.tooLong', { max: LIMITS.organizationNameMax });
    if (!this.country()) errors.country = this.t('admin.error.required');
    if (this.products().length > LIMITS.productsMax)
      errors.products = this.t('admin.error.tooMany', { max: LIMITS.productsMax });
    else if (this.products().some((product) => product.length > LIMITS.productMax)) {
      errors.products = this.t('admin.error.productTooLong', { max: LIMITS.productMax });
    }
    if (this.fairtradeId().trim().length > LIMITS.fairtradeIdMax) {
      errors.fairtradeId = this.t('admin.error.tooLong', { max: LIMITS.fairtradeIdMax });
    }
    return errors;
  });

  protected fetch(id: string): Promise<OrganizationView> {
    return this.api.organization(id);
  }

  protected fill(organization: OrganizationView): void {
    this.loaded.set(organization);
    this.name.set(organization.name);
    this.country.set(organization.country);
    this.kind.set(organization.kind);
    this.products.set([...organization.products]);
    this.fairtradeId.set(organization.fairtradeId ?? '');
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

  protected save(event: Event): Promise<void> {
    this.activityMessage.set(null);
    return this.submit(event, async () => {
      const fairtradeId = this.fairtradeId().trim();
      const body = {
        name: this.name().trim(),
        country: this.country(),
        kind: this.kind(),
        products: this.products(),
      };
      const id = this.id();
      const saved = id
        ? await this.api.updateOrganization(id, { ...body, fairtradeId: fairtradeId || null })
        : await this.api.createOrganization(fairtradeId ? { ...body, fairtradeId } : body);
      const state: SavedState = { saved: saved.name };
      await this.router.navigate(['/admin/organizations'], { state });
    });
  }

  /** Deactivating keeps the organization's requests and people; it can be undone. */
  protected async setActive(active: boolean): Promise<void> {
    const id = this.id();
    if (!id || this.saving()) return;
    this.saving.set(true);
    this.saveProblem.set(null);
    this.activityMessage.set(null);
    try {
      this.loaded.set(await this.api.updateOrganization(id, { active }));
      this.activityMessage.set(active ? 'admin.reactivated' : 'admin.deactivated');
    } catch (error) {
      this.saveProblem.set(describeStaffProblem(error, this.t));
    } finally {
      this.saving.set(false);
    }
  }

  private forgetServerError(field: Field): void {
    const problem = this.saveProblem();
    if (!problem?.fields[field]) return;
    const { [field]: _forgotten, ...fields } = problem.fields;
    this.saveProblem.set({ ...problem, fields });
  }
}
