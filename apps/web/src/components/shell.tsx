import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';

/** The frame of every screen: a skip link, the top bar, and the main region. */
export function Shell({ nav, children }: { nav?: ReactNode; children: ReactNode }) {
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          Signatory
        </Link>
        {nav}
      </header>
      <main id="main" className="main">
        {children}
      </main>
    </>
  );
}

/** A top-bar link that says which screen is current (aria-current="page"). */
export function NavItem({ to, children }: { to: string; children: ReactNode }) {
  return (
    <NavLink to={to} end className="nav-link">
      {children}
    </NavLink>
  );
}
