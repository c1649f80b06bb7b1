import { MailMessageEntity } from '@app/mail';
import { waitForQueuesIdle } from '@app/testing';
import { createTestApp, type TestApp } from './support';
import { simpleParser } from 'mailparser';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

/** Without SMTP_URL every message becomes an .eml file under var/outbox/. */
describe('mail without SMTP_URL', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ SMTP_URL: undefined });
  });
  afterAll(async () => {
    await t.close();
  });

  it('writes the whole message, both parts, as an .eml file', async () => {
    const res = await t
      .http()
      .post('/api/test-probe/mail')
      .send({
        to: 'local@org.example',
        subject: 'Sign: Ñuñoa',
        text: 'Link: http://signatory.test/sign/tok',
      })
      .expect(202);
    await waitForQueuesIdle(t.app);

    const files = readdirSync(t.config.mailOutboxDir).filter((name) => name.endsWith('.eml'));
    expect(files).toHaveLength(1);
    const mail = await simpleParser(readFileSync(join(t.config.mailOutboxDir, files[0])));
    expect(mail.subject).toBe('Sign: Ñuñoa');
    expect(mail.text).toContain('http://signatory.test/sign/tok');
    expect(mail.html).toContain('<p>Link: http://signatory.test/sign/tok</p>');

    const row = await t.app
      .get(DataSource)
      .getRepository(MailMessageEntity)
      .findOneByOrFail({ id: res.body.id });
    expect(row.status).toBe('sent');
    expect(row.messageId).toBe(mail.messageId);
  });
});
