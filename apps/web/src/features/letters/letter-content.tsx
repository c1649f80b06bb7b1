import type { ReactNode } from 'react';
import type { components } from '../../api/schema';

type Content = components['schemas']['LetterContentDto'];

const EMPTY = <span className="list-meta">(empty)</span>;

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children || EMPTY}</dd>
    </div>
  );
}

/**
 * The current draft as written, read-only: the fields in the order the letter prints them.
 * The body is shown as its Markdown source; the previews show it laid out.
 */
export function LetterContent({ content }: { content: Content }) {
  const addressees = content.addressees
    .map((a) => [a.honorific, a.name, a.title, a.organization].filter(Boolean).join(' '))
    .join('; ');
  return (
    <dl className="facts card letter-content">
      <Fact term="Date">{content.date}</Fact>
      <Fact term="Addressees">{addressees}</Fact>
      {content.subject && <Fact term="Subject">{content.subject}</Fact>}
      <Fact term="Salutation">{content.salutation}</Fact>
      <Fact term="Body">{content.body && <span className="letter-body">{content.body}</span>}</Fact>
      <Fact term="Closing">{content.closing}</Fact>
    </dl>
  );
}
