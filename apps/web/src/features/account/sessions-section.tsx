import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok } from '../../api/client';
import { formErrors } from '../../api/errors';
import type { components } from '../../api/schema';
import { LoadFailed, Loading } from '../../components/page';
import { when } from '../../lib/when';

type AccountSession = components['schemas']['AccountSessionView'];

export const sessionsKey = ['sessions'] as const;

export function useSessions() {
  return useQuery({ queryKey: sessionsKey, queryFn: () => ok(api.GET('/api/auth/sessions')) });
}

/** Where the account is signed in, newest first; any session can be ended from here. */
export function SessionsSection() {
  const sessions = useSessions();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string>();

  const revoke = useMutation({
    mutationFn: (session: AccountSession) =>
      ok(api.DELETE('/api/auth/sessions/{sid}', { params: { path: { sid: session.id } } })),
    onSuccess: async (_done, session) => {
      // Ending this device's session signs out: start again from a new page, as sign-out does.
      if (session.current) return window.location.assign('/sign-in');
      await queryClient.invalidateQueries({ queryKey: sessionsKey });
    },
    onError: (error) => setFailure(formErrors(error, []).form),
  });

  return (
    <section className="card" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Sessions</h2>
      <p>
        Every browser or device signed in to this account. Ending a session signs it out at its next
        request; ending this device&apos;s signs you out here.
      </p>
      {sessions.isPending && <Loading what="your sessions" />}
      {sessions.isError && (
        <LoadFailed what="your sessions" retry={() => void sessions.refetch()} />
      )}
      {sessions.isSuccess && (
        <ul className="list sessions">
          {sessions.data.map((session) => (
            <li key={session.id} className="list-row">
              <div>
                <p className="list-title">
                  Signed in {when(session.createdAt)}
                  {session.current && (
                    <>
                      {' '}
                      <span className="badge badge--current">This device</span>
                    </>
                  )}
                </p>
                <p className="list-meta">Last used {when(session.lastUsedAt)}</p>
              </div>
              <button
                type="button"
                className="button"
                aria-label={
                  session.current
                    ? 'End this session (sign out on this device)'
                    : `End the session signed in ${when(session.createdAt)}`
                }
                disabled={revoke.isPending}
                onClick={() => {
                  setFailure(undefined);
                  revoke.mutate(session);
                }}
              >
                {session.current ? 'Sign out here' : 'End session'}
              </button>
            </li>
          ))}
        </ul>
      )}
      {failure && (
        <p className="form-alert" role="alert">
          Could not end the session. {failure}
        </p>
      )}
    </section>
  );
}
