import { Navigate, Outlet } from 'react-router';
import { Shell } from '../../components/shell';
import { useMe } from './session';

/** Sign-in and registration: someone already signed in goes straight to the app. */
export function SignedOutLayout() {
  const me = useMe();
  if (me.isSuccess) return <Navigate to="/" replace />;
  return (
    <Shell>
      <Outlet />
    </Shell>
  );
}
