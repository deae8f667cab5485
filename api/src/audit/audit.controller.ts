import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuditPage } from '@portal/shared';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { ApiFileAnswer, ApiJson } from '../common/openapi/decorators';
import { csvCell, sendCsv } from '../reports/csv';
import { auditFilter, AuditFilterDto, AuditPageQueryDto } from './audit.dto';
import { AuditService } from './audit.service';

const CSV_HEADER = [
  'id',
  'at',
  'actor_email',
  'actor_name',
  'action',
  'entity_type',
  'entity_id',
  'ip',
  'user_agent',
  'changes',
];

/** The audit trail, for admins: read and exported, never changed (no route writes to it but the portal's own actions). */
@ApiTags('audit')
@ApiBearerAuth()
@RequirePermission('audit.read')
@Controller('audit-log')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({
    summary: 'The audit trail, newest first, filtered by actor, action, entity and time; keyset pages (`before`)',
  })
  @ApiJson(200, 'AuditPage')
  list(@Query() query: AuditPageQueryDto): Promise<AuditPage> {
    return this.audit.page({ ...auditFilter(query), before: query.before, limit: query.limit ?? 50 });
  }

  @Get('export.csv')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary:
      'The filtered audit trail as CSV (UTF-8 with a byte-order mark), newest first; the export is itself audited',
  })
  @ApiFileAnswer(['text/csv'], 'The audit trail: one line per entry, `changes` as JSON')
  async export(
    @CurrentUser() caller: AuthUser,
    @Query() query: AuditFilterDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const filter = auditFilter(query);
    const lines = [CSV_HEADER.join(',')];
    for await (const page of this.audit.all(filter)) {
      for (const e of page) {
        const cells = [e.id, e.at, e.actor?.email ?? null, e.actor?.name ?? null, e.action, e.entityType, e.entityId];
        lines.push([...cells, e.ip, e.userAgent, JSON.stringify(e.changes)].map(csvCell).join(','));
      }
    }
    await this.audit.recordNow({
      actorId: caller.id,
      action: 'audit-log.exported',
      entityType: 'audit-log',
      entityId: 'audit-log',
      changes: { filter: { ...query }, entries: lines.length - 1 },
    });
    await sendCsv(reply, `audit-log-${new Date().toISOString().slice(0, 10)}.csv`, `${lines.join('\r\n')}\r\n`);
  }
}
