import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams, type NavigateOptions } from 'react-router';

/**
 * The query string of a screen whose controls change it (filters, sort, page).
 *
 * React Router moves to a new address only once the route's loaders have run, and until
 * then hands setParams' updater the address of the last render. So two changes close
 * together (the search cleared, then a tag typed) would each start from the old address,
 * the second undoing the first, and a control bound to the address would flick back to its
 * old value while the loaders run.
 *
 * - `params`: the address reached; what the list shows follows it.
 * - `asked`: the address last asked for, or `params` once reached; controls show it.
 * - `change(edit)`: builds on `asked`, so close changes add up.
 */
export function useAskedSearchParams() {
  const [params, setParams] = useSearchParams();
  const [pending, setPending] = useState<URLSearchParams | null>(null);
  // The same as `pending`, readable at once by a second change in the same tick.
  const latest = useRef<URLSearchParams | null>(null);
  const reached = useRef(params);
  useEffect(() => {
    reached.current = params;
    latest.current = null;
    setPending(null);
  }, [params]);

  const change = useCallback(
    (edit: (from: URLSearchParams) => URLSearchParams, options?: NavigateOptions) => {
      const next = edit(new URLSearchParams(latest.current ?? reached.current));
      latest.current = next;
      setPending(next);
      setParams(next, options);
    },
    [setParams],
  );
  return { params, asked: pending ?? params, change };
}
