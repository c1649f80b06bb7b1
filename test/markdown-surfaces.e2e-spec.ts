import { readPdf, type PdfLine } from '@app/pdf/testing/read-pdf';
import { SmtpSink, waitForQueuesIdle } from '@app/testing';
import { Coalition, createTestApp, fixtureLetter as letter, type TestApp } from './support';
import type { Response } from 'supertest';

// One body with every construct a letter may use: section headings of both levels, a quote,
// numbered and bulleted lists nested one level, bold, italic, links.
const BODY = [
  'We write to you about **press freedom** and the *safety* of reporters.',
  '',
  '## Our requests',
  '',
  'We ask that you:',
  '',
  '1. release the *detained* reporters;',
  '2. protect them:',
  '   - in **law**,',
  '   - in practice.',
  '',
  '### What the Court said',
  '',
  '> A free press is the [guardian](https://example.org/court) of every other right.',
  '',
  '- Read our [joint report](https://example.org/report).',
].join('\n');

/**
 * What every surface must show, block by block: the kind (a heading's level, a quote, a list
 * item with its marker and nesting), the words.
 */
const STRUCTURE = [
  'p: We write to you about press freedom and the safety of reporters.',
  'h2: Our requests',
  'p: We ask that you:',
  'li 1.: release the detained reporters;',
  'li 2.: protect them:',
  'li2 •: in law,',
  'li2 •: in practice.',
  'h3: What the Court said',
  'quote: A free press is the guardian of every other right.',
  'li •: Read our joint report.',
];
const SALUTATION = letter.content.salutation as string;
const CLOSING = letter.content.closing as string;
const BOLD = ['press freedom', 'law'];
const ITALIC = ['safety', 'detained'];
const LINKS = ['https://example.org/court', 'https://example.org/report'];

const squash = (text: string) =>
  text
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();

/** The structure of markdown-it's HTML for the body (what pages and mails insert). */
function htmlStructure(html: string) {
  const blocks: string[] = [];
  const bold: string[] = [];
  const italic: string[] = [];
  const links: string[] = [];
  const lists: { ordered: boolean; next: number }[] = [];
  let quote = 0;
  let open: { kind: string; text: string } | null = null;
  let mark: { tag: string; text: string } | null = null;
  const flush = () => {
    if (open) blocks.push(`${open.kind}: ${squash(open.text)}`);
    open = null;
  };
  for (const part of html.split(/(<[^>]+>)/)) {
    const tag = /^<(\/?)([a-z0-9]+)([^>]*)>$/.exec(part);
    if (!tag) {
      if (open) open.text += part;
      if (mark) mark.text += part;
      continue;
    }
    const [, closing, name, attrs] = tag;
    if (name === 'strong' || name === 'em') {
      if (!closing) mark = { tag: name, text: '' };
      else if (mark) (name === 'strong' ? bold : italic).push(squash(mark.text));
      if (closing) mark = null;
    } else if (name === 'a' && !closing) {
      links.push(/href="([^"]*)"/.exec(attrs)![1]);
    } else if (name === 'blockquote') {
      quote += closing ? -1 : 1;
    } else if (name === 'ul' || name === 'ol') {
      flush();
      if (closing) lists.pop();
      else
        lists.push({ ordered: name === 'ol', next: Number(/start="(\d+)"/.exec(attrs)?.[1] ?? 1) });
    } else if (name === 'li' && !closing) {
      flush();
      const list = lists.at(-1)!;
      const marker = list.ordered ? `${list.next++}.` : '•';
      open = { kind: `li${lists.length > 1 ? lists.length : ''} ${marker}`, text: '' };
    } else if (['h2', 'h3', 'p'].includes(name)) {
      if (closing) flush();
      else if (!open || name !== 'p') open = { kind: quote ? 'quote' : name, text: '' };
    } else if (name === 'li' && closing) {
      flush();
    }
  }
  return { blocks, bold, italic, links };
}

/**
 * The structure of the plain-text part: blocks apart by blank lines, "> " quotes, "1." and
 * "•" items indented by nesting. A heading is a line of its own there, as a paragraph is.
 */
function textStructure(text: string) {
  const blocks: string[] = [];
  // A link's address follows its words in angle brackets.
  const links = [...text.matchAll(/ <(https?:[^>]+)>/g)].map((match) => match[1]);
  for (const chunk of text.replace(/ <https?:[^>]+>/g, '').split(/\n{2,}/)) {
    const lines = chunk.split('\n');
    if (lines.every((line) => line.startsWith('>'))) {
      blocks.push(`quote: ${squash(lines.map((line) => line.slice(1)).join(' '))}`);
      continue;
    }
    for (const line of lines) {
      const item = /^( *)(\d+\.|•) (.*)$/.exec(line);
      if (item) blocks.push(`li${item[1] ? 2 : ''} ${item[2]}: ${squash(item[3])}`);
      else blocks.push(`p: ${squash(line)}`);
    }
  }
  return { blocks, links };
}

/**
 * The structure of the PDF's body as pdf.js reads it back: headings by their size and bold
 * face, the quote by its indent, list items by their markers and indent, paragraphs by the
 * gap above them.
 */
function pdfStructure(lines: PdfLine[]) {
  const left = Math.min(...lines.map((line) => line.x));
  const blocks: { kind: string; text: string; y: number }[] = [];
  const bold: string[] = [];
  const italic: string[] = [];
  for (const line of lines) {
    const first = line.items[0];
    const item = /^(\d+\.|•) (.*)$/.exec(line.text);
    const previous = blocks.at(-1);
    // A wrapped line continues its block: no marker, one line's advance (15.4 pt) below.
    if (previous !== undefined && !item && previous.y - line.y < 16) {
      previous.text += ` ${line.text}`;
      previous.y = line.y;
    } else if (first.size > 12.5) blocks.push({ kind: 'h2', text: line.text, y: line.y });
    else if (first.size > 11.2) blocks.push({ kind: 'h3', text: line.text, y: line.y });
    else if (item) {
      const kind = `li${first.x - left > 10 ? 2 : ''} ${item[1]}`;
      blocks.push({ kind, text: item[2], y: line.y });
    } else {
      blocks.push({ kind: first.x - left > 20 ? 'quote' : 'p', text: line.text, y: line.y });
    }
    // Runs of bold or italic text in the letter's own words (headings are bold by design).
    if (first.size > 11.2) continue;
    let run: { style: string; text: string } | null = null;
    for (const piece of [...line.items, null]) {
      const style =
        piece === null
          ? ''
          : /Bold/.test(piece.font)
            ? 'bold'
            : /Italic/.test(piece.font)
              ? 'italic'
              : '';
      if (run && (piece === null || style !== run.style)) {
        (run.style === 'bold' ? bold : italic).push(squash(run.text));
        run = null;
      }
      if (piece === null) break;
      if (style && run) run.text += piece.str;
      else if (style) run = { style, text: piece.str };
    }
  }
  return { blocks: blocks.map((b) => `${b.kind}: ${squash(b.text)}`), bold, italic };
}

/** supertest: the response body as bytes. */
const binary = (res: Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

describe('a body with every supported construct reads the same on every surface', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let coalition: Coalition;
  let lid: string;
  let link: string;
  let email: string;
  const auth = () => coalition.auth();

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp({ SMTP_URL: sink.url, MAIL_PER_MINUTE: '10000' });
    coalition = await Coalition.create(t, 'Press Freedom Coalition');
    lid = await coalition.openLetter(
      { publicPage: true },
      { content: { ...letter.content, body: BODY } },
    );
    ({ link, email } = await coalition.invited(sink, lid, 'Maharat Foundation'));
    await t
      .http()
      .post(`/api/sign/${link}`)
      .send({
        displayName: 'Maharat Foundation',
        signerName: 'Amal Haddad',
        consent: true,
        authorized: true,
      })
      .expect(201);
    await waitForQueuesIdle(t.app);
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  const bodyOfPage = (html: string) => {
    const article = html.slice(html.indexOf('<article class="letter"'), html.indexOf('</article>'));
    return article.slice(article.indexOf('<div dir="auto">') + 16, article.lastIndexOf('</div>'));
  };

  it('on the sign-on page and the public page', async () => {
    for (const path of [`/sign/${link}`, `/l/${lid}`]) {
      const html = (await t.http().get(path).expect(200)).text;
      const { blocks, bold, italic, links } = htmlStructure(bodyOfPage(html));
      expect(blocks).toEqual(STRUCTURE);
      expect(bold).toEqual(BOLD);
      expect(italic).toEqual(ITALIC);
      expect(links).toEqual(LINKS);
      expect(html).toContain('<h2>Our requests</h2>');
      expect(html).toContain('<blockquote>');
    }
  });

  it('in the sign-on receipt, HTML and text parts, with the whole text signed', () => {
    const receipt = sink.to(email).find((m) => m.subject?.startsWith('Signed on'))!;
    const html = receipt.html as string;
    const copy = html.slice(html.indexOf('<div class="letter"'), html.lastIndexOf('</div>'));
    const fromHtml = htmlStructure(copy.slice(copy.indexOf('>') + 1));
    const salutation = `p: ${SALUTATION}`;
    const closing = `p: ${CLOSING}`;
    expect(fromHtml.blocks).toEqual([salutation, ...STRUCTURE, closing]);
    expect(fromHtml.bold).toEqual(BOLD);
    expect(fromHtml.italic).toEqual(ITALIC);
    expect(fromHtml.links).toEqual(LINKS);

    const text = receipt.text!;
    const copied = text.slice(text.indexOf(SALUTATION));
    const fromText = textStructure(copied);
    // Plain text has no type sizes: a heading is a line of its own, as a paragraph is.
    const plainStructure = STRUCTURE.map((block) => block.replace(/^h[23]:/, 'p:'));
    expect(fromText.blocks).toEqual([salutation, ...plainStructure, closing]);
    expect(fromText.links).toEqual(LINKS);
    for (const syntax of ['**', '## ', '](', '*safety*']) expect(copied).not.toContain(syntax);
  });

  it('in the invitation, whose excerpt is the first paragraph in words', () => {
    const invitation = sink.to(email).find((m) => m.subject?.startsWith('Invitation'))!;
    expect(invitation.text).toContain(
      'We write to you about press freedom and the safety of reporters.',
    );
  });

  it('in the final PDF', async () => {
    const queued = await t.http().post(`/api/letters/${lid}/renditions`).set(auth()).send({});
    expect(queued.status).toBe(202);
    await waitForQueuesIdle(t.app);
    const rendition = (
      await t.http().get(`/api/renditions/${queued.body.id}`).set(auth()).expect(200)
    ).body;
    const file = await t
      .http()
      .get(`/api/renditions/${rendition.id}/file`)
      .set(auth())
      .buffer(true)
      .parse(binary)
      .expect(200);
    const pdf = await readPdf(file.body as Buffer);
    const texts = pdf.lines.map((line) => line.text);
    const start = texts.indexOf(SALUTATION) + 1;
    const end = texts.indexOf(CLOSING);
    const { blocks, bold, italic } = pdfStructure(pdf.lines.slice(start, end));
    expect(blocks).toEqual(STRUCTURE);
    expect(bold).toEqual(BOLD);
    expect(italic).toEqual(ITALIC);
    expect(pdf.links).toEqual(expect.arrayContaining(LINKS));
  });
});
