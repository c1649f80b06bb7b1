import { Outlet } from 'react-router';
import { Shell } from '../../components/shell';

/**
 * Screens for anyone, signed in or not: a password-reset link opened in a browser that is
 * still signed in must show its form, not redirect into the app.
 */
export function PublicLayout() {
  return (
    <Shell>
      <Outlet />
    </Shell>
  );
}
