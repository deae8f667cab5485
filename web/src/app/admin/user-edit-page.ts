import { Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import {
  type AdminUserView,
  belongsToOrganization,
  can,
  type CoverageEntry,
  directsRegion,
  type Language,
  LANGUAGES,
  LIMITS,
  ORGANIZATION_ROLE,
  type OrganizationRef,
  REGION_CODES,
  type RegionCode,
  ROLES,
  type Role,
  type UpdateUserBody,
} from '@portal/shared';

import { LocalDates } from '../core/local-dates';
import type { StaffTextKey } from '../core/staff-i18n/staff-texts';
import { describeStaffProblem, type StaffProblem } from '../core/staff-problem';
import { LANGUAGE_NAMES } from '../i18n/language-names';
import { AdminFormPage } from './admin-form-page';
import { type SavedState, savedStateFromNavigation } from './admin-navigation';
import { AvailabilitySwitch } from './availability-switch';
import { CoverageEditor } from './coverage-editor';
import { PersonDataSection } from './person-data-section';
import { OrganizationPicker } from './organization-picker';

type Field = 'email' | 'name' | 'role' | 'language' | 'organizationId' | 'region' | 'contact';

/** Deliberately loose: the API has the last word; this only catches obvious typos. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Roles that routing may choose, and so that have coverage and availability. */
function isRoutable(role: Role): boolean {
  return can(role, 'requests.work');
}

/**
 * Registers a person (/admin/users/new) or manages one (/admin/users/:id): profile, and for
 * case workers availability and coverage, each saved on its own; and deactivation.
 */
@Component({
  selector: 'app-user-edit-page',
  imports: [RouterLink, AvailabilitySwitch, CoverageEditor, OrganizationPicker, PersonDataSection],
  templateUrl: './user-edit-page.html',
  styleUrl: './admin-form.css',
})
export class UserEditPage extends AdminFormPage<AdminUserView, Field> {
  protected readonly idPrefix = 'user';
  protected readonly dates = inject(LocalDates);
  protected readonly roles = ROLES;
  protected readonly languages = LANGUAGES;
  protected readonly languageNames = LANGUAGE_NAMES;
  protected readonly regions = REGION_CODES;
  /** Set when this page opens right after inviting the person. */
  protected readonly justInvited = savedStateFromNavigation(this.router);

  protected readonly email = signal('');
  protected readonly name = signal('');
  protected readonly role = signal<Role>(ORGANIZATION_ROLE);
  protected readonly language = signal<Language>('es');
  protected readonly organization = signal<OrganizationRef | null>(null);
  protected readonly region = signal<RegionCode | ''>('');
  protected readonly contact = signal(false);

  protected readonly profileSaved = signal(false);

  protected readonly savingAvailability = signal(false);
  protected readonly availabilityProblem = signal<StaffProblem | null>(null);
  protected readonly availabilitySaved = signal(false);

  protected readonly savingCoverage = signal(false);
  protected readonly coverageProblem = signal<StaffProblem | null>(null);
  protected readonly coverageSaved = signal(false);

  protected readonly sendingInvitation = signal(false);
  protected readonly invitationMessage = signal<string | null>(null);
  protected readonly invitationProblem = signal<string | null>(null);

  protected readonly savingAccess = signal(false);
  protected readonly accessProblem = signal<StaffProblem | null>(null);
  protected readonly accessMessage = signal<StaffTextKey | null>(null);

  protected readonly isMember = computed(() => belongsToOrganization(this.role()));
  /** Availability and coverage follow the saved role: they are saved apart from the profile. */
  protected readonly routable = computed(() => {
    const user = this.loaded();
    return user !== null && isRoutable(user.role);
  });
  /** A member may not keep coverage: turning a case worker into a member removes it. */
  protected readonly losesCoverage = computed(() => this.isMember() && (this.loaded()?.coverage.length ?? 0) > 0);

  protected readonly localErrors = computed<Partial<Record<Field, string>>>(() => {
    const errors: Partial<Record<Field, string>> = {};
    const email = this.email().trim();
    if (this.creating()) {
      if (!email) errors.email = this.t('admin.error.required');
      else if (!EMAIL_SHAPE.test(email) || email.length > LIMITS.emailMax) errors.email = this.t('admin.error.email');
    }
    const name = this.name().trim();
    if (!name) errors.name = this.t('admin.error.required');
    else if (name.length > LIMITS.nameMax) errors.name = this.t('admin.error.tooLong', { max: LIMITS.nameMax });
    if (this.isMember() && !this.organization()) errors.organizationId = this.t('admin.error.organizationRequired');
    if (directsRegion(this.role()) && !this.region()) errors.region = this.t('admin.error.regionRequired');
    return errors;
  });

  protected fetch(id: string): Promise<AdminUserView> {
    return this.api.user(id);
  }

  protected fill(user: AdminUserView): void {
    this.loaded.set(user);
    this.email.set(user.email);
    this.name.set(user.name);
    this.role.set(user.role);
    this.language.set(user.language);
    this.organization.set(user.organization);
    this.region.set(user.region ?? '');
    this.contact.set(user.contact);
  }

  protected setText(field: 'email' | 'name', event: Event): void {
    this[field].set((event.target as HTMLInputElement).value);
    this.profileSaved.set(false);
  }

  protected setRole(event: Event): void {
    this.role.set((event.target as HTMLSelectElement).value as Role);
    this.profileSaved.set(false);
  }

  protected setLanguage(event: Event): void {
    this.language.set((event.target as HTMLSelectElement).value as Language);
    this.profileSaved.set(false);
  }

  protected setRegion(event: Event): void {
    this.region.set((event.target as HTMLSelectElement).value as RegionCode | '');
    this.profileSaved.set(false);
  }

  protected setOrganization(organization: OrganizationRef): void {
    this.organization.set(organization);
    this.profileSaved.set(false);
  }

  protected setContact(event: Event): void {
    this.contact.set((event.target as HTMLInputElement).checked);
    this.profileSaved.set(false);
  }

  protected roleKey(role: Role): StaffTextKey {
    return `role.${role}`;
  }

  protected regionKey(region: RegionCode): StaffTextKey {
    return `region.${region}`;
  }

  /** The profile's fields for the role: a member has an organization, staff may have a region. */
  private profileBody(): UpdateUserBody {
    const member = this.isMember();
    return {
      name: this.name().trim(),
      role: this.role(),
      language: this.language(),
      organizationId: member ? (this.organization()?.id ?? null) : null,
      region: member ? null : this.region() || null,
      contact: member && this.contact(),
    };
  }

  protected saveProfile(event: Event): Promise<void> {
    this.profileSaved.set(false);
    return this.submit(event, async () => {
      const id = this.id();
      if (id) {
        const body: UpdateUserBody = this.profileBody();
        if (this.losesCoverage()) body.coverage = [];
        this.fill(await this.api.updateUser(id, body));
        this.profileSaved.set(true);
      } else {
        // An invitation registers the person and emails it a link to choose its password.
        const profile = this.profileBody();
        const invitation = await this.api.invite({
          email: this.email().trim(),
          name: profile.name ?? '',
          role: profile.role ?? ORGANIZATION_ROLE,
          language: profile.language,
          ...(profile.organizationId ? { organizationId: profile.organizationId } : {}),
          ...(profile.region ? { region: profile.region } : {}),
        });
        // Invitations do not carry the contact flag: set it on the new person.
        if (profile.contact) await this.api.updateUser(invitation.id, { contact: true });
        const state: SavedState = { saved: invitation.email, invitedUntil: invitation.expiresAt };
        await this.router.navigate(['/admin/users', invitation.id], { state, replaceUrl: true });
      }
    });
  }

  /** Saved at once: leave starts when the switch is flipped, not when a form is sent. */
  protected async saveAvailability(available: boolean): Promise<void> {
    const user = this.loaded();
    if (!user || this.savingAvailability()) return;
    this.savingAvailability.set(true);
    this.availabilityProblem.set(null);
    this.availabilitySaved.set(false);
    // Show the new state at once; put it back if the API refuses.
    this.loaded.set({ ...user, available });
    try {
      this.loaded.set(await this.api.updateUser(user.id, { available }));
      this.availabilitySaved.set(true);
    } catch (error) {
      this.loaded.set(user);
      this.availabilityProblem.set(describeStaffProblem(error, this.t));
    } finally {
      this.savingAvailability.set(false);
    }
  }

  protected async saveCoverage(coverage: CoverageEntry[]): Promise<void> {
    const user = this.loaded();
    if (!user || this.savingCoverage()) return;
    this.savingCoverage.set(true);
    this.coverageProblem.set(null);
    this.coverageSaved.set(false);
    try {
      this.loaded.set(await this.api.updateUser(user.id, { coverage }));
      this.coverageSaved.set(true);
    } catch (error) {
      this.coverageProblem.set(describeStaffProblem(error, this.t));
    } finally {
      this.savingCoverage.set(false);
    }
  }

  /** A new link for a person who has not chosen a password yet (the previous one stops working). */
  protected async sendInvitationAgain(): Promise<void> {
    const user = this.loaded();
    if (!user || this.sendingInvitation()) return;
    this.sendingInvitation.set(true);
    this.invitationMessage.set(null);
    this.invitationProblem.set(null);
    try {
      const invitation = await this.api.invite({
        email: user.email,
        name: user.name,
        role: user.role,
        language: user.language,
      });
      this.invitationMessage.set(
        this.t('admin.user.invited', { email: invitation.email, date: this.dates.dateTime(invitation.expiresAt) }),
      );
    } catch (error) {
      const problem = describeStaffProblem(error, this.t);
      this.invitationProblem.set(
        problem.code === 'users.email-taken' ? this.t('admin.user.alreadyJoined') : problem.message,
      );
    } finally {
      this.sendingInvitation.set(false);
    }
  }

  /** A lost phone: the person signs in with the password alone until it turns two-factor on again. */
  protected resetTwoFactor(): Promise<void> {
    return this.accessAction(async (user) => {
      await this.api.resetTwoFactor(user.id);
      this.accessMessage.set('admin.user.twoFactorReset');
    });
  }

  /** Deactivating keeps the person's requests and messages, and ends its sessions. */
  protected setActive(active: boolean): Promise<void> {
    return this.accessAction(async (user) => {
      this.loaded.set(await this.api.updateUser(user.id, { active }));
      this.accessMessage.set(active ? 'admin.reactivated' : 'admin.deactivated');
    });
  }

  /** One change of the person's access at a time, its problem shown under the buttons. */
  private async accessAction(change: (user: AdminUserView) => Promise<void>): Promise<void> {
    const user = this.loaded();
    if (!user || this.savingAccess()) return;
    this.savingAccess.set(true);
    this.accessProblem.set(null);
    this.accessMessage.set(null);
    try {
      await change(user);
    } catch (error) {
      this.accessProblem.set(describeStaffProblem(error, this.t));
    } finally {
      this.savingAccess.set(false);
    }
  }
}
