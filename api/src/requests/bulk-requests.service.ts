import { Injectable } from '@nestjs/common';
import type { BulkItemResult, BulkResult, RequestView } from '@portal/shared';
import type { AuthUser } from '../auth/auth-user';
import { AppException, toProblemDocument, ValidationException } from '../common/app-exception';
import type { BulkRequestsDto } from './bulk.dto';
import { RequestsService } from './requests.service';

/**
 * POST /requests/bulk: one change on several cases, each through its one-case command
 * (transition, PATCH priority, assign/claim) in a transaction of its own. A case refused (the
 * case-permission rule, the lifecycle, a version changed since the caller saw it, a closed
 * case) is rolled back alone and answered with its problem document; the others stay done.
 */
@Injectable()
export class BulkRequestsService {
  constructor(private readonly requests: RequestsService) {}

  async apply(caller: AuthUser, body: BulkRequestsDto): Promise<BulkResult> {
    const seen = new Set<string>();
    body.items.forEach((item, index) => {
      const id = item.id.toLowerCase();
      if (seen.has(id)) throw new ValidationException({ [`items.${index}.id`]: ['each request may appear only once'] });
      seen.add(id);
    });
    const results: BulkItemResult[] = [];
    // One after the other: each case's transaction commits before the next starts, so a
    // refusal in the middle never undoes the cases before it.
    for (const item of body.items) {
      try {
        results.push({ id: item.id, ok: true, request: await this.change(caller, body, item.id, item.version) });
      } catch (error) {
        // Anything else is a bug and answers 500 (the cases before it stay changed).
        if (!(error instanceof AppException)) throw error;
        results.push({ id: item.id, ok: false, problem: toProblemDocument(error) });
      }
    }
    const changed = results.filter((result) => result.ok).length;
    return { results, changed, refused: results.length - changed };
  }

  private change(caller: AuthUser, body: BulkRequestsDto, id: string, version: number): Promise<RequestView> {
    switch (body.action) {
      case 'status':
        return this.requests.transition(caller, id, { to: body.to!, reason: body.reason }, version);
      case 'priority':
        return this.requests.update(caller, id, { priority: body.priority!, version });
      case 'assign':
        return this.requests.assign(caller, id, { assigneeId: body.assigneeId!, reason: body.reason }, version);
    }
  }
}
