import { httpResource } from '@angular/common/http';
import { Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import {
  can,
  type QualityFigures,
  type QualityGroup,
  QUALITY_GROUPS,
  type QualityReport,
  type Role,
  type SatisfactionReason,
  SATISFACTION_SCORES,
} from '@portal/shared';

import { API_BASE_URL } from '../../core/api';
import { reportFormats } from '../report-formats';
import { ReportsApi } from '../reports-api';
import { QualityI18n, type QualityKey } from './quality-texts';

let nextId = 0;

/** What the member said went wrong, said for the director. */
const REASON_LABELS: Record<SatisfactionReason, QualityKey> = {
  slow: 'quality.reason.slow',
  'not-solved': 'quality.reason.not-solved',
  'hard-to-understand': 'quality.reason.hard-to-understand',
  'not-my-language': 'quality.reason.not-my-language',
  other: 'quality.reason.other',
};

/** Low scores shown before "show all". */
const FIRST_COMMENTS = 5;

/**
 * The dashboard's quality section (GET /reports/quality): ratings and response rate, the
 * scores given, first response and resolution against their due times, per region, country,
 * area, assignee or organization; the newest low scores with the members' comments; a CSV.
 * Its own grouping, so the load charts above keep theirs.
 */
@Component({
  selector: 'app-quality-section',
  imports: [RouterLink],
  templateUrl: './quality-section.html',
  styleUrl: './quality-section.css',
})
export class QualitySection {
  private readonly api = inject(ReportsApi);
  private readonly i18n = inject(QualityI18n);
  protected readonly reasonLabels = REASON_LABELS;

  /** The dashboard's API parameters (period, time zone, region, area). */
  readonly params = input.required<Record<string, string>>();
  readonly role = input.required<Role>();

  protected readonly t = this.i18n.t;
  protected readonly formats = computed(() => reportFormats(this.i18n.language()));
  protected readonly scores = [...SATISFACTION_SCORES].reverse();
  protected readonly id = `quality-${nextId++}`;

  /** By region only for those who see every region. */
  protected readonly groups = computed(() =>
    QUALITY_GROUPS.filter((group) => group !== 'region' || can(this.role(), 'reports.all-regions')),
  );
  protected readonly group = linkedSignal<QualityGroup>(() => this.groups()[0]);

  private readonly resource = httpResource<QualityReport>(() => ({
    url: `${API_BASE_URL}/reports/quality`,
    params: { ...this.params(), groupBy: this.group() },
    headers: { 'Accept-Language': this.i18n.language() },
  }));
  /** The last report received, kept on screen while the next one loads. */
  protected readonly report = linkedSignal<QualityReport | undefined, QualityReport | undefined>({
    source: () => (this.resource.hasValue() ? this.resource.value() : undefined),
    computation: (loaded, previous) => loaded ?? (this.resource.error() ? undefined : previous?.value),
  });
  protected readonly busy = computed(() => this.resource.isLoading());
  protected readonly failed = computed(() => this.resource.error() !== undefined);

  /** A phone shows the first few low scores; the rest on demand. */
  protected readonly allComments = signal(false);
  protected readonly downloading = signal(false);
  protected readonly downloadFailed = signal(false);

  protected shownComments(report: QualityReport): QualityReport['lowScoreComments'] {
    return this.allComments() ? report.lowScoreComments : report.lowScoreComments.slice(0, FIRST_COMMENTS);
  }

  protected groupKey(group: QualityGroup): QualityKey {
    return `quality.group.${group}`;
  }

  protected chooseGroup(value: string): void {
    const group = this.groups().find((g) => g === value);
    if (group) this.group.set(group);
  }

  /** A score's share of the ratings, for its bar and its text. */
  protected share(figures: QualityFigures, score: number): number {
    return figures.ratings > 0 ? figures.scores[String(score) as '1'] / figures.ratings : 0;
  }

  protected scoreCount(figures: QualityFigures, score: number): number {
    return figures.scores[String(score) as '1'];
  }

  /** A row's cells after its name, in the columns' order. */
  protected cells(f: QualityFigures): string[] {
    const format = this.formats();
    return [
      format.count(f.resolved),
      format.count(f.ratings),
      format.percent(f.responseRate),
      format.decimal(f.averageScore),
      ...this.scores.map((score) => format.count(this.scoreCount(f, score))),
      format.decimal(f.medianFirstResponseHours),
      format.percent(f.firstResponseOnTimeRate),
      format.decimal(f.medianResolutionHours),
      format.percent(f.resolutionOnTimeRate),
      format.count(f.breached),
    ];
  }

  protected retry(): void {
    this.resource.reload();
  }

  protected async downloadCsv(): Promise<void> {
    if (this.downloading()) return;
    this.downloading.set(true);
    this.downloadFailed.set(false);
    try {
      await this.api.download(
        'quality',
        'csv',
        { ...this.params(), groupBy: this.group() },
        this.i18n.language(),
        'quality.csv',
      );
    } catch {
      this.downloadFailed.set(true);
    } finally {
      this.downloading.set(false);
    }
  }
}
