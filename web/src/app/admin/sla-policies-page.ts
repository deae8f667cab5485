import { Component, computed, inject, signal } from '@angular/core';
import { type Priority, PRIORITIES, THEMATIC_AREAS, type ThematicArea } from '@portal/shared';

import { StaffI18n, type StaffTextKey } from '../core/staff-i18n/staff-texts';
import { describeStaffProblem, type StaffProblem } from '../core/staff-problem';
import { SlaApi, type SlaPolicyView } from './sla-api';
import { policyErrors, type PolicyDraft, type PolicyErrors } from './sla-policy-rules';

interface RowState {
  readonly saving: boolean;
  readonly saved: boolean;
  readonly problem: StaffProblem | null;
}

const IDLE: RowState = { saving: false, saved: false, problem: null };

/**
 * /admin/sla-policies: the first-response and resolution targets of each thematic area and
 * priority, in business hours, each row edited and saved in place. A change applies to the
 * requests filed after it (the API keeps the due times of those filed before).
 */
@Component({
  selector: 'app-sla-policies-page',
  templateUrl: './sla-policies-page.html',
  styleUrl: './sla-admin.css',
})
export class SlaPoliciesPage {
  private readonly api = inject(SlaApi);
  protected readonly t = inject(StaffI18n).t;
  protected readonly priorities = PRIORITIES;

  protected readonly policies = signal<SlaPolicyView[] | null>(null);
  protected readonly loadProblem = signal<StaffProblem | null>(null);
  protected readonly drafts = signal<Readonly<Record<string, PolicyDraft>>>({});
  protected readonly states = signal<Readonly<Record<string, RowState>>>({});
  /** Rows whose save was tried: their own checks show from then on. */
  private readonly attempted = signal<ReadonlySet<string>>(new Set());

  /** The policies by area, in the order of the areas and priorities. */
  protected readonly areas = computed(() => {
    const policies = this.policies() ?? [];
    return THEMATIC_AREAS.map((area) => ({
      area,
      rows: PRIORITIES.flatMap((priority) =>
        policies.filter((policy) => policy.area === area && policy.priority === priority),
      ),
    })).filter((group) => group.rows.length > 0);
  });

  constructor() {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.loadProblem.set(null);
    try {
      const policies = await this.api.policies();
      this.policies.set(policies);
      this.drafts.set(
        Object.fromEntries(
          policies.map((p) => [
            p.id,
            { firstResponseHours: String(p.firstResponseHours), resolutionHours: String(p.resolutionHours) },
          ]),
        ),
      );
    } catch (error) {
      this.loadProblem.set(describeStaffProblem(error, this.t));
    }
  }

  protected areaKey(area: ThematicArea): StaffTextKey {
    return `inbox.area.${area}`;
  }

  protected priorityKey(priority: Priority): StaffTextKey {
    return `requests.priority.${priority}`;
  }

  protected draft(id: string): PolicyDraft {
    return this.drafts()[id] ?? { firstResponseHours: '', resolutionHours: '' };
  }

  protected state(id: string): RowState {
    return this.states()[id] ?? IDLE;
  }

  protected changed(policy: SlaPolicyView): boolean {
    const draft = this.draft(policy.id);
    return (
      draft.firstResponseHours.trim() !== String(policy.firstResponseHours) ||
      draft.resolutionHours.trim() !== String(policy.resolutionHours)
    );
  }

  /** The row's own checks once a save was tried, then the API's refusal by field. */
  protected errors(id: string): PolicyErrors {
    const own = this.attempted().has(id) ? policyErrors(this.draft(id)) : {};
    const fields = this.state(id).problem?.fields ?? {};
    const message = (key: StaffTextKey | undefined, field: string) =>
      fields[field] ?? (key ? this.t(key, { min: 1, max: field === 'resolutionHours' ? 10000 : 2000 }) : undefined);
    return {
      firstResponseHours: message(own.firstResponseHours, 'firstResponseHours'),
      resolutionHours: message(own.resolutionHours, 'resolutionHours'),
    };
  }

  protected describedBy(id: string, field: keyof PolicyDraft): string | null {
    return this.errors(id)[field] ? `sla-${id}-${field}-error` : null;
  }

  protected edit(id: string, field: keyof PolicyDraft, event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.drafts.update((drafts) => ({ ...drafts, [id]: { ...this.draft(id), [field]: value } }));
    this.setState(id, { ...this.state(id), saved: false, problem: null });
  }

  protected async save(policy: SlaPolicyView, event: Event): Promise<void> {
    event.preventDefault();
    if (this.state(policy.id).saving) return;
    this.attempted.update((ids) => new Set([...ids, policy.id]));
    const draft = this.draft(policy.id);
    if (Object.keys(policyErrors(draft)).length > 0) return;
    this.setState(policy.id, { saving: true, saved: false, problem: null });
    try {
      const saved = await this.api.updatePolicy(policy.id, {
        firstResponseHours: Number(draft.firstResponseHours),
        resolutionHours: Number(draft.resolutionHours),
      });
      this.policies.update((policies) => policies?.map((p) => (p.id === saved.id ? saved : p)) ?? null);
      this.setState(policy.id, { saving: false, saved: true, problem: null });
    } catch (error) {
      this.setState(policy.id, { saving: false, saved: false, problem: describeStaffProblem(error, this.t) });
    }
  }

  protected reset(policy: SlaPolicyView): void {
    this.drafts.update((drafts) => ({
      ...drafts,
      [policy.id]: {
        firstResponseHours: String(policy.firstResponseHours),
        resolutionHours: String(policy.resolutionHours),
      },
    }));
    this.attempted.update((ids) => new Set([...ids].filter((id) => id !== policy.id)));
    this.setState(policy.id, IDLE);
  }

  private setState(id: string, state: RowState): void {
    this.states.update((states) => ({ ...states, [id]: state }));
  }
}
