import { LoadFailed, Loading, Page } from '../../components/page';
import { useMe, useSignOut } from '../auth/session';
import { ChangePasswordSection } from './change-password-section';
import { SessionsSection } from './sessions-section';

export function AccountPage() {
  const me = useMe();
  const signOut = useSignOut();
  if (me.isPending) return <Loading what="your account" />;
  if (me.isError) return <LoadFailed what="your account" retry={() => void me.refetch()} />;
  return (
    <Page title="Account" lead="The account you are signed in with.">
      <section className="card" aria-labelledby="profile-heading">
        <h2 id="profile-heading">Profile</h2>
        <dl className="facts">
          <div>
            <dt>Name</dt>
            <dd>{me.data.name}</dd>
          </div>
          <div>
            <dt>Email</dt>
            <dd>{me.data.email}</dd>
          </div>
        </dl>
      </section>
      <section className="card" aria-labelledby="session-heading">
        <h2 id="session-heading">This session</h2>
        <p>
          Signing out ends this session on the server; you will need your password to come back.
        </p>
        <button
          type="button"
          className="button"
          onClick={() => signOut.mutate()}
          disabled={signOut.isPending}
        >
          Sign out
        </button>
        {signOut.isError && (
          <p className="form-alert" role="alert">
            Could not sign out. Try again.
          </p>
        )}
      </section>
      <SessionsSection />
      <ChangePasswordSection />
    </Page>
  );
}
