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

/** Renders a template with `context` into subject, HTML and plain-text parts. */
export function renderMail(
  template: MailTemplate,
  context: Record<string, unknown> & { sender: string },
): RenderedMail {
  const subject = plain
    .compile(template.subject, { noEscape: true, strict: true })(context)
    .replace(/[\r\n]+/g, ' ');
  const body = html.compile(template.html, { strict: true })(context);
  return {
    subject,
    html: layout({ subject, body, sender: context.sender }),
    text: plain.compile(template.text, { noEscape: true, strict: true })(context),
  };
}
