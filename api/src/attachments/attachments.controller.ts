import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ATTACHMENT_LIMITS, type AttachmentView } from '@portal/shared';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { AppException, ValidationException } from '../common/app-exception';
import { IdParam } from '../common/id-param.pipe';
import { FileTooLargeException } from './attachments.exceptions';
import { AttachmentsService } from './attachments.service';
import { attachmentDisposition } from './file-type';
import { ApiFileAnswer, ApiJson, ApiProblems } from '../common/openapi/decorators';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@ApiTags('requests')
@ApiBearerAuth()
@Controller()
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post('requests/:id/attachments')
  @RequirePermission('case.reply', 'case.internal-note')
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary:
      'Attach a file (multipart field "file", optional field "messageId", in any order); type checked from the content, the name must carry an extension of that type',
  })
  @ApiJson(201, 'AttachmentView')
  @ApiProblems(400, 409, 413, 415)
  async upload(
    @CurrentUser() caller: AuthUser,
    @Param('id', IdParam('request')) requestId: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AttachmentView> {
    if (!request.isMultipart()) {
      throw new AppException(
        415,
        'attachments.not-multipart',
        'Unsupported media type',
        'Send the file as multipart/form-data in a field named "file".',
      );
    }
    // Every part is read before anything is decided: the fields may come in any order (a
    // messageId after the file must be checked like one before it), and each comes once.
    let messageId: string | null = null;
    let file: { fileName: string; content: Buffer } | null = null;
    for await (const part of request.parts({
      limits: { fileSize: ATTACHMENT_LIMITS.maxBytes, files: 1, fields: 2, fieldSize: 100 },
    })) {
      if (part.type === 'field') {
        if (part.fieldname !== 'messageId' || typeof part.value !== 'string' || !UUID.test(part.value)) {
          throw new ValidationException({ [part.fieldname]: ['unknown field, or messageId is not a message id'] });
        }
        if (messageId !== null) throw new ValidationException({ messageId: ['send messageId once'] });
        messageId = part.value.toLowerCase();
        continue;
      }
      if (part.fieldname !== 'file')
        throw new ValidationException({ [part.fieldname]: ['send the file in a field named "file"'] });
      // Held in memory (at most 10 MB, one file): nothing reaches the disk before the checks.
      const content = await part.toBuffer().catch((error: { code?: string }) => {
        if (error.code === 'FST_REQ_FILE_TOO_LARGE') throw new FileTooLargeException(ATTACHMENT_LIMITS.maxBytes);
        throw error;
      });
      file = { fileName: part.filename, content };
    }
    if (!file) throw new ValidationException({ file: ['a file is required'] });
    const stored = await this.attachments.store(caller, requestId, messageId, file);
    reply.status(201);
    return stored;
  }

  @Get('attachments/:id')
  @RequirePermission('requests.read')
  @ApiOperation({ summary: 'Download a file, always as an attachment with its original name' })
  @ApiFileAnswer(ATTACHMENT_LIMITS.types, 'The file, as an attachment with its original name')
  async download(
    @CurrentUser() caller: AuthUser,
    @Param('id', IdParam('attachment')) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = await this.attachments.open(caller, id);
    await reply
      .header('content-type', file.contentType)
      .header('content-length', String(file.size))
      .header('content-disposition', attachmentDisposition(file.name))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'private, no-store')
      .send(file.stream);
  }
}
