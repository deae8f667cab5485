import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  type CannedAnswerBody,
  type CannedAnswerView,
  fillPlaceholders,
  type Language,
  LANGUAGES,
  mayWriteCannedAnswers,
  type RequestCannedAnswers,
  type ThematicArea,
  unknownPlaceholders,
} from '@portal/shared';
import { AuditService, beforeAndAfter } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { AppException, ConflictException, NotFoundException, ValidationException } from '../common/app-exception';
import type { Db } from '../common/typed-sql';
import { ReferenceService } from '../reference/reference.service';
import { CoverageAreasRepository } from '../users/coverage-areas.repository';
import type { CreateCannedAnswerDto, ListCannedAnswersQueryDto, UpdateCannedAnswerDto } from './canned-answers.dto';
import { type CannedAnswerRow, CannedAnswersRepository, type RequestForAnswersRow } from './canned-answers.repository';

class OtherAreaException extends AppException {
  constructor(area: string) {
    super(
      403,
      'canned.other-area',
      'Not allowed',
      `Only an admin or a specialist whose coverage names the area ${area} may write its canned answers.`,
    );
  }
}

class TitleTakenException extends ConflictException {
  constructor() {
    super('canned.title-taken', 'Another canned answer of this area and language has this title.');
  }
}

function toView(row: CannedAnswerRow, mayEdit: boolean): CannedAnswerView {
  return {
    id: row.id,
    area: row.area_code as ThematicArea,
    language: row.language,
    title: row.title,
    body: row.body,
    updatedAt: row.updated_at.toISOString(),
    updatedBy: row.updated_by && row.updated_by_name ? { id: row.updated_by, name: row.updated_by_name } : null,
    mayEdit,
  };
}

/** A placeholder not known is a typo the member would read: refused, naming the known ones. */
function checkPlaceholders(body: Pick<CannedAnswerBody, 'title' | 'body'>): void {
  const errors: Record<string, string[]> = {};
  for (const field of ['title', 'body'] as const) {
    const unknown = unknownPlaceholders(body[field]);
    if (unknown.length > 0)
      errors[field] = [
        `unknown placeholder ${unknown.map((name) => `{{${name}}}`).join(', ')}: use {{member_name}}, {{reference}} or {{due_date}}`,
      ];
  }
  if (Object.keys(errors).length > 0) throw new ValidationException(errors);
}

/**
 * Canned answers (issue 19): staff who work cases read them; admins write those of every
 * area, specialists those of the areas their coverage names (shared/src/canned-answers.ts).
 */
@Injectable()
export class CannedAnswersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: CannedAnswersRepository,
    private readonly reference: ReferenceService,
    private readonly audit: AuditService,
    private readonly coverage: CoverageAreasRepository,
  ) {}

  async list(caller: AuthUser, query: ListCannedAnswersQueryDto): Promise<CannedAnswerView[]> {
    const [rows, areas] = await Promise.all([
      this.repository.list(this.dataSource, query.area ?? null, query.language ?? null),
      this.coverage.coverageAreas(this.dataSource, caller.id),
    ]);
    return rows.map((row) => toView(row, mayWriteCannedAnswers(caller.role, areas, row.area_code)));
  }

  async get(caller: AuthUser, id: string): Promise<CannedAnswerView> {
    const row = await this.repository.find(this.dataSource, id);
    if (!row) throw new NotFoundException('canned answer');
    const areas = await this.coverage.coverageAreas(this.dataSource, caller.id);
    return toView(row, mayWriteCannedAnswers(caller.role, areas, row.area_code));
  }

  async create(caller: AuthUser, body: CreateCannedAnswerDto): Promise<CannedAnswerView> {
    checkPlaceholders(body);
    return this.dataSource.transaction(async (db) => {
      await this.authorize(db, caller, [body.area]);
      const id = await this.repository.insert(db, body, caller.id);
      if (!id) throw new TitleTakenException();
      await this.record(db, caller, 'canned-answer.created', id, { ...body });
      return toView((await this.repository.find(db, id))!, true);
    });
  }

  async update(caller: AuthUser, id: string, body: UpdateCannedAnswerDto): Promise<CannedAnswerView> {
    return this.dataSource.transaction(async (db) => {
      const current = await this.repository.find(db, id, { lock: true });
      if (!current) throw new NotFoundException('canned answer');
      const next: CannedAnswerBody = {
        area: body.area ?? (current.area_code as ThematicArea),
        language: body.language ?? current.language,
        title: body.title ?? current.title,
        body: body.body ?? current.body,
      };
      checkPlaceholders(next);
      // Moving an answer to another area needs the right to write both.
      await this.authorize(db, caller, [current.area_code, next.area]);
      if (!(await this.repository.update(db, id, next, caller.id))) throw new TitleTakenException();
      const before = { area: current.area_code, language: current.language, title: current.title, body: current.body };
      await this.record(db, caller, 'canned-answer.updated', id, beforeAndAfter(before, body));
      return toView((await this.repository.find(db, id))!, true);
    });
  }

  async delete(caller: AuthUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (db) => {
      const current = await this.repository.find(db, id, { lock: true });
      if (!current) throw new NotFoundException('canned answer');
      await this.authorize(db, caller, [current.area_code]);
      await this.repository.delete(db, id);
      await this.record(db, caller, 'canned-answer.deleted', id, { area: current.area_code, title: current.title });
    });
  }

  /**
   * The canned answers of a request's area, filled for its member: those in the member's
   * language first; the others follow, marked `fallback` (to be translated before sending).
   */
  async forRequest(caller: AuthUser, requestId: string): Promise<RequestCannedAnswers> {
    const request = await this.repository.requestForAnswers(this.dataSource, caller, requestId);
    if (!request) throw new NotFoundException('request');
    const rows = await this.repository.list(this.dataSource, request.area_code, null);
    const language = request.member_language;
    const values = {
      member_name: request.member_name,
      reference: request.reference,
      due_date: this.dueDate(request),
    };
    const rank = (answer: Language) => (answer === language ? -1 : LANGUAGES.indexOf(answer));
    const items = rows
      .map((row) => ({
        id: row.id,
        title: fillPlaceholders(row.title, values),
        body: fillPlaceholders(row.body, values),
        language: row.language,
        fallback: row.language !== language,
      }))
      .sort((a, b) => rank(a.language) - rank(b.language) || a.title.localeCompare(b.title, language));
    return { memberLanguage: language, items };
  }

  /** The resolution target as a day in the member's language, in its country's time zone; null: none set. */
  private dueDate(request: RequestForAnswersRow): string | null {
    if (!request.resolution_due_at) return null;
    const timeZone = this.reference.countries('en').find((c) => c.code === request.country_code)?.timezone ?? 'UTC';
    return new Intl.DateTimeFormat(request.member_language, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone,
    }).format(request.resolution_due_at);
  }

  private async authorize(db: Db, caller: AuthUser, areas: string[]): Promise<void> {
    const own = await this.coverage.coverageAreas(db, caller.id);
    const refused = areas.find((area) => !mayWriteCannedAnswers(caller.role, own, area));
    if (refused !== undefined) throw new OtherAreaException(refused);
  }

  private record(db: Db, caller: AuthUser, action: string, id: string, changes: Record<string, unknown>) {
    return this.audit.record(db, { actorId: caller.id, action, entityType: 'canned-answer', entityId: id, changes });
  }
}
