import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { LOW_SATISFACTION_SCORE, type SatisfactionLinkView, type SatisfactionReason } from '@portal/shared';
import { ConflictException, ValidationException } from '../common/app-exception';
import { AppConfig } from '../config/app-config';
import { NotificationsService } from '../notifications/notifications.service';
import { SlaRepository } from '../sla/sla.repository';
import { readSatisfactionLink, type SatisfactionLinkClaims } from './satisfaction-link';
import {
  SatisfactionClosedException,
  SatisfactionLinkExpiredException,
  SatisfactionLinkInvalidException,
} from './satisfaction.exceptions';
import { type LinkedRequestRow, SatisfactionRepository } from './satisfaction.repository';

/**
 * Satisfaction in one tap: the member's score through the signed link of the resolution
 * email (or its reminder), without signing in, in the same columns as the score given in
 * the portal (so the reports count both alike). A score changes until the request closes;
 * each change is a "rated" entry of the timeline; a low score tells the region's directors.
 */
@Injectable()
export class SatisfactionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly notifications: NotificationsService,
    private readonly repository: SatisfactionRepository,
    private readonly sla: SlaRepository,
  ) {}

  /** What the link's page shows: what is recorded now. */
  view(token: string): Promise<SatisfactionLinkView> {
    return this.withLinkedRequest(token, async (_db, request) => viewOf(request));
  }

  /**
   * Records the score, or changes it; the same score again changes nothing (a second tap,
   * a reloaded page). A low score notifies the region's directors once per request and score.
   */
  score(token: string, score: number): Promise<SatisfactionLinkView> {
    return this.withLinkedRequest(token, async (db, request, claims) => {
      if (request.satisfaction_score === score) return viewOf(request);
      await this.repository.setScore(db, request.id, score, LOW_SATISFACTION_SCORE);
      await this.repository.insertRatedEvent(db, request.id, claims.memberId, request.satisfaction_score, score);
      if (score <= LOW_SATISFACTION_SCORE) await this.notifyDirectors(db, request, score);
      const reasons = score > LOW_SATISFACTION_SCORE ? [] : request.satisfaction_reasons;
      return viewOf({ ...request, satisfaction_score: score, satisfaction_reasons: reasons });
    });
  }

  /** The optional comment and, with a low score, the reasons; replaces those sent before. */
  details(token: string, comment: string | null, reasons: SatisfactionReason[]): Promise<SatisfactionLinkView> {
    return this.withLinkedRequest(token, async (db, request) => {
      if (request.satisfaction_score === null)
        throw new ValidationException({ score: ['record a score (POST /satisfaction-links/score) first'] });
      if (reasons.length > 0 && request.satisfaction_score > LOW_SATISFACTION_SCORE)
        throw new ValidationException({
          reasons: [`reasons go only with a score of ${LOW_SATISFACTION_SCORE} or less`],
        });
      const text = comment ? comment : null;
      await this.repository.setDetails(db, request.id, text, reasons);
      return viewOf({ ...request, satisfaction_comment: text, satisfaction_reasons: reasons });
    });
  }

  /**
   * Checks the link (signature, then expiry), then in one transaction locks the request it
   * names — only its member's, only while resolved — and runs `work` on it.
   */
  private async withLinkedRequest<T>(
    token: string,
    work: (db: EntityManager, request: LinkedRequestRow, claims: SatisfactionLinkClaims) => Promise<T>,
  ): Promise<T> {
    const claims = readSatisfactionLink(this.config.satisfactionLinkSecret, token);
    if (!claims) throw new SatisfactionLinkInvalidException();
    if (claims.expiresAt.getTime() <= Date.now()) throw new SatisfactionLinkExpiredException();
    return this.dataSource.transaction(async (db) => {
      const request = await this.repository.lockLinkedRequest(db, claims.requestId, claims.memberId);
      if (!request) throw new SatisfactionLinkExpiredException();
      if (request.status === 'closed' || request.status === 'withdrawn') throw new SatisfactionClosedException();
      // Reopened: the score waits for the next resolution (whose email brings new links).
      if (request.status !== 'resolved')
        throw new ConflictException(
          'requests.not-resolved',
          'The request was reopened; it can be rated once resolved.',
        );
      return work(db, request, claims);
    });
  }

  private async notifyDirectors(db: EntityManager, request: LinkedRequestRow, score: number): Promise<void> {
    const directors = await this.sla.regionDirectors(db, request.region_code);
    await this.notifications.enqueue(
      db,
      directors.map((director) => ({
        recipientId: director.id,
        kind: 'request.low-score' as const,
        requestId: request.id,
        // Once per request and low score: tapping 1, 4, 1 again tells the director once.
        eventKey: `satisfaction:${request.id}:low:${score}`,
        params: {
          reference: request.reference,
          subject: request.subject,
          organization: request.organization,
          assignee: request.assignee_name ?? undefined,
          score,
        },
      })),
    );
  }
}

function viewOf(request: LinkedRequestRow): SatisfactionLinkView {
  return {
    reference: request.reference,
    score: request.satisfaction_score,
    comment: request.satisfaction_comment,
    reasons: request.satisfaction_reasons,
  };
}
