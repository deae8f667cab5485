import { applyDecorators, Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { SatisfactionLinkView } from '@portal/shared';
import { Public } from '../auth/auth.decorators';
import { ApiJson, ApiProblems, problemResponse } from '../common/openapi/decorators';
import { LoginRateLimit } from '../security/rate-limits';
import { SatisfactionLinkDetailsDto, SatisfactionLinkDto, SatisfactionLinkScoreDto } from './satisfaction.dto';
import { SatisfactionService } from './satisfaction.service';

/** The refusals every score-link route shares. */
const LinkProblems = () =>
  applyDecorators(
    ApiProblems(409, 429),
    ApiResponse({
      status: 403,
      ...problemResponse(403, 'satisfaction.link-invalid: not a valid link (altered, cut short or made up)'),
    }),
    ApiResponse({
      status: 410,
      ...problemResponse(
        410,
        'satisfaction.link-expired: the link is past its date; satisfaction.closed: the request is closed, its score can no longer change',
      ),
    }),
  );

/**
 * The resolution email's one-tap score links, without signing in: the link's signed token
 * (in the body, not the URL, to keep it out of access logs) names the request and the
 * member. 409 requests.not-resolved while the request is reopened. Rate-limited per address
 * like the account links.
 */
@ApiTags('satisfaction')
@Controller('satisfaction-links')
export class SatisfactionController {
  constructor(private readonly satisfaction: SatisfactionService) {}

  @Public()
  @LoginRateLimit()
  @Post('view')
  @HttpCode(200)
  @ApiOperation({ summary: 'What a score link has recorded (reference, score, comment, reasons); changes nothing' })
  @ApiJson(200, 'SatisfactionLinkView')
  @LinkProblems()
  view(@Body() body: SatisfactionLinkDto): Promise<SatisfactionLinkView> {
    return this.satisfaction.view(body.token);
  }

  @Public()
  @LoginRateLimit()
  @Post('score')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Record the score of a score link (1–5), or change it until the request closes; 1–2 notify the region’s director',
  })
  @ApiJson(200, 'SatisfactionLinkView')
  @LinkProblems()
  score(@Body() body: SatisfactionLinkScoreDto): Promise<SatisfactionLinkView> {
    return this.satisfaction.score(body.token, body.score);
  }

  @Public()
  @LoginRateLimit()
  @Post('details')
  @HttpCode(200)
  @ApiOperation({
    summary: 'The optional comment and, with a score of 1–2, the reasons (replacing those sent before)',
  })
  @ApiJson(200, 'SatisfactionLinkView')
  @LinkProblems()
  details(@Body() body: SatisfactionLinkDetailsDto): Promise<SatisfactionLinkView> {
    return this.satisfaction.details(body.token, body.comment ?? null, body.reasons ?? []);
  }
}
