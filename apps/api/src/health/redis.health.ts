import { JobProducer } from '@app/jobs';
import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';

const TIMEOUT_MS = 1500;

@Injectable()
export class RedisHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly producer: JobProducer,
  ) {}

  async pingCheck(key: 'redis') {
    const session = this.indicators.check(key);
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.producer.ping(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('timed out')), TIMEOUT_MS);
        }),
      ]);
      return session.up();
    } catch (error) {
      return session.down((error as Error).message);
    } finally {
      clearTimeout(timer);
    }
  }
}
