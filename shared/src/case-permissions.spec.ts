import {
  CASE_ACTIONS,
  CASE_PERMISSIONS,
  coverageTier,
  mayActOnCase,
  mayAssignTo,
  mayWorkInRegion,
  transitionAction,
} from './case-permissions.js';
import { rolesWith } from './permissions.js';
import { ROLES } from './roles.js';

const andeanCase = { assigneeId: 'rep-1', region: 'AND', organizationId: 'org-1' };
const actor = (
  role: (typeof ROLES)[number],
  extra: { id?: string; region?: string; organizationId?: string } = {},
) => ({
  id: extra.id ?? 'someone',
  role,
  region: extra.region ?? null,
  organizationId: extra.organizationId ?? null,
});

describe('the case-permission table', () => {
  it('names every role and only known actions', () => {
    expect(Object.keys(CASE_PERMISSIONS).sort()).toEqual([...ROLES].sort());
    for (const role of ROLES)
      for (const action of Object.keys(CASE_PERMISSIONS[role])) expect(CASE_ACTIONS).toContain(action);
  });

  it('lets staff comment on any case they see, and change only their own', () => {
    const colleague = actor('representative');
    const assignee = actor('representative', { id: 'rep-1' });
    for (const action of CASE_ACTIONS) {
      expect({ action, allowed: mayActOnCase(colleague, andeanCase, action) }).toEqual({
        action,
        allowed: action === 'reply' || action === 'internal-note',
      });
    }
    expect(mayActOnCase(assignee, andeanCase, 'resolve')).toBe(true);
    expect(mayActOnCase(assignee, andeanCase, 'claim')).toBe(false);
  });

  it("lets a director work its region's cases and those assigned to it, and claim only in its region", () => {
    expect(mayActOnCase(actor('director', { region: 'AND' }), andeanCase, 'claim')).toBe(true);
    expect(mayActOnCase(actor('director', { region: 'CAM' }), andeanCase, 'status')).toBe(false);
    const holding = actor('director', { id: 'rep-1', region: 'CAM' });
    expect(mayActOnCase(holding, andeanCase, 'status')).toBe(true);
    expect(mayActOnCase(holding, andeanCase, 'claim')).toBe(false);
  });

  it('lets staff claim an unassigned case their coverage matches at any tier, and no other', () => {
    const peruClimate = {
      assigneeId: null,
      region: 'AND',
      organizationId: 'org-1',
      country: 'PE',
      area: 'climate-resilience',
    };
    const covering = (
      coverage: { country?: string; region?: 'AND' | 'CAM'; area?: 'climate-resilience' | 'market-access' }[],
    ) => ({ ...actor('specialist'), coverage });
    expect(mayActOnCase(covering([{ region: 'AND', area: 'climate-resilience' }]), peruClimate, 'claim')).toBe(true);
    expect(mayActOnCase(covering([{ country: 'PE' }]), peruClimate, 'claim')).toBe(true);
    expect(mayActOnCase(covering([{ area: 'climate-resilience' }]), peruClimate, 'claim')).toBe(true);
    expect(mayActOnCase(covering([{ country: 'BO' }, { region: 'CAM' }]), peruClimate, 'claim')).toBe(false);
    expect(mayActOnCase(covering([{ country: 'PE', area: 'market-access' }]), peruClimate, 'claim')).toBe(false);
    // Held by someone: taking it over is a reassignment, not a claim.
    expect(mayActOnCase(covering([{ country: 'PE' }]), { ...peruClimate, assigneeId: 'rep-1' }, 'claim')).toBe(false);
    // Without the case's country and area (or the caller's coverage) there is no coverage relation.
    expect(mayActOnCase(covering([{ country: 'PE' }]), { ...peruClimate, country: undefined }, 'claim')).toBe(false);
    expect(mayActOnCase(actor('representative'), peruClimate, 'claim')).toBe(false);
  });

  it('says at which routing tier a coverage entry matches a case', () => {
    const target = { country: 'PE', region: 'AND', area: 'climate-resilience' };
    expect(coverageTier({ country: 'PE', area: 'climate-resilience' }, target)).toBe(1);
    expect(coverageTier({ country: 'PE' }, target)).toBe(2);
    expect(coverageTier({ region: 'AND', area: 'climate-resilience' }, target)).toBe(3);
    expect(coverageTier({ region: 'AND' }, target)).toBe(4);
    expect(coverageTier({ area: 'climate-resilience' }, target)).toBe(5);
    expect(coverageTier({ country: 'BO' }, target)).toBeNull();
    expect(coverageTier({ country: 'PE', area: 'market-access' }, target)).toBeNull();
    expect(coverageTier({ region: 'CAM' }, target)).toBeNull();
    expect(coverageTier({ area: 'market-access' }, target)).toBeNull();
  });

  it("gives a member its organization's cases only, and the executive nothing", () => {
    expect(mayActOnCase(actor('member', { organizationId: 'org-1' }), andeanCase, 'reply')).toBe(true);
    expect(mayActOnCase(actor('member', { organizationId: 'org-2' }), andeanCase, 'reply')).toBe(false);
    expect(mayActOnCase(actor('member', { organizationId: 'org-1', id: 'rep-1' }), andeanCase, 'priority')).toBe(false);
    for (const action of CASE_ACTIONS) expect(mayActOnCase(actor('executive'), andeanCase, action)).toBe(false);
  });

  it("gives the routes the roles the API's route snapshot lists", () => {
    expect(rolesWith('case.priority', 'case.area')).toEqual(['representative', 'specialist', 'director', 'admin']);
    expect(rolesWith('case.reply', 'case.internal-note')).toEqual([
      'member',
      'representative',
      'specialist',
      'director',
      'admin',
    ]);
    expect(rolesWith('case.status', 'case.resolve')).toEqual([
      'member',
      'representative',
      'specialist',
      'director',
      'admin',
    ]);
    expect(rolesWith('case.reassign', 'case.claim')).toEqual(['representative', 'specialist', 'director', 'admin']);
    expect(rolesWith('case.escalate')).toEqual(['representative', 'specialist']);
    expect(rolesWith('case.rate')).toEqual(['member']);
  });

  it('tells resolving from other status changes', () => {
    expect(transitionAction('resolved')).toBe('resolve');
    expect(transitionAction('waiting_on_member')).toBe('status');
  });
});

describe('who may work in a region', () => {
  it("is the region's director, an admin, and staff with coverage there or of an area anywhere", () => {
    expect(mayWorkInRegion({ role: 'director', region: 'AND', coverageRegions: ['AND'] }, 'AND')).toBe(true);
    expect(mayWorkInRegion({ role: 'director', region: 'CAM', coverageRegions: ['CAM'] }, 'AND')).toBe(false);
    expect(mayWorkInRegion({ role: 'admin', region: null, coverageRegions: [] }, 'AND')).toBe(true);
    expect(mayWorkInRegion({ role: 'representative', region: null, coverageRegions: ['SUR', 'AND'] }, 'AND')).toBe(
      true,
    );
    expect(mayWorkInRegion({ role: 'specialist', region: null, coverageRegions: [null] }, 'CAR')).toBe(true);
    expect(mayWorkInRegion({ role: 'representative', region: null, coverageRegions: ['SUR'] }, 'AND')).toBe(false);
    expect(mayWorkInRegion({ role: 'representative', region: null, coverageRegions: [] }, 'AND')).toBe(false);
    expect(mayWorkInRegion({ role: 'executive', region: null, coverageRegions: [null] }, 'AND')).toBe(false);
  });

  it('binds everyone but admins', () => {
    const otherRegionDirector = { role: 'director' as const, region: 'CAM', coverageRegions: ['CAM'] };
    expect(mayAssignTo(actor('director', { region: 'AND' }), otherRegionDirector, 'AND')).toBe(false);
    expect(mayAssignTo(actor('admin'), otherRegionDirector, 'AND')).toBe(true);
  });
});
