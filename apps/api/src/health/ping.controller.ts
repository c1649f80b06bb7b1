import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { ApiErrors } from '../http/openapi/responses';
import { PingView } from './health.views';

/**
 * Liveness: the process answers HTTP. Unlike /health it touches neither the database nor
 * Redis (beyond the per-IP limit every route has), so a slow dependency never gets a live
 * process restarted.
 */
@ApiTags('operations')
@Public()
@Controller('api/ping')
export class PingController {
  @Get()
  @ApiOperation({ summary: 'Liveness: {"ok":true} while the process serves HTTP; no DB, no Redis' })
  @ApiOkResponse({ type: PingView })
  @ApiErrors()
  ping(): PingView {
    return { ok: true };
  }
}
