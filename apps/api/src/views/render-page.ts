import Handlebars from 'handlebars';
import { createHash } from 'node:crypto';
import { letterTextPartial } from './letter-text.partial';
import { signerFieldsPartial } from './signer-fields.partial';

/**
 * Server-rendered pages: Handlebars with escaping on, no external assets. The only inline
 * style and script are constants of this code base, allowed by their hashes in the CSP.
 */
const engine = Handlebars.create();
engine.registerPartial('letterText', letterTextPartial);
engine.registerPartial('signerFields', signerFieldsPartial);

const PAGE_STYLE = `
body { font-family: Georgia, 'Times New Roman', serif; color: #1a1a1a; background: #fff;
  max-width: 40em; margin: 0 auto; padding: 1.5em 1em; line-height: 1.55; overflow-wrap: anywhere; }
h1 { font-size: 1.5em; line-height: 1.25; }
h2 { font-size: 1.2em; margin-top: 2em; }
a { color: #1d4ed8; }
label, legend { display: block; margin-top: 1em; font-weight: bold; }
fieldset { border: 1px solid #767676; border-radius: 4px; margin: 1em 0 0; padding: 0 .75em .75em; }
fieldset.preview { border: none; margin: 0; padding: 0; min-width: 0; }
fieldset.preview button { cursor: not-allowed; }
input, select, textarea { font: inherit; width: 100%; box-sizing: border-box; padding: .5em;
  margin-top: .25em; border: 1px solid #555; border-radius: 4px; background: #fff; color: #1a1a1a; }
textarea { min-height: 6em; }
input[type=checkbox], input[type=radio] { width: 1.25em; height: 1.25em; margin: .2em .6em 0 0;
  flex: none; }
.choice { display: flex; align-items: flex-start; margin-top: .9em; }
.choice label { margin-top: 0; }
.choice input[type=checkbox] + label { font-weight: normal; }
input:focus, select:focus, textarea:focus, button:focus, a:focus { outline: 3px solid #1d4ed8;
  outline-offset: 2px; }
button { font: inherit; margin-top: 1.5em; padding: .6em 1.4em; background: #1d4ed8; color: #fff;
  border: none; border-radius: 4px; cursor: pointer; }
button.secondary { background: #fff; color: #9b1c1c; border: 2px solid #9b1c1c; }
.actions form { display: inline-block; margin-right: 1em; }
.note, .hint { color: #444; font-size: .95em; }
.hint { display: block; font-weight: normal; margin-top: .1em; }
.error { color: #9b1c1c; border-left: 4px solid #9b1c1c; padding-left: .75em; }
.notice { border-left: 4px solid #1d4ed8; padding: .25em .75em; background: #eff4ff; }
.letter { border-top: 1px solid #767676; border-bottom: 1px solid #767676; margin: 1.5em 0;
  padding: 1em 0; }
.addressee { margin: 0 0 1em; }
.letter h2, .letter h3 { font-size: 1.18em; line-height: 1.3; margin: 1.5em 0 .4em; }
.letter h3 { font-size: 1.05em; }
.letter blockquote { margin: 1em 1.5em; }
dl.summary { display: grid; grid-template-columns: minmax(7em, auto) 1fr; gap: .25em 1em; }
dl.summary dt { font-weight: bold; }
dl.summary dd { margin: 0; }
.skip { position: absolute; left: -10000px; }
.skip:focus { position: static; }
.trap { position: absolute; left: -10000px; top: auto; width: 1px; height: 1px; overflow: hidden; }
`;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** One inline script of ours, with the CSP source that allows exactly its text. */
export interface InlineScript {
  source: string;
  hash: string;
}

export function inlineScript(source: string): InlineScript {
  return { source, hash: sha256(source) };
}

const layout = engine.compile(
  `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}} · Signatory</title>
<style>${PAGE_STYLE}</style></head>
<body><main>{{{body}}}</main>{{#if script}}<script>{{{script}}}</script>{{/if}}</body></html>`,
  { strict: true },
);

const compiled = new Map<string, HandlebarsTemplateDelegate>();

function template(source: string): HandlebarsTemplateDelegate {
  let found = compiled.get(source);
  if (!found) {
    found = engine.compile(source, { strict: true });
    compiled.set(source, found);
  }
  return found;
}

export interface PageOptions {
  /** The one script the page may run; its hash goes into the page's CSP. */
  script?: InlineScript;
}

export function renderPage(
  title: string,
  source: string,
  context: object,
  options: PageOptions = {},
): string {
  const body = template(source)(context);
  return layout({ title, body, script: options.script?.source ?? '' });
}

/**
 * The policy pages carry: nothing loads from anywhere, the layout's own style only, and no
 * script unless a page brings its one hashed script (which may then POST to this origin).
 */
export function pageCsp(options: PageOptions = {}): string {
  const script = options.script ? [`script-src ${options.script.hash}`, "connect-src 'self'"] : [];
  return [
    "default-src 'none'",
    `style-src ${sha256(PAGE_STYLE)}`,
    ...script,
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const PAGE_CSP = pageCsp();
