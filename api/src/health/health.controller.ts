import { Controller, Get, HttpCode } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { AppException } from '../common/app-exception';
import { ApiJson, ApiWithoutDatabase } from '../common/openapi/decorators';
import { HealthRepository } from './health.repository';

const READY_TIMEOUT_MS = 2000;

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly repository: HealthRepository) {}

  @Get('live')
  @HttpCode(200)
  @ApiOperation({ summary: '200 while the process runs' })
  @ApiJson(200, 'HealthLive')
  @ApiWithoutDatabase()
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: '200 only when the database answers, else 503' })
  @ApiJson(200, 'HealthReady')
  async ready() {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.repository.ping(),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), READY_TIMEOUT_MS))),
      ]);
      return { status: 'ok', database: 'up' };
    } catch {
      throw new AppException(503, 'health.database-down', 'Service unavailable', 'The database does not answer.');
    } finally {
      clearTimeout(timer);
    }
  }
}
