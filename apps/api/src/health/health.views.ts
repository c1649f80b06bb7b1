import { ApiProperty } from '@nestjs/swagger';
import type { HealthReport } from './health.controller';

const DEPENDENCY = { enum: ['up', 'down'], enumName: 'DependencyState' } as const;

/** Whether the API can reach what it needs; the same shape with 200 and with 503. */
export class HealthView implements HealthReport {
  @ApiProperty({ enum: ['ok', 'error'], enumName: 'HealthStatus', example: 'ok' })
  status: 'ok' | 'error';

  @ApiProperty({ ...DEPENDENCY, example: 'up', description: 'the database' })
  db: 'up' | 'down';

  @ApiProperty({ ...DEPENDENCY, example: 'up' })
  redis: 'up' | 'down';
}

export class PingView {
  @ApiProperty({ enum: [true], example: true })
  ok: true;
}
