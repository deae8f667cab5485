import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CannedAnswerView, RequestCannedAnswers } from '@portal/shared';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { IdParam } from '../common/id-param.pipe';
import { ApiEmpty, ApiJson, ApiJsonList, ApiProblems } from '../common/openapi/decorators';
import { CreateCannedAnswerDto, ListCannedAnswersQueryDto, UpdateCannedAnswerDto } from './canned-answers.dto';
import { CannedAnswersService } from './canned-answers.service';

/** Canned answers per thematic area and language: staff who work cases read them, admins and the area's specialists write them. */
@ApiTags('canned-answers')
@ApiBearerAuth()
@Controller()
export class CannedAnswersController {
  constructor(private readonly answers: CannedAnswersService) {}

  @Get('canned-answers')
  @RequirePermission('canned-answers.read')
  @ApiOperation({ summary: 'Canned answers, filtered by area and language; mayEdit says which the caller may change' })
  @ApiJsonList('CannedAnswerView')
  list(@CurrentUser() caller: AuthUser, @Query() query: ListCannedAnswersQueryDto): Promise<CannedAnswerView[]> {
    return this.answers.list(caller, query);
  }

  @Get('canned-answers/:id')
  @RequirePermission('canned-answers.read')
  @ApiJson(200, 'CannedAnswerView')
  get(@CurrentUser() caller: AuthUser, @Param('id', IdParam('canned answer')) id: string): Promise<CannedAnswerView> {
    return this.answers.get(caller, id);
  }

  @Post('canned-answers')
  @RequirePermission('canned-answers.manage', 'canned-answers.manage-own-areas')
  @ApiOperation({
    summary:
      'Write a canned answer (admins for every area, a specialist for an area its coverage names); placeholders {{member_name}}, {{reference}}, {{due_date}} (audited)',
  })
  @ApiJson(201, 'CannedAnswerView')
  @ApiProblems(409)
  create(@CurrentUser() caller: AuthUser, @Body() body: CreateCannedAnswerDto): Promise<CannedAnswerView> {
    return this.answers.create(caller, body);
  }

  @Patch('canned-answers/:id')
  @RequirePermission('canned-answers.manage', 'canned-answers.manage-own-areas')
  @ApiOperation({
    summary: 'Change a canned answer (moving it to another area needs the right to write both; audited)',
  })
  @ApiJson(200, 'CannedAnswerView')
  @ApiProblems(409)
  update(
    @CurrentUser() caller: AuthUser,
    @Param('id', IdParam('canned answer')) id: string,
    @Body() body: UpdateCannedAnswerDto,
  ): Promise<CannedAnswerView> {
    return this.answers.update(caller, id, body);
  }

  @Delete('canned-answers/:id')
  @RequirePermission('canned-answers.manage', 'canned-answers.manage-own-areas')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a canned answer (audited)' })
  @ApiEmpty()
  delete(@CurrentUser() caller: AuthUser, @Param('id', IdParam('canned answer')) id: string): Promise<void> {
    return this.answers.delete(caller, id);
  }

  @Get('requests/:id/canned-answers')
  @RequirePermission('canned-answers.read')
  @ApiOperation({
    summary:
      "The canned answers of the request's area, placeholders filled in its member's language and time zone: the member's language first, others marked fallback",
  })
  @ApiJson(200, 'RequestCannedAnswers')
  forRequest(
    @CurrentUser() caller: AuthUser,
    @Param('id', IdParam('request')) id: string,
  ): Promise<RequestCannedAnswers> {
    return this.answers.forRequest(caller, id);
  }
}
