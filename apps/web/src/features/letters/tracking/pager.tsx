import { PAGE_SIZE } from './tracking-queries';

const number = new Intl.NumberFormat();

/** Previous / next over server pages of 50, and where the reader is. */
export function Pager({
  page,
  total,
  setPage,
  busy,
}: {
  page: number;
  total: number;
  setPage: (page: number) => void;
  busy: boolean;
}) {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const first = total === 0 ? 0 : page * PAGE_SIZE + 1;
  const last = Math.min(total, (page + 1) * PAGE_SIZE);
  return (
    <nav className="pager" aria-label="Pages">
      <button
        type="button"
        className="button"
        onClick={() => setPage(page - 1)}
        disabled={page === 0 || busy}
      >
        Previous
      </button>
      {/* While the page's rows are still the previous ones, it says so, not the new range. */}
      <p role="status">
        {busy
          ? `Loading page ${number.format(page + 1)}…`
          : `${number.format(first)}–${number.format(last)} of ${number.format(total)} · page ${number.format(page + 1)} of ${number.format(pages)}`}
      </p>
      <button
        type="button"
        className="button"
        onClick={() => setPage(page + 1)}
        disabled={page + 1 >= pages || busy}
      >
        Next
      </button>
    </nav>
  );
}
