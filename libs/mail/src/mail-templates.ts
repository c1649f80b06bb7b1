import Handlebars from 'handlebars';
import { htmlLayout } from './templates/layout';

export interface MailTemplate {
  subject: string;
  html: string;
  text: string;
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

// One engine, two modes: HTML escapes every value; subject and text are not HTML, so
// escaping there would show "&amp;" to readers. Line breaks are stripped from subjects.
const html = Handlebars.create();
const plain = Handlebars.create();
const layout = html.compile(htmlLayout, { strict: true });

type Compiled = Record<keyof MailTemplate, ReturnType<typeof Handlebars.compile>>;

// Compiling is most of a render's cost; a batch of 10,000 invitations renders one template
// 10,000 times. Templates are constant objects, so each is compiled once per process.
const compiled = new WeakMap<MailTemplate, Compiled>();

function compiledOf(template: MailTemplate): Compiled {
  let found = compiled.get(template);
  if (!found) {
    found = {
      subject: plain.compile(template.subject, { noEscape: true, strict: true }),
      html: html.compile(template.html, { strict: true }),
      text: plain.compile(template.text, { noEscape: true, strict: true }),
    };
    compiled.set(template, found);
  }
  return found;
}

/** Renders a template with `context` into subject, HTML and plain-text parts. */
export function renderMail(
  template: MailTemplate,
  context: Record<string, unknown> & { sender: string },
): RenderedMail {
  const parts = compiledOf(template);
  const subject = parts.subject(context).replace(/[\r\n]+/g, ' ');
  const body = parts.html(context);
  return {
    subject,
    html: layout({ subject, body, sender: context.sender }),
    text: parts.text(context),
  };
}
