import { RenditionRenderer, RenditionsService } from '@app/domain';
import { JobName, QueueName } from '@app/jobs';
import { InjectQueue, Processor } from '@nestjs/bullmq';
import { AppConfig } from '@app/config';
import { StorageFullError } from '@app/files';
import { warmUpLetterRenderer } from '@app/pdf';
import { BeforeApplicationShutdown, Inject, OnApplicationBootstrap } from '@nestjs/common';
import { Queue, UnrecoverableError } from 'bullmq';
import { JobHandlers, QueueProcessor } from './queue-processor';
import { Schedules } from './schedules';

/**
 * Renders final PDFs. One at a time per worker: rendering is CPU work, and two at once
 * would only make each slower. A failed render is recorded on the rendition and retried
 * by a person, not by BullMQ: the same input fails the same way. A full disk is the
 * exception: BullMQ retries it with the queue's backoff, as space may come back.
 */
@Processor(QueueName.Pdf, { concurrency: 1 })
export class PdfProcessor
  extends QueueProcessor<QueueName.Pdf>
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  private schedules: Schedules | undefined;

  constructor(
    private readonly renderer: RenditionRenderer,
    private readonly renditions: RenditionsService,
    @InjectQueue(QueueName.Pdf) private readonly queue: Queue,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {
    super();
  }

  protected readonly handlers: JobHandlers<QueueName.Pdf> = {
    [JobName.PdfRender]: async ({ renditionId }) => {
      try {
        return { rendered: await this.renderer.render(renditionId) };
      } catch (error) {
        if (error instanceof StorageFullError) throw error;
        throw new UnrecoverableError((error as Error).message);
      }
    },
    [JobName.PdfSweep]: async () => ({ requeued: await this.renditions.sweepStale() }),
  };

  async onApplicationBootstrap(): Promise<void> {
    this.queue.on('error', () => undefined);
    // Font tables and the shaper take 0.2-0.4 s to set up: pay it soon after start, not in
    // the first coordinator's render; not at once, so it does not delay readiness; and not
    // in tests, whose many short-lived apps would each pay it for nothing.
    if (this.config.env !== 'test') {
      setTimeout(() => void warmUpLetterRenderer().catch(() => undefined), 2000).unref();
    }
    // Renditions stuck in `rendering` (their worker died) are looked for every SCAN_EVERY_MS.
    this.schedules = new Schedules(this.queue, [
      { id: 'rendition-sweep', name: JobName.PdfSweep, every: this.config.scanEveryMs },
    ]);
    await this.schedules.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.schedules?.stop();
  }
}
