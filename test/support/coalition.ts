import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type SmtpSink, waitForQueuesIdle } from '@app/testing';
import type { TestApp } from './test-app';

const FIXTURES = join(__dirname, '..', 'fixtures');
const DAY = 24 * 3600 * 1000;
/** A sign-on link in a test mail (createTestApp's PUBLIC_URL). */
export const SIGN_LINK = /http:\/\/signatory\.test\/sign\/([A-Za-z0-9_-]{43})/;

export interface FixtureLetter {
  content: {
    title: string;
    date: string;
    body: string;
    addressees: { name: string }[];
    [field: string]: unknown;
  };
  settings: Record<string, unknown>;
}

/** test/fixtures/letter-press-freedom.json */
export const fixtureLetter = JSON.parse(
  readFileSync(join(FIXTURES, 'letter-press-freedom.json'), 'utf8'),
) as FixtureLetter;

/** test/fixtures/organizations.csv, as bytes to import. */
export const fixtureDirectoryCsv = (): Buffer => readFileSync(join(FIXTURES, 'organizations.csv'));

/** The sign-on token in a mail's text. */
export const signLinkIn = (text: string | undefined): string => SIGN_LINK.exec(text ?? '')![1];

/**
 * The coordinator of a workspace with one campaign: what most end-to-end tests start from,
 * written once. Every call goes through the HTTP API.
 */
export class Coalition {
  private counter = 0;

  private constructor(
    readonly t: TestApp,
    readonly token: string,
    readonly workspaceId: string,
    readonly campaignId: string,
  ) {}

  static async create(t: TestApp, name = 'Coalition'): Promise<Coalition> {
    const token = (
      await t
        .http()
        .post('/api/auth/register')
        .send({ email: 'cora@coalition.example', password: 'correct horse battery', name: 'Cora' })
        .expect(201)
    ).body.token as string;
    const auth = { Authorization: `Bearer ${token}` };
    const workspaceId = (
      await t.http().post('/api/workspaces').set(auth).send({ name }).expect(201)
    ).body.id as string;
    const campaignId = (
      await t
        .http()
        .post(`/api/workspaces/${workspaceId}/campaigns`)
        .set(auth)
        .send({ name: 'Safety' })
        .expect(201)
    ).body.id as string;
    return new Coalition(t, token, workspaceId, campaignId);
  }

  auth(): { Authorization: string } {
    return { Authorization: `Bearer ${this.token}` };
  }

  /** A letter (the fixture's text unless given), published until `days` from now. */
  async openLetter(
    settings: object = {},
    options: { days?: number; content?: object } = {},
  ): Promise<string> {
    const lid = await this.draftLetter(settings, options.content);
    const deadline = new Date(this.t.clock.now().getTime() + (options.days ?? 10) * DAY);
    await this.t
      .http()
      .post(`/api/letters/${lid}/publish`)
      .set(this.auth())
      .send({ deadline: deadline.toISOString() })
      .expect(200);
    return lid;
  }

  async draftLetter(settings: object = {}, content: object = fixtureLetter.content) {
    return (
      await this.t
        .http()
        .post(`/api/campaigns/${this.campaignId}/letters`)
        .set(this.auth())
        .send({ content, settings })
        .expect(201)
    ).body.id as string;
  }

  /** Imports the fixture directory (60 organizations); returns them. */
  async importFixtureDirectory(): Promise<{ id: string; name: string; email: string }[]> {
    await this.t
      .http()
      .post(`/api/workspaces/${this.workspaceId}/organizations/import`)
      .set(this.auth())
      .set('Content-Type', 'text/csv')
      .send(fixtureDirectoryCsv())
      .expect(200);
    return (
      await this.t
        .http()
        .get(`/api/workspaces/${this.workspaceId}/organizations?limit=200`)
        .set(this.auth())
        .expect(200)
    ).body.items;
  }

  /**
   * A new organization invited to `lid`, and its link from the mail it received, once the
   * worker has recorded the delivery.
   */
  async invited(
    sink: SmtpSink,
    lid: string,
    name = `Organization ${++this.counter}`,
  ): Promise<{ link: string; email: string; organizationId: string }> {
    const n = ++this.counter;
    const email = `contact${n}@org${n}.example`;
    const organization = (
      await this.t
        .http()
        .post(`/api/workspaces/${this.workspaceId}/organizations`)
        .set(this.auth())
        .send({ name, email, country: 'FR', website: `https://org${n}.example` })
        .expect(201)
    ).body as { id: string };
    await this.t
      .http()
      .post(`/api/letters/${lid}/invitations`)
      .set(this.auth())
      .send({ organizationIds: [organization.id] })
      .expect(202);
    const mail = await sink.waitForMail(email);
    await waitForQueuesIdle(this.t.app);
    return { link: signLinkIn(mail.text), email, organizationId: organization.id };
  }
}
