/** Reference data as the API serves it, with names in the caller's language. */
export const REGION_CODES = ['CAM', 'CAR', 'AND', 'SUR'] as const;
export type RegionCode = (typeof REGION_CODES)[number];

export const THEMATIC_AREAS = [
  'fair-trade-visibility',
  'market-access',
  'standards-compliance',
  'sustainable-production',
  'climate-resilience',
  'human-rights',
  'social-inclusion',
] as const;
export type ThematicArea = (typeof THEMATIC_AREAS)[number];

export const ORGANIZATION_KINDS = ['small-producer', 'workers'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export interface RegionView {
  code: RegionCode;
  name: string;
}

export interface CountryView {
  code: string;
  name: string;
  region: RegionCode;
  timezone: string;
  languages: string[];
}

export interface ThematicAreaView {
  code: ThematicArea;
  name: string;
}

export interface FunctionalDirectorateView {
  code: string;
  name: string;
}
