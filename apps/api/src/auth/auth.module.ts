import { AppConfig } from '@app/config';
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { PathIdsGuard } from '../http/path-ids.guard';
import { AuthGuard } from './auth.guard';
import { PermissionGuard } from './permission.guard';
import { RedisThrottlerStorage } from './redis-throttler.storage';
import { SignatoryThrottlerGuard, throttlerOptions } from './throttling';

/** Owns the storage's Redis connection, so it closes with the app; other limits use it too. */
@Global()
@Module({ providers: [RedisThrottlerStorage], exports: [RedisThrottlerStorage] })
class ThrottlerStorageModule {}

/** Global guards, in this order: rate limits, authentication, ids in the path, permissions. */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      imports: [ThrottlerStorageModule],
      inject: [AppConfig, RedisThrottlerStorage],
      useFactory: (config: AppConfig, storage: RedisThrottlerStorage) =>
        throttlerOptions(config, storage),
    }),
  ],
  providers: [
    { provide: APP_GUARD, useClass: SignatoryThrottlerGuard },
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: PathIdsGuard },
    { provide: APP_GUARD, useClass: PermissionGuard },
  ],
})
export class AuthModule {}
