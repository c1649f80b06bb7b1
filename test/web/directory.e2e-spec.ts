import { CHROMIUM, haveChromium, SmtpSink, waitForQueuesIdle } from '@app/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { fixtureLetter, SIGN_LINK, signLinkIn, type TestApp } from '../support';
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

/** test/fixtures/organizations.csv: 60 names in Latin with accents, Greek, Cyrillic, Arabic, CJK. */
const DIRECTORY_CSV = readFileSync(join(__dirname, '../fixtures/organizations.csv'));
const ALLIANCE = 'Alliance des Défenseurs des Droits Humains';
/** The same name key as ALLIANCE (case and accents aside): a likely duplicate. */
const ALLIANCE_AGAIN = 'ALLIANCE DES DEFENSEURS DES DROITS HUMAINS';
const DAY = 24 * 3600 * 1000;
const describeWithBrowser = haveChromium ? describe : describe.skip;

interface Org {
  id: string;
  name: string;
  email: string;
}

describeWithBrowser(
  haveChromium
    ? 'the directory, in a browser'
    : `the directory — SKIPPED: ${CHROMIUM} is not installed (.ci/run installs it)`,
  () => {
    let t: TestApp;
    let browser: Browser;
    let base: string;
    let sink: SmtpSink;
    let people = 0;

    beforeAll(async () => {
      sink = await SmtpSink.start();
      ({ t, browser, base } = await startWebApp({ SMTP_URL: sink.url, MAIL_PER_MINUTE: '10000' }));
    }, 120_000);

    afterAll(async () => {
      await stopWebApp({ t, browser });
      await sink?.close();
    });

    /**
     * A coordinator's workspace holding the fixture directory, a likely duplicate of
     * ALLIANCE, and a campaign; everything through the API as the context's account.
     */
    async function seededWorkspace(context: BrowserContext, name: string) {
      people += 1;
      const res = await context.request.post(`${base}/api/auth/register`, {
        data: {
          name: `Cora ${people}`,
          email: `directory${people}@coalition.example`,
          password: PASSWORD,
        },
      });
      expect(res.status()).toBe(201);
      const wid = (await apiAs(context, base, 'post', '/api/workspaces', { name })).id;
      const csrf = (await context.cookies(base)).find((c) => c.name === 'signatory_csrf')!.value;
      const imported = await context.request.post(
        `${base}/api/workspaces/${wid}/organizations/import`,
        { data: DIRECTORY_CSV, headers: { 'Content-Type': 'text/csv', 'X-CSRF-Token': csrf } },
      );
      expect(imported.status()).toBe(200);
      const again = await apiAs(context, base, 'post', `/api/workspaces/${wid}/organizations`, {
        name: ALLIANCE_AGAIN,
        email: `adh${people}@duplicate.example`,
        tags: ['press'],
      });
      expect(again.possibleDuplicates).toEqual([expect.objectContaining({ name: ALLIANCE })]);
      const cid = (
        await apiAs(context, base, 'post', `/api/workspaces/${wid}/campaigns`, { name: 'Safety' })
      ).id;
      return { wid, cid, duplicate: again as unknown as Org };
    }

    const organizations = async (context: BrowserContext, wid: string, query = '') =>
      (await apiAs(
        context,
        base,
        'get',
        `/api/workspaces/${wid}/organizations${query}`,
      )) as unknown as {
        items: Org[];
        total: number;
      };

    /** A letter titled `title`, published for ten days, with `org` invited to it. */
    async function invitedTo(context: BrowserContext, cid: string, title: string, org: Org) {
      const lid = (
        await apiAs(context, base, 'post', `/api/campaigns/${cid}/letters`, {
          content: { ...fixtureLetter.content, title },
        })
      ).id;
      const deadline = new Date(t.clock.now().getTime() + 10 * DAY).toISOString();
      await apiAs(context, base, 'post', `/api/letters/${lid}/publish`, { deadline });
      await apiAs(context, base, 'post', `/api/letters/${lid}/invitations`, {
        organizationIds: [org.id],
      });
      return lid;
    }

    /** The sign-on link mailed to `email` (its first invitation). */
    async function linkFor(email: string) {
      const mail = await sink.waitForMail(email);
      await waitForQueuesIdle(t.app);
      expect(mail.text).toMatch(SIGN_LINK);
      return signLinkIn(mail.text);
    }

    const rows = (page: Page) => page.locator('tbody tr th[scope="row"] a');
    const rowNames = (page: Page) => rows(page).allTextContents();
    const status = (page: Page, text: string | RegExp) =>
      page.getByRole('status').filter({ hasText: text }).waitFor();
    /** Accepts the next confirm(), keeping its question. */
    const acceptNext = (page: Page) =>
      new Promise<string>((resolve) =>
        page.once('dialog', (dialog) => {
          resolve(dialog.message());
          void dialog.accept();
        }),
      );

    it('searches without accents, filters by tag, sorts, pages, and keeps it all in the URL', async () => {
      const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
      try {
        const { wid } = await seededWorkspace(context, 'Searching Coalition');
        const legal = await organizations(context, wid, '?tag=legal&limit=200');
        const page = await context.newPage();
        await page.goto(`${base}/w/${wid}`);
        await page.getByRole('link', { name: 'Directory', exact: true }).click();
        await heading(page, 'Directory');
        await status(page, '1–50 of 61');
        expect(await rows(page).count()).toBe(50);
        expect(await page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');
        for (const name of await rowNames(page)) expect(name.trim()).not.toBe('');
        expect(await rows(page).first().getAttribute('dir')).toBe('auto');

        // Accents and case ignored, as the API does: "cesti" finds "Čeští novináři bez hranic".
        await page.getByLabel('Search by name').fill('cesti');
        await page.waitForURL(/\?q=cesti$/);
        await status(page, '1–1 of 1');
        expect(await rowNames(page)).toEqual(['Čeští novináři bez hranic']);
        await page.getByLabel('Search by name').fill('défenseurs');
        await page.waitForURL(/\?q=d%C3%A9fenseurs$/);
        await status(page, '1–2 of 2');
        expect((await rowNames(page)).sort()).toEqual([ALLIANCE, ALLIANCE_AGAIN].sort());

        // Back and forward, and a reload, keep the search.
        await page.goBack();
        await status(page, '1–1 of 1');
        expect(await page.getByLabel('Search by name').inputValue()).toBe('cesti');
        await page.goForward();
        await status(page, '1–2 of 2');
        await page.reload();
        await heading(page, 'Directory');
        await status(page, '1–2 of 2');
        expect(await page.getByLabel('Search by name').inputValue()).toBe('défenseurs');

        // A tag, typed; then a tag link in a row narrows by it too.
        await page.getByLabel('Search by name').fill('');
        await page.getByLabel('Tag', { exact: true }).fill('legal');
        await page.waitForURL(/\?tag=legal$/);
        await status(page, `1–${Math.min(50, legal.total)} of ${legal.total}`);
        expect(legal.total).toBeGreaterThan(10);
        expect(new Set(await rowNames(page))).toEqual(new Set(legal.items.map((o) => o.name)));
        await page.getByLabel('Tag', { exact: true }).fill('');
        await page.waitForURL(`${base}/w/${wid}/directory`);
        await page.getByRole('link', { name: 'Only tag regional' }).first().click();
        await page.waitForURL(/\?tag=regional$/);
        expect(await page.getByLabel('Tag', { exact: true }).inputValue()).toBe('regional');

        // Sort Z to A, then page: the order spans the pages (the server's), not one page's rows.
        await page.goto(`${base}/w/${wid}/directory`);
        await status(page, '1–50 of 61');
        const ascending = [
          ...(await organizations(context, wid, '?limit=50&page=1')).items,
          ...(await organizations(context, wid, '?limit=50&page=2')).items,
        ].map((o) => o.name);
        expect(await rowNames(page)).toEqual(ascending.slice(0, 50));
        await page.getByRole('link', { name: /^Name/ }).click();
        await page.waitForURL(/\?sort=-name$/);
        await page.locator('th[aria-sort="descending"]').waitFor();
        await status(page, '1–50 of 61');
        expect(await rowNames(page)).toEqual([...ascending].reverse().slice(0, 50));
        await page.getByRole('link', { name: 'Next page' }).click();
        await page.waitForURL(/\?sort=-name&page=2$/);
        await status(page, '51–61 of 61');
        expect(await rowNames(page)).toEqual([...ascending].reverse().slice(50));
        await page.getByText('Page 2 of 2').waitFor();
        expect(await page.getByRole('link', { name: 'Next page' }).count()).toBe(0);
        // Changing the order starts again at page 1.
        await page.getByRole('link', { name: /^Name/ }).click();
        await page.waitForURL(`${base}/w/${wid}/directory`);
        await status(page, '1–50 of 61');
        expect(await rowNames(page)).toEqual(ascending.slice(0, 50));
      } finally {
        await context.close();
      }
    }, 120_000);

    it('adds (a refused field first), edits, archives, shows the history across letters and merges duplicates', async () => {
      const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
      try {
        const { wid, cid, duplicate } = await seededWorkspace(context, 'Managing Coalition');
        const alliance = (await organizations(context, wid, '?search=alliance%20des')).items.find(
          (o) => o.name === ALLIANCE,
        )!;
        // The fixture's ALLIANCE signs one letter; its duplicate declines another.
        await invitedTo(context, cid, 'Release the journalists', alliance);
        const signed = await t
          .http()
          .post(`/api/sign/${await linkFor(alliance.email)}`)
          .send({
            displayName: ALLIANCE,
            signerName: 'Fatou Ndiaye',
            consent: true,
            authorized: true,
          });
        expect(signed.status).toBe(201);
        await invitedTo(context, cid, 'Protect the sources', duplicate);
        await t
          .http()
          .post(`/api/sign/${await linkFor(duplicate.email)}/decline`)
          .send({})
          .expect(200);

        const page = await context.newPage();
        await page.goto(`${base}/w/${wid}/directory`);
        await heading(page, 'Directory');

        // By last activity, most recent first: the duplicate declined after ALLIANCE signed;
        // the never invited follow, by name, with no date.
        await page.getByRole('link', { name: /^Last activity/ }).click();
        await page.waitForURL(/\?sort=-lastActivity$/);
        await page.locator('th[aria-sort="descending"]', { hasText: 'Last activity' }).waitFor();
        expect(await page.locator('th[aria-sort]').count()).toBe(1);
        // The rows of the old order stay (the status says "Loading…") until the new ones come.
        await status(page, /^1–\d+ of \d+$/);
        expect((await rowNames(page)).slice(0, 2)).toEqual([ALLIANCE_AGAIN, ALLIANCE]);
        const activity = page.locator('tbody tr td:nth-child(5)');
        expect(await activity.nth(0).textContent()).toMatch(/^(just now|\d+ minutes? ago)$/);
        expect(await activity.nth(2).textContent()).toBe('—none');

        await page.getByRole('link', { name: 'Add an organization' }).click();
        await heading(page, 'Add an organization');

        // Refused: the API's reason beside the email field, which takes the focus.
        const name = 'مرصد الإعلام الحر – Observatoire';
        await page.getByLabel('Name', { exact: true }).fill(name);
        await page.getByLabel('Email', { exact: true }).fill('not an address');
        await page.getByLabel('Tags').fill('press, Légal');
        await page.getByRole('button', { name: 'Add' }).click();
        await page
          .locator('#field-email-error')
          .filter({ hasText: 'Not an email address' })
          .waitFor();
        expect(await focusedId(page)).toBe('field-email');
        expect(await page.getByLabel('Email', { exact: true }).getAttribute('aria-invalid')).toBe(
          'true',
        );
        await page.getByLabel('Email', { exact: true }).fill('contact@observatoire.example');
        await page.keyboard.press('Enter');
        await heading(page, 'Organization');
        await status(page, 'Added to the directory.');
        await page.locator('bdi').filter({ hasText: name }).waitFor();
        const oid = /\/directory\/([^/]+)$/.exec(page.url())![1];
        expect((await apiAs(context, base, 'get', `/api/organizations/${oid}`)).tags).toEqual([
          'press',
          'légal',
        ]);
        await page.getByText('Not invited to any letter yet, and no sign-on.').waitFor();

        // Edit.
        await page.getByRole('link', { name: 'Edit' }).click();
        await heading(page, 'Edit an organization');
        expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe(name);
        await page.getByLabel('Contact person').fill('Layla Haddad');
        await page.getByLabel('Country').fill('LB');
        await page.getByRole('button', { name: 'Save' }).click();
        await status(page, 'Saved.');
        await page.getByText('Layla Haddad').waitFor();
        expect(await apiAs(context, base, 'get', `/api/organizations/${oid}`)).toMatchObject({
          contactName: 'Layla Haddad',
          country: 'LB',
        });

        // Archive, after a question that says what happens.
        const question = acceptNext(page);
        await page.getByRole('button', { name: 'Archive…' }).click();
        expect(await question).toMatch(
          /leaves the directory's list.*invitations and sign-ons on letters are kept/s,
        );
        await status(page, 'Archived.');
        expect((await apiAs(context, base, 'get', `/api/organizations/${oid}`)).archived).toBe(
          true,
        );
        await page.goto(`${base}/w/${wid}/directory?q=observatoire`);
        await status(page, '1–1 of 1'); // "L'Observatoire de la liberté de la presse" only
        await page.getByLabel('Show archived organizations').check();
        await page.waitForURL(/archived=1/);
        await status(page, '1–2 of 2');

        // History across letters.
        await page.goto(`${base}/w/${wid}/directory/${alliance.id}`);
        await heading(page, 'Organization');
        const history = page.getByRole('list', { name: 'Letters' });
        await history.getByText('Release the journalists').waitFor();
        expect(await history.getByRole('listitem').count()).toBe(1);
        await history.getByText('Signed', { exact: true }).waitFor();

        // The duplicates: keep the fixture's ALLIANCE, merge the other into it.
        await page.goto(`${base}/w/${wid}/directory`);
        await page.getByRole('link', { name: 'Likely duplicates' }).click();
        await heading(page, 'Likely duplicates');
        const group = page.getByRole('region', { name: /Group 1/ });
        await group.getByRole('link', { name: ALLIANCE_AGAIN }).waitFor();
        const keep = group.getByRole('listitem').filter({ hasText: alliance.email });
        const merge = acceptNext(page);
        await keep.getByRole('button', { name: /Merge into this one/ }).click();
        const asked = await merge;
        expect(asked).toContain(`Keep “${ALLIANCE}”`);
        expect(asked).toContain(`merge “${ALLIANCE_AGAIN}” into it`);
        await status(page, `Merged into “${ALLIANCE}”.`);
        await page.getByText('No likely duplicates in the directory.').waitFor();

        // The kept one now carries the declined letter too.
        await page.goto(`${base}/w/${wid}/directory/${alliance.id}`);
        await history.getByText('Protect the sources').waitFor();
        expect(await history.getByRole('listitem').count()).toBe(2);
        await history.getByText('Declined', { exact: true }).waitFor();
        expect(
          (await apiAs(context, base, 'get', `/api/organizations/${duplicate.id}`)).archived,
        ).toBe(true);
      } finally {
        await context.close();
      }
    }, 180_000);

    it('shows a viewer the directory read-only: no add, edit, archive or merge', async () => {
      const owner = await browser.newContext({ viewport: VIEWPORTS.desktop });
      const viewer = await browser.newContext({ viewport: VIEWPORTS.phone });
      try {
        const { wid, duplicate } = await seededWorkspace(owner, 'Reading Coalition');
        const email = 'viewer@coalition.example';
        const res = await viewer.request.post(`${base}/api/auth/register`, {
          data: { name: 'Vera Viewer', email, password: PASSWORD },
        });
        expect(res.status()).toBe(201);
        await apiAs(owner, base, 'post', `/api/workspaces/${wid}/members`, {
          email,
          role: 'viewer',
        });

        const page = await viewer.newPage();
        await page.goto(`${base}/w/${wid}/directory`);
        await heading(page, 'Directory');
        await status(page, '1–50 of 61');
        expect(await page.getByRole('link', { name: 'Add an organization' }).count()).toBe(0);
        await page.getByRole('link', { name: ALLIANCE_AGAIN }).click();
        await heading(page, 'Organization');
        await page.getByText('Not invited to any letter yet, and no sign-on.').waitFor();
        expect(await page.getByRole('link', { name: 'Edit' }).count()).toBe(0);
        expect(await page.getByRole('button', { name: /Archive|Restore/ }).count()).toBe(0);
        await page.goto(`${base}/w/${wid}/directory/duplicates`);
        await page.getByRole('link', { name: ALLIANCE_AGAIN }).waitFor();
        expect(await page.getByRole('button', { name: /Merge/ }).count()).toBe(0);
        await page.goto(`${base}/w/${wid}/directory/${duplicate.id}/edit`);
        await page.getByText('Only coordinators, leads and owners change the directory.').waitFor();
        expect(await page.locator('form input').count()).toBe(0);
      } finally {
        await owner.close();
        await viewer.close();
      }
    }, 120_000);

    for (const [size, viewport] of Object.entries(VIEWPORTS)) {
      it(`has no axe-core violations on the directory screens (${size}, ${viewport.width} px)`, async () => {
        const context = await browser.newContext({ bypassCSP: true, viewport });
        const found: Record<string, object> = {};
        try {
          const { wid, cid, duplicate } = await seededWorkspace(context, `Axe Directory ${size}`);
          await invitedTo(context, cid, 'Release the journalists', duplicate);
          const page = await context.newPage();
          const visit = async (path: string, title: string) => {
            await page.goto(base + path);
            await heading(page, title);
            await page
              .getByRole('status')
              .filter({ hasText: 'Loading' })
              .first()
              .waitFor({ state: 'detached' });
            found[`${title} ${path}`] = await screenProblems(page);
          };
          await visit(`/w/${wid}/directory`, 'Directory');
          await visit(`/w/${wid}/directory?q=${encodeURIComponent('مركز')}`, 'Directory');
          await visit(`/w/${wid}/directory?q=nothing-like-this`, 'Directory');
          await visit(`/w/${wid}/directory/new`, 'Add an organization');
          await page.getByRole('button', { name: 'Add' }).click();
          await page.locator('#field-name-error').waitFor();
          found['the form, refused'] = await screenProblems(page);
          await visit(`/w/${wid}/directory/duplicates`, 'Likely duplicates');
          await visit(`/w/${wid}/directory/${duplicate.id}`, 'Organization');
          await page.getByText('Release the journalists').waitFor();
          found['the organization, with its history'] = await screenProblems(page);
          await visit(`/w/${wid}/directory/${duplicate.id}/edit`, 'Edit an organization');
          // The table scrolls inside its region, which the keyboard can reach.
          await page.goto(`${base}/w/${wid}/directory`);
          await heading(page, 'Directory');
          const region = page.getByRole('region', { name: /Organizations, by name/ });
          expect(await region.getAttribute('tabindex')).toBe('0');
        } finally {
          await context.close();
        }
        expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, NO_PROBLEMS])));
      }, 120_000);
    }
  },
);
