import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type CasePresence, PRESENCE_TTL_SECONDS, type PresenceState } from '@portal/shared';
import type { AuthUser } from '../auth/auth-user';
import { NotFoundException } from '../common/app-exception';
import { PresenceRepository } from './presence.repository';

/**
 * Who else has a case open. Kept in the database with an expiry, so every API replica answers
 * the same and a closed tab fades out without a goodbye.
 */
@Injectable()
export class PresenceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: PresenceRepository,
  ) {}

  /** The caller is on the request (viewing or writing): answers who else is. 404: not a request the caller sees. */
  async report(caller: AuthUser, requestId: string, state: PresenceState): Promise<CasePresence> {
    await this.repository.deleteExpired(this.dataSource);
    if (!(await this.repository.report(this.dataSource, caller, requestId, state, PRESENCE_TTL_SECONDS)))
      throw new NotFoundException('request');
    const others = await this.repository.others(this.dataSource, requestId, caller.id);
    return {
      others: others.map((row) => ({
        id: row.user_id,
        name: row.name,
        state: row.state,
        seenAt: row.seen_at.toISOString(),
      })),
    };
  }

  /** The caller left the page: gone for the others at once rather than when it expires. */
  async leave(caller: AuthUser, requestId: string): Promise<void> {
    await this.repository.leave(this.dataSource, requestId, caller.id);
  }
}
