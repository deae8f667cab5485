import type { OrganizationKind } from './reference.js';

export interface OrganizationView {
  id: string;
  name: string;
  country: string;
  region: string;
  kind: OrganizationKind;
  products: string[];
  fairtradeId: string | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface CreateOrganizationBody {
  name: string;
  country: string;
  kind: OrganizationKind;
  products?: string[];
  fairtradeId?: string | null;
}

export type UpdateOrganizationBody = Partial<CreateOrganizationBody> & { active?: boolean };
