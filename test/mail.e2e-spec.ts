import { JobName, JobProducer } from '@app/jobs';
import { MailMessageEntity } from '@app/mail';
import { SmtpSink, waitForQueuesIdle } from '@app/testing';
import { createTestApp, type TestApp } from './support';
import { DataSource } from 'typeorm';

/** Mail over a real SMTP conversation: API request → outbox → BullMQ → inline worker → sink. */
describe('mail delivery over SMTP', () => {
  let sink: SmtpSink;
  let t: TestApp;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp({
      SMTP_URL: sink.url,
      MAIL_FROM: 'Signatory <no-reply@signatory.test>',
    });
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  const stored = (id: string) =>
    t.app.get(DataSource).getRepository(MailMessageEntity).findOneByOrFail({ id });

  const queueMail = async (to: string, text = 'Please sign: https://signatory.test/sign/abc') => {
    const res = await t
      .http()
      .post('/api/test-probe/mail')
      .send({ to, subject: 'Sign-on: “Free the press” — Łódź & Zoë', text })
      .expect(202);
    return res.body.id as string;
  };

  it('delivers both parts, from MAIL_FROM, and records the Message-ID', async () => {
    const id = await queueMail('first@org.example');
    const mail = await sink.waitForMail('first@org.example');
    expect(mail.subject).toBe('Sign-on: “Free the press” — Łódź & Zoë');
    expect(mail.text).toContain('https://signatory.test/sign/abc');
    expect(mail.html).toContain('<p>Please sign: https://signatory.test/sign/abc</p>');
    expect(mail.from?.value[0]).toEqual({ address: 'no-reply@signatory.test', name: 'Signatory' });
    await waitForQueuesIdle(t.app);
    const row = await stored(id);
    expect(row.status).toBe('sent');
    expect(row.messageId).toBe(mail.messageId);
    expect(row.sentAt).toBeInstanceOf(Date);
  });

  it('gives a message sent again after a crash the same Message-ID (issue 14.8)', async () => {
    const id = await queueMail('twice@org.example');
    const first = await sink.waitForMail('twice@org.example');
    await waitForQueuesIdle(t.app);
    expect(first.messageId).toBe(`<${id}@signatory.test>`);
    // A worker killed after the server accepted the message, before it was stored as sent:
    // the row still says queued, and BullMQ runs the job again.
    await t.app
      .get(DataSource)
      .getRepository(MailMessageEntity)
      .update({ id }, { status: 'queued' });
    await t.app.get(JobProducer).add(JobName.MailSend, { mailId: id }, { jobId: `again-${id}` });
    await waitForQueuesIdle(t.app);
    const copies = sink.to('twice@org.example');
    expect(copies).toHaveLength(2);
    expect(copies.map((mail) => mail.messageId)).toEqual([first.messageId, first.messageId]);
    expect((await stored(id)).messageId).toBe(first.messageId);
  });

  it('retries a 4xx reply and delivers exactly once', async () => {
    sink.failNext(451, 'Greylisted, try again later');
    const before = sink.attempts;
    const id = await queueMail('retry@org.example');
    await sink.waitForMail('retry@org.example');
    await waitForQueuesIdle(t.app);
    expect(sink.to('retry@org.example')).toHaveLength(1);
    expect(sink.attempts - before).toBe(2);
    const row = await stored(id);
    expect(row).toMatchObject({ status: 'sent', attempts: 2, error: null });
  });

  it('reports a 5xx reply as a permanent failure, without retrying', async () => {
    sink.failNext(550, 'Mailbox does not exist');
    const before = sink.attempts;
    const id = await queueMail('gone@org.example');
    await waitForQueuesIdle(t.app);
    const row = await stored(id);
    expect(row.status).toBe('failed');
    expect(row.error).toContain('550');
    expect(row.error).toContain('Mailbox does not exist');
    expect(row.attempts).toBe(1);
    expect(sink.attempts - before).toBe(1);
    expect(sink.to('gone@org.example')).toHaveLength(0);
  });

  it('refuses a bad address before anything is stored', async () => {
    const res = await t
      .http()
      .post('/api/test-probe/mail')
      .send({ to: 'not-an-address\r\nBcc: victim@example.org', subject: 's', text: 't' })
      .expect(400);
    expect(res.body.message).toMatch(/^to: /);
    expect(await t.app.get(DataSource).getRepository(MailMessageEntity).countBy({})).toBe(4);
  });
});
