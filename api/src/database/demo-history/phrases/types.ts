import type { Language, ThematicArea } from '@portal/shared';

/**
 * The words of the demo history. A topic is one conversation about a real matter of a
 * producer organization (an audit, the premium plan, a pest, a buyer…): what the member
 * files, the staff's answers, the documents asked for and the resolution, in one language.
 * Texts may hold slots: {product}, {pest}, {place} and {month}.
 */
export interface Topic {
  subject: string;
  description: string;
  /** The staff's first answer. */
  reply: string;
  /** The staff asks the member for something (the request then waits on the member). */
  ask: string;
  /** The member's answer, usually with a file. */
  answer: string;
  /** The staff's news while working on it. */
  followUp: string;
  /** The staff's last message, as the request is resolved. */
  resolution: string;
  /** Names of the files the member and the staff attach (a .pdf or a .png). */
  memberFile: string;
  staffFile: string;
  /** Only for these kinds of organization (default: any). */
  kinds?: readonly ('small-producer' | 'workers')[];
  /** A climate topic about storms and heavy rain, or about drought: filed in its season. */
  weather?: 'storm' | 'dry';
}

export interface ProductWords {
  /** The product as a bare noun ("café", "honey"). */
  name: string;
  /** Its main pest or disease, as a bare noun ("roya", "varroa mites"). */
  pest: string;
}

export interface PhraseBank {
  language: Language;
  products: Readonly<Record<string, ProductWords>>;
  /** January … December, as written inside a sentence. */
  months: readonly string[];
  topics: Readonly<Record<ThematicArea, readonly Topic[]>>;
  /** Opening and closing of a staff message to a member. */
  greeting(firstName: string): string;
  signature(staffName: string): string;
  /** The staff takes a reopened request up again, and resolves it again. */
  resumed: string;
  resolvedAgain: string;
  /** A member's short thanks after news. */
  thanks: readonly string[];
  /** Reason a member gives for reopening, for withdrawing. */
  reopen: readonly string[];
  withdraw: readonly string[];
  /** The reason shown when the request starts waiting on the member. */
  waiting: readonly string[];
  /** Satisfaction comments by how the member rated (4–5, 3, 1–2). */
  comments: { good: readonly string[]; fair: readonly string[]; poor: readonly string[] };
  /** Staff among themselves, in the staff member's language: internal notes, reasons to escalate and to hand over. */
  notes: readonly string[];
  escalation: readonly string[];
  reassignment: readonly string[];
  /** Lines of the generated documents: a title prefix and generic lines. */
  document: { prepared: string; date: string; page: string };
}

export interface Slots {
  product: string;
  pest: string;
  place: string;
  month: string;
}

export function fill(text: string, slots: Slots): string {
  return text.replace(/\{(product|pest|place|month)\}/g, (_, name: keyof Slots) => slots[name]);
}
