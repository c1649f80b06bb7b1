import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A screen's heading and body. The title names the tab; on arrival the heading takes the
 * focus, so keyboard and screen-reader users start at the top of the new screen.
 */
export function Page({
  title,
  lead,
  actions,
  children,
  narrow,
}: {
  title: string;
  lead?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  narrow?: boolean;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Signatory`;
    heading.current?.focus({ preventScroll: true });
  }, [title]);
  return (
    <div className={narrow ? 'page page--narrow' : 'page'}>
      <header className="page-header">
        <div>
          <h1 ref={heading} tabIndex={-1}>
            {title}
          </h1>
          {lead && <p className="page-lead">{lead}</p>}
        </div>
        {actions && <div className="page-actions">{actions}</div>}
      </header>
      {children}
    </div>
  );
}

/** While a query loads: said once to screen readers, quiet otherwise. */
export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      Loading {what}…
    </p>
  );
}

/** A query that failed: what failed, and a way to try again. */
export function LoadFailed({ what, retry }: { what: string; retry: () => void }) {
  return (
    <div className="form-alert" role="alert">
      <p>Could not load {what}.</p>
      <button type="button" className="button" onClick={retry}>
        Try again
      </button>
    </div>
  );
}
