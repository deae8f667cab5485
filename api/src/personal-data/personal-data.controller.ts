import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { IdParam } from '../common/id-param.pipe';
import { ApiFileAnswer, ApiJson, ApiProblems } from '../common/openapi/decorators';
import { type PersonalDataErasure, PersonalDataService } from './personal-data.service';

const ZIP_DESCRIPTION =
  'A ZIP of JSON documents (profile, requests filed, messages written, ratings, attachments, notifications, sign-ins) and the files uploaded, under files/<reference>/';

/** A person's data: its export (its own, or by an admin for it) and its erasure by an admin. */
@ApiTags('personal-data')
@ApiBearerAuth()
@Controller()
export class PersonalDataController {
  constructor(private readonly personalData: PersonalDataService) {}

  @Get('me/data-export')
  @RequirePermission('personal-data.export-own')
  @ApiProduces('application/zip')
  @ApiOperation({ summary: 'Download everything the portal holds about oneself (audited)' })
  @ApiFileAnswer(['application/zip'], ZIP_DESCRIPTION)
  async exportOwn(@CurrentUser() caller: AuthUser, @Res() reply: FastifyReply): Promise<void> {
    await this.send(reply, await this.personalData.export(caller, caller.id));
  }

  @Get('users/:id/data-export')
  @RequirePermission('personal-data.manage')
  @ApiProduces('application/zip')
  @ApiOperation({ summary: 'Download everything the portal holds about a person, for it (admins; audited)' })
  @ApiFileAnswer(['application/zip'], ZIP_DESCRIPTION)
  async exportFor(
    @CurrentUser() caller: AuthUser,
    @Param('id', IdParam('user')) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.send(reply, await this.personalData.export(caller, id));
  }

  @Post('users/:id/erasure')
  @RequirePermission('personal-data.manage')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Erase an organization's member: account anonymized and closed, its words redacted, its files removed; requests and report figures kept (audited)",
  })
  @ApiJson(200, 'PersonalDataErasure')
  @ApiProblems(409)
  erase(@CurrentUser() caller: AuthUser, @Param('id', IdParam('user')) id: string): Promise<PersonalDataErasure> {
    return this.personalData.erase(caller, id);
  }

  private async send(reply: FastifyReply, file: { fileName: string; stream: NodeJS.ReadableStream }): Promise<void> {
    await reply
      .header('content-type', 'application/zip')
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .header('cache-control', 'private, no-store')
      .send(file.stream);
  }
}
