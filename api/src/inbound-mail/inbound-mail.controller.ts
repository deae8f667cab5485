import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { INBOUND_MAIL_OUTCOMES, type InboundMailOutcome, type InboundMailView, type Page } from '@portal/shared';
import { RequirePermission } from '../auth/auth.decorators';
import { paging, PagingQueryDto } from '../common/paging.dto';
import { ApiJson } from '../common/openapi/decorators';
import { InboundMailService } from './inbound-mail.service';

export class ListInboundMailQueryDto extends PagingQueryDto {
  @ApiPropertyOptional({ enum: INBOUND_MAIL_OUTCOMES, description: 'Only the mails with this outcome' })
  @IsOptional()
  @IsIn(INBOUND_MAIL_OUTCOMES)
  outcome?: InboundMailOutcome;
}

/** What the portal made of the mails its mailbox received (admins): the refused, and why. */
@ApiTags('inbound-mail')
@ApiBearerAuth()
@Controller('inbound-mail')
export class InboundMailController {
  constructor(private readonly inbound: InboundMailService) {}

  @Get()
  @RequirePermission('inbound-mail.read')
  @ApiOperation({
    summary:
      'The mails the portal read from its mailbox: replies, new requests and the refused (unknown senders, auto-replies, loops, forged reply addresses…), the refused first',
  })
  @ApiJson(200, 'InboundMailPage')
  list(@Query() query: ListInboundMailQueryDto): Promise<Page<InboundMailView>> {
    return this.inbound.list({ outcome: query.outcome, ...paging(query) });
  }
}
