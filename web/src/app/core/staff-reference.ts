import { httpResource } from '@angular/common/http';
import { computed, inject, Injectable, linkedSignal } from '@angular/core';
import { type CountryView, REGION_CODES, type RegionCode } from '@portal/shared';

import { I18n } from '../i18n/i18n';
import { API_BASE_URL } from './api';

export interface CountryGroup {
  readonly region: RegionCode;
  readonly countries: readonly CountryView[];
}

/**
 * The countries the network serves (GET /reference/countries), named in the interface
 * language and loaded again when it changes. Regions and thematic areas need no call: their
 * codes are in the shared library and their names in the dictionaries.
 */
@Injectable({ providedIn: 'root' })
export class StaffReference {
  private readonly i18n = inject(I18n);
  private readonly countriesResource = httpResource<CountryView[]>(() => ({
    url: `${API_BASE_URL}/reference/countries`,
    headers: { 'Accept-Language': this.i18n.language() },
  }));

  /** Kept while the next language's names load, so selects do not empty meanwhile. */
  readonly countries = linkedSignal<CountryView[] | undefined, readonly CountryView[]>({
    source: () => (this.countriesResource.hasValue() ? this.countriesResource.value() : undefined),
    computation: (loaded, previous) => loaded ?? previous?.value ?? [],
  });

  /** Countries by region, in the order of the regions, each sorted by name (the API's order). */
  readonly countryGroups = computed<readonly CountryGroup[]>(() =>
    REGION_CODES.map((region) => ({
      region,
      countries: this.countries().filter((country) => country.region === region),
    })),
  );

  private readonly namesByCode = computed(
    () => new Map(this.countries().map((country) => [country.code, country.name])),
  );
  private readonly displayNames = computed(() => {
    try {
      return new Intl.DisplayNames([this.i18n.language()], { type: 'region', fallback: 'code' });
    } catch {
      return null;
    }
  });

  /** A country's name in the interface language; the platform's name until the list is loaded. */
  countryName(code: string): string {
    return this.namesByCode().get(code) ?? this.displayNames()?.of(code) ?? code;
  }

  /** The region a country belongs to, when the list is loaded. */
  regionOf(code: string): RegionCode | null {
    return this.countries().find((country) => country.code === code)?.region ?? null;
  }
}
