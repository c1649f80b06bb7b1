import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { SkipThrottle } from '@nestjs/throttler';
import type { HealthCheckResult } from '@nestjs/terminus';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { ErrorBodyDto } from '../http/openapi/error-body.dto';
import { HealthView } from './health.views';
import { RedisHealthIndicator } from './redis.health';

type Dependency = 'up' | 'down';

export interface HealthReport {
  status: 'ok' | 'error';
  db: Dependency;
  redis: Dependency;
}

@ApiTags('operations')
@Public()
@SkipThrottle()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Database and Redis reachability; 503 when either is down' })
  @ApiOkResponse({ type: HealthView, description: 'both answer' })
  @ApiResponse({
    status: 503,
    type: HealthView,
    description: '`status` is `error`, and the one that did not answer is `down`',
  })
  // Never rate limited, and its 503 is the report above, not the error body; but the body
  // parsers run before any route, so a malformed JSON body is a 400 here too.
  @ApiResponse({ status: 400, type: ErrorBodyDto, description: 'a malformed request body' })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    let result: HealthCheckResult;
    try {
      result = await this.health.check([
        () => this.db.pingCheck('db', { timeout: 1500 }),
        () => this.redis.pingCheck('redis'),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      result = error.getResponse() as HealthCheckResult;
      res.status(503);
    }
    const state = (key: string): Dependency =>
      result.details[key]?.status === 'up' ? 'up' : 'down';
    return {
      status: result.status === 'ok' ? 'ok' : 'error',
      db: state('db'),
      redis: state('redis'),
    };
  }
}
