import { MailMessageEntity } from '@app/mail';
import { SmtpSink, waitForQueuesIdle } from '@app/testing';
import { createTestApp, startWorker, type TestApp } from './support';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Jobs created by API requests, run by a separately started worker process context. */
describe('separate worker', () => {
  let sink: SmtpSink;
  let api: TestApp;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    api = await createTestApp({ SMTP_URL: sink.url, WORKER_INLINE: 'false' });
  });
  afterAll(async () => {
    await worker?.close();
    await api.close();
    await sink.close();
  });

  const mails = () => api.app.get(DataSource).getRepository(MailMessageEntity);
  const queueMail = async (to: string) =>
    (
      await api
        .http()
        .post('/api/test-probe/mail')
        .send({ to, subject: 'Hi', text: 'Hello' })
        .expect(202)
    ).body.id as string;

  it('leaves jobs waiting while no worker runs, and a started worker runs them', async () => {
    const id = await queueMail('waiting@org.example');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await mails().findOneByOrFail({ id })).status).toBe('queued');
    expect(sink.messages).toHaveLength(0);

    worker = await startWorker(api.config);
    await sink.waitForMail('waiting@org.example');
    await waitForQueuesIdle(api.app);
    expect((await mails().findOneByOrFail({ id })).status).toBe('sent');
  });

  it('finishes the job in flight before it shuts down', async () => {
    sink.hold(1500);
    const id = await queueMail('in-flight@org.example');
    // Wait until the SMTP conversation has started, then ask the worker to stop.
    const started = Date.now();
    while (sink.attempts < 2 && Date.now() - started < 10000) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(sink.attempts).toBe(2);
    await worker!.close();
    worker = undefined;
    sink.hold(0);
    expect(sink.to('in-flight@org.example')).toHaveLength(1);
    expect((await mails().findOneByOrFail({ id })).status).toBe('sent');
  });
});
