import { CHROMIUM, haveChromium } from '@app/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestApp } from '../support';
import {
  apiAs,
  focusedId,
  heading,
  NO_PROBLEMS,
  PASSWORD,
  screenProblems,
  startWebApp,
  stopWebApp,
  VIEWPORTS,
} from './screens';

const fixture = JSON.parse(
  readFileSync(join(__dirname, '../fixtures/letter-press-freedom.json'), 'utf8'),
) as { content: { title: string } };

const DAY = 24 * 3600 * 1000;
const describeWithBrowser = haveChromium ? describe : describe.skip;

describeWithBrowser(
  haveChromium
    ? 'campaigns and letters, in a browser'
    : `campaigns and letters — SKIPPED: ${CHROMIUM} is not installed (.ci/run installs it)`,
  () => {
    let t: TestApp;
    let browser: Browser;
    let base: string;
    let people = 0;

    beforeAll(async () => {
      ({ t, browser, base } = await startWebApp());
    }, 120_000);

    afterAll(async () => {
      await stopWebApp({ t, browser });
    });

    /** A new account signed in in `context`, owning a new workspace in New York's zone. */
    async function ownerWithWorkspace(context: BrowserContext, name: string) {
      people += 1;
      const res = await context.request.post(`${base}/api/auth/register`, {
        data: {
          name: `Lead ${people}`,
          email: `campaigns${people}@coalition.example`,
          password: PASSWORD,
        },
      });
      expect(res.status()).toBe(201);
      const body = { name, timeZone: 'America/New_York' };
      return (await apiAs(context, base, 'post', '/api/workspaces', body)).id;
    }

    /** A letter published until three days and an hour from now, through the API. */
    async function openLetter(context: BrowserContext, cid: string) {
      const letter = await apiAs(context, base, 'post', `/api/campaigns/${cid}/letters`, {
        content: fixture.content,
      });
      const deadline = new Date(t.clock.now().getTime() + 3 * DAY + 3600_000).toISOString();
      await apiAs(context, base, 'post', `/api/letters/${letter.id}/publish`, { deadline });
      return { id: letter.id, deadline };
    }

    const row = (page: Page, text: string) => page.getByRole('listitem').filter({ hasText: text });

    it('creates a campaign with the keyboard alone, renames it, adds a draft letter, opens its proofs, archives it', async () => {
      const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
      try {
        const wid = await ownerWithWorkspace(context, 'Campaigning Coalition');
        const page = await context.newPage();
        await page.goto(`${base}/`);
        // The workspace's home is its campaigns.
        await page.waitForURL(`${base}/w/${wid}`);
        await heading(page, 'Campaigns');

        // Keyboard only: from the heading, Tab past the archive toggle to the name, Enter.
        await page.keyboard.press('Tab');
        expect(await focusedId(page)).toBe('show-archived');
        await page.keyboard.press('Tab');
        expect(await focusedId(page)).toBe('field-name');
        await page.keyboard.type('Safety of journalists');
        await page.keyboard.press('Enter');
        await heading(page, 'Safety of journalists');
        const cid = /\/campaigns\/([^/]+)$/.exec(page.url())![1];

        await page.getByLabel('Campaign name').fill('Journalists in detention');
        await page.getByRole('button', { name: 'Rename' }).click();
        await page.getByRole('status').filter({ hasText: 'Renamed.' }).waitFor();
        await heading(page, 'Journalists in detention');

        const open = await openLetter(context, cid);
        await page.getByLabel('Letter title').fill('Release them now');
        await page.getByRole('button', { name: 'Create letter' }).click();
        await heading(page, 'Release them now');
        const lid = /\/letters\/([^/]+)$/.exec(page.url())![1];
        await page.getByText('Draft', { exact: true }).waitFor();
        await page.getByText('Revision 1, not published yet.').waitFor();
        for (const name of [/PDF preview/, /Signer page preview/]) {
          const link = page.getByRole('link', { name });
          expect(await link.getAttribute('target')).toBe('_blank');
          const proof = await context.request.get(base + (await link.getAttribute('href'))!);
          expect(proof.status()).toBe(200);
        }
        expect(await page.getByRole('link', { name: /PDF preview/ }).getAttribute('href')).toBe(
          `/api/letters/${lid}/preview.pdf`,
        );

        await page.getByRole('link', { name: 'Back to the campaign' }).click();
        await heading(page, 'Journalists in detention');
        const draft = row(page, 'Release them now');
        await draft.getByText('Draft', { exact: true }).waitFor();
        await draft.getByText('No deadline yet · 0 sign-ons').waitFor();
        const published = row(page, fixture.content.title);
        await published.getByText('Open', { exact: true }).waitFor();
        await published.getByText('closes in 3 days · 0 sign-ons', { exact: false }).waitFor();
        expect(await published.locator('time').getAttribute('datetime')).toBe(
          new Date(open.deadline).toISOString(),
        );

        await page.getByRole('button', { name: 'Archive' }).click();
        await page.getByRole('status').filter({ hasText: 'Archived.' }).waitFor();
        expect(await page.getByLabel('Letter title').count()).toBe(0);
        await page.getByRole('link', { name: 'Campaigns', exact: true }).first().click();
        await heading(page, 'Campaigns');
        await page.getByText('No campaigns yet, or only archived ones.').waitFor();
        await page.getByLabel('Show archived campaigns').check();
        await row(page, 'Journalists in detention').getByText('Archived').waitFor();
      } finally {
        await context.close();
      }
    }, 120_000);

    it('moves an address naming another of the member’s workspaces to the item’s own', async () => {
      const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
      try {
        const other = await ownerWithWorkspace(context, 'First Coalition');
        const body = { name: 'Second Coalition', timeZone: 'Europe/Paris' };
        const wid = (await apiAs(context, base, 'post', '/api/workspaces', body)).id;
        const cid = (
          await apiAs(context, base, 'post', `/api/workspaces/${wid}/campaigns`, { name: 'Moved' })
        ).id;
        const { id: lid } = await openLetter(context, cid);
        const oid = (
          await apiAs(context, base, 'post', `/api/workspaces/${wid}/organizations`, {
            name: 'Union of Moved Links',
            email: 'moved@union.example',
          })
        ).id;
        const page = await context.newPage();
        const visit = async (path: string, title: string) => {
          await page.goto(`${base}/w/${other}${path}`);
          await page.waitForURL(`${base}/w/${wid}${path}`);
          await heading(page, title);
        };
        await visit(`/letters/${lid}`, fixture.content.title);
        await visit(`/letters/${lid}/signatures?status=confirmed`, 'Signatures');
        await visit(`/campaigns/${cid}`, 'Moved');
        await visit(`/directory/${oid}`, 'Organization');
        await page.getByText('Union of Moved Links').first().waitFor();
        await visit(`/directory/${oid}/edit`, 'Edit an organization');
        // Back goes to where the reader came from, not to the wrong address again.
        await page.goBack();
        await page.waitForURL(`${base}/w/${wid}/directory/${oid}`);
      } finally {
        await context.close();
      }
    }, 120_000);

    it('shows a viewer the letter read-only: no editor link, no publishing, no comment form', async () => {
      const lead = await browser.newContext({ viewport: VIEWPORTS.desktop });
      const viewer = await browser.newContext({ viewport: VIEWPORTS.desktop });
      try {
        const wid = await ownerWithWorkspace(lead, 'Read-only Coalition');
        const cid = (
          await apiAs(lead, base, 'post', `/api/workspaces/${wid}/campaigns`, { name: 'Watch' })
        ).id;
        const letter = await apiAs(lead, base, 'post', `/api/campaigns/${cid}/letters`, {
          content: fixture.content,
        });
        const email = 'viewer@coalition.example';
        const res = await viewer.request.post(`${base}/api/auth/register`, {
          data: { name: 'Vera Viewer', email, password: PASSWORD },
        });
        expect(res.status()).toBe(201);
        await apiAs(lead, base, 'post', `/api/workspaces/${wid}/members`, {
          email,
          role: 'viewer',
        });

        const leadPage = await lead.newPage();
        await leadPage.goto(`${base}/w/${wid}/letters/${letter.id}`);
        await heading(leadPage, fixture.content.title);
        await leadPage.getByRole('link', { name: 'Edit draft' }).waitFor();

        const page = await viewer.newPage();
        await page.goto(`${base}/w/${wid}/letters/${letter.id}`);
        await heading(page, fixture.content.title);
        await page.getByRole('heading', { name: 'Proofs' }).waitFor();
        await page.getByRole('heading', { name: 'Comments' }).waitFor();
        expect(await page.getByRole('link', { name: 'Edit draft' }).count()).toBe(0);
        expect(await page.getByRole('heading', { name: 'Publishing' }).count()).toBe(0);
        expect(await page.getByRole('button', { name: 'Add comment' }).count()).toBe(0);
      } finally {
        await lead.close();
        await viewer.close();
      }
    }, 120_000);

    for (const [size, viewport] of Object.entries(VIEWPORTS)) {
      it(`has no axe-core violations on the campaign and letter screens (${size}, ${viewport.width} px)`, async () => {
        const context = await browser.newContext({ bypassCSP: true, viewport });
        const found: Record<string, object> = {};
        try {
          const wid = await ownerWithWorkspace(context, `Axe Campaigns ${size}`);
          const cid = (
            await apiAs(context, base, 'post', `/api/workspaces/${wid}/campaigns`, {
              name: 'Axe campaign',
            })
          ).id;
          const open = await openLetter(context, cid);
          const page = await context.newPage();
          const visit = async (path: string, title: string) => {
            await page.goto(base + path);
            await heading(page, title);
            await page
              .getByRole('status')
              .filter({ hasText: 'Loading' })
              // A letter's page loads its comments and revisions too: wait for every part.
              .first()
              .waitFor({ state: 'detached' });
            found[title] = await screenProblems(page);
          };
          await visit(`/w/${wid}`, 'Campaigns');
          await page.getByRole('button', { name: 'Create campaign' }).click();
          await page.getByText('Must contain visible text', { exact: false }).waitFor();
          found['Campaigns, refused'] = await screenProblems(page);
          await visit(`/w/${wid}/campaigns/${cid}`, 'Axe campaign');
          await visit(`/w/${wid}/letters/${open.id}`, fixture.content.title);
          await visit(
            `/w/${wid}/campaigns/00000000-0000-4000-8000-000000000000`,
            'Campaign not found',
          );
        } finally {
          await context.close();
        }
        expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, NO_PROBLEMS])));
      }, 90_000);
    }
  },
);
