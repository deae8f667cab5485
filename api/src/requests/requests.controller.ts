import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  type AssigneeCandidate,
  type BulkResult,
  type CursorPage,
  type RequestDetailView,
  type RequestListItem,
  type RequestView,
  type RoutingPreview,
} from '@portal/shared';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { ValidationException } from '../common/app-exception';
import { IdParam } from '../common/id-param.pipe';
import {
  AssignDto,
  AssigneesQueryDto,
  CreateMessageDto,
  CreateRequestDto,
  EscalateDto,
  ListRequestsQueryDto,
  RoutingPreviewQueryDto,
  SatisfactionDto,
  TransitionDto,
  UpdateRequestDto,
} from './requests.dto';
import { RequestsService } from './requests.service';
import { BulkRequestsService } from './bulk-requests.service';
import { BulkRequestsDto } from './bulk.dto';
import { SubmitRateLimit } from '../security/rate-limits';
import { ApiJson, ApiJsonList, ApiProblems } from '../common/openapi/decorators';

const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

@ApiTags('requests')
@ApiBearerAuth()
@Controller()
export class RequestsController {
  constructor(
    private readonly requests: RequestsService,
    private readonly bulkRequests: BulkRequestsService,
  ) {}

  @Get('requests')
  @RequirePermission('requests.read')
  @ApiOperation({
    summary:
      'Requests visible to the caller, filtered, searched, sorted and paged (by page number, or by cursor at any depth)',
  })
  @ApiJson(200, 'RequestPage')
  list(@CurrentUser() caller: AuthUser, @Query() query: ListRequestsQueryDto): Promise<CursorPage<RequestListItem>> {
    return this.requests.list(caller, query);
  }

  @Post('requests')
  @RequirePermission('requests.file')
  @SubmitRateLimit()
  @ApiOperation({ summary: "File a request for the caller's organization; it is routed at once" })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Retries with the same key within 24 h return the first answer',
  })
  @ApiJson(201, 'RequestView', 'Filed (or, with a known Idempotency-Key, the first answer again)')
  @ApiProblems(409, 429)
  async create(
    @CurrentUser() caller: AuthUser,
    @Body() body: CreateRequestDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    checkIdempotencyKey(idempotencyKey);
    const answer = await this.requests.create(caller, body, idempotencyKey);
    reply.status(answer.status);
    if (answer.replayed) reply.header('idempotent-replayed', 'true');
    return answer.body;
  }

  // Staff who work cases; each case is then checked as its own route checks it.
  @Post('requests/bulk')
  @RequirePermission('requests.bulk')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'One change (status, priority or assign) on up to 50 cases, each in its own transaction, as its one-case route makes it; ' +
      'each item answers its own result: the request as it now is, or the problem document of its refusal (nothing written for it)',
  })
  @ApiJson(200, 'BulkResult')
  bulk(@CurrentUser() caller: AuthUser, @Body() body: BulkRequestsDto): Promise<BulkResult> {
    return this.bulkRequests.apply(caller, body);
  }

  @Get('requests/:id')
  @RequirePermission('requests.read')
  @ApiOperation({ summary: 'A request with its timeline (internal notes only for staff)' })
  @ApiJson(200, 'RequestDetailView')
  get(@CurrentUser() caller: AuthUser, @Param('id', IdParam('request')) id: string): Promise<RequestDetailView> {
    return this.requests.get(caller, id);
  }

  // The roles of each case action come from the case-permission table (shared/src/case-permissions.ts).
  @Patch('requests/:id')
  @RequirePermission('case.priority', 'case.area')
  @ApiOperation({ summary: 'Change priority or area (optimistic: send the version you loaded)' })
  @ApiJson(200, 'RequestView')
  @ApiProblems(409)
  update(
    @CurrentUser() caller: AuthUser,
    @Param('id', IdParam('request')) id: string,
    @Body() body: UpdateRequestDto,
  ): Promise<RequestView> {
    return this.requests.update(caller, id, body);
  }

  @Post('requests/:id/messages')
  @RequirePermission('case.reply', 'case.internal-note')
  @ApiOperation({ summary: 'A public reply, or (staff) an internal note' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Retries with the same key within 24 h return the first answer (a reply queued offline is sent once)',
  })
  @ApiJson(201, 'MessageView', 'Added (or, with a known Idempotency-Key, the first answer again)')
  @ApiProblems(409)
  async addMessage(
    @CurrentUser() caller: AuthUser,
    @Param('id', IdParam('request')) id: string,
    @Body() body: CreateMessageDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    checkIdempotencyKey(idempotencyKey);
    const answer = await this.requests.addMessage(caller, id, body, idempotencyKey);
    reply.status(answer.status);
    if (answer.replayed) reply.header('idempotent-replayed', 'true');
    return answer.body;
  }

  @Post('requests/:id/transitions')
  @RequirePermission('case.status', 'case.resolve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Change status; 409 with the allowed ones when not allowed from here' })
  @ApiJson(200, 'RequestView')
  @ApiProblems(409)
  transition(
    @CurrentUser() caller: AuthUser,
    @Param('id', IdParam('request')) id: string,
    @Body() body: TransitionDto,
  ): Promise<RequestView> {
    return this.requests.transition(caller, id, body);
  }

  @Post('requests/:id/assign')
  @RequirePermission('case.reassign', 'case.claim')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Reassign, with a note saying why (the assignee handing on, the region's director, an admin: to one of GET /requests/{id}/assignees), or claim (to oneself: staff whose coverage matches it while unassigned, the region's director, an admin)",
  })
  @ApiJson(200, 'RequestView')
  @ApiProblems(409)
  assign(
    @CurrentUser() caller: AuthUser,
    @Param('id', IdParam('request')) id: string,
    @Body() body: AssignDto,
  ): Promise<RequestView> {
    return this.requests.assign(caller, id, body);
  }

  @Get('requests/:id/assignees')
  @RequirePermission('case.reassign')
  @ApiOperation({
    summary:
      'Whom the caller may give the request to: active staff who work cases and accepted their invitation, who may work in its region, with role, matching coverage, open cases and availability; those whose coverage matches first',
  })
  @ApiJsonList('AssigneeCandidate')
  assignees(
    @CurrentUser() caller: AuthUser,
    @Param('id', IdParam('request')) id: string,
    @Query() query: AssigneesQueryDto,
  ): Promise<AssigneeCandidate[]> {
    return this.requests.assignees(caller, id, query.search);
  }

  @Post('requests/:id/claim')
  @RequirePermission('case.claim')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Take the request oneself: staff whose coverage matches it while it is unassigned, the region's director, an admin",
  })
  @ApiJson(200, 'RequestView')
  @ApiProblems(409)
  claim(@CurrentUser() caller: AuthUser, @Param('id', IdParam('request')) id: string): Promise<RequestView> {
    return this.requests.claim(caller, id);
  }

  @Post('requests/:id/escalate')
  @RequirePermission('case.escalate')
  @HttpCode(200)
  @ApiOperation({ summary: "Escalate to the region's director, with a reason" })
  @ApiJson(200, 'RequestView')
  @ApiProblems(409)
  escalate(
    @CurrentUser() caller: AuthUser,
    @Param('id', IdParam('request')) id: string,
    @Body() body: EscalateDto,
  ): Promise<RequestView> {
    return this.requests.escalate(caller, id, body);
  }

  @Post('requests/:id/satisfaction')
  @RequirePermission('case.rate')
  @ApiOperation({ summary: 'Rate the service (1–5) once the request is resolved' })
  @ApiJson(201, 'Satisfaction')
  @ApiProblems(409)
  rate(@CurrentUser() caller: AuthUser, @Param('id', IdParam('request')) id: string, @Body() body: SatisfactionDto) {
    return this.requests.rate(caller, id, body);
  }

  @Get('routing/preview')
  @RequirePermission('sla.read')
  @ApiOperation({ summary: 'Who routing would choose now for a country and area, without creating anything' })
  @ApiJson(200, 'RoutingPreview')
  preview(@Query() query: RoutingPreviewQueryDto): Promise<RoutingPreview> {
    return this.requests.previewRouting(query.country, query.area);
  }
}

function checkIdempotencyKey(idempotencyKey: string | undefined): void {
  if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) {
    throw new ValidationException({ 'Idempotency-Key': ['must be 1 to 200 visible ASCII characters'] });
  }
}
