import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobProducer } from './job-producer';
import { OutboxDrainer } from './outbox-drainer.service';
import { OutboxEntity } from './outbox.entity';
import { OutboxService } from './outbox.service';

/** The outbox, its drainer and the typed producer; imported once by each app. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([OutboxEntity])],
  providers: [OutboxService, JobProducer, OutboxDrainer],
  exports: [OutboxService, JobProducer, OutboxDrainer],
})
export class JobsModule {}
