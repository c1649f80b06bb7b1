import { useState } from 'react';
import { useRevision, type Rendition } from './queries';
import { fileHref, fileSize, plural } from './rendition-text';

/** A download link per file with its pages, size and SHA-256 (copyable). */
export function RenditionFiles({ rendition: r, lid }: { rendition: Rendition; lid: string }) {
  const revision = useRevision(lid, r.revision);
  const addressees = revision.data?.content.addressees ?? [];
  const nameOf = (i: number) => {
    const a = addressees[i];
    return a ? [a.honorific, a.name].filter(Boolean).join(' ') : `official ${i + 1}`;
  };
  return (
    <ul className="rendition-files">
      {r.files.map((file) => (
        <li key={file.addressee ?? 'combined'}>
          <a className="button" href={fileHref(r.id, file.addressee)} download>
            {file.addressee === null ? (
              'Download the PDF'
            ) : (
              <>
                Download for <bdi>{nameOf(file.addressee)}</bdi>
              </>
            )}
          </a>{' '}
          <span className="list-meta">
            {plural(file.pages, 'page', 'pages')}, {fileSize(file.bytes)}
          </span>
          <Sha256 value={file.sha256} />
        </li>
      ))}
    </ul>
  );
}

function Sha256({ value }: { value: string }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | undefined>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div className="sha256">
      <span>SHA-256</span> <code>{value}</code>{' '}
      <button type="button" className="button button--small" onClick={() => void copy()}>
        Copy
      </button>{' '}
      <span role="status" className={copied === 'yes' ? 'notice' : 'field-error'}>
        {copied === 'yes' && 'Copied'}
        {copied === 'failed' && 'Could not copy: select the text instead'}
      </span>
    </div>
  );
}
