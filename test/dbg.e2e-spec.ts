import { JobName, JobProducer } from '@app/jobs';
import { createTestApp, RedisProcess } from '@app/testing';
it('dbg', async () => {
  const redis = await RedisProcess.start();
  const t = await createTestApp({ REDIS_URL: redis.url });
  const p = t.app.get(JobProducer);
  await p.add(JobName.MailSend, { mailId: 'x' }, { jobId: 'a1' });
  await redis.stop();
  for (const wait of [0, 100, 1500]) {
    await new Promise((r) => setTimeout(r, wait));
    const start = Date.now();
    try {
      await p.add(JobName.MailSend, { mailId: 'x' }, { jobId: 'a' + wait });
      process.stderr.write(`ok ${Date.now() - start}\n`);
    } catch (e) {
      process.stderr.write(`err ${Date.now() - start} ${(e as Error).message}\n`);
    }
  }
  await redis.start();
  await t.close();
  await redis.stop();
}, 60000);
