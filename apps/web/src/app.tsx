import { QueryClient, QueryClientProvider, type QueryKey } from '@tanstack/react-query';
import { createBrowserRouter, Link, RouterProvider } from 'react-router';
import { ApiError } from './api/errors';
import { Page } from './components/page';
import { Shell } from './components/shell';
import { AccountPage } from './features/account/account-page';
import { ForgotPasswordPage } from './features/auth/forgot-password-page';
import { PublicLayout } from './features/auth/public-layout';
import { RegisterPage } from './features/auth/register-page';
import { ResetPasswordPage } from './features/auth/reset-password-page';
import { SignInPage } from './features/auth/sign-in-page';
import { SignedInLayout } from './features/auth/signed-in-layout';
import { SignedOutLayout } from './features/auth/signed-out-layout';
import { meQuery } from './features/auth/session';
import { CampaignPage } from './features/campaigns/campaign-page';
import { CampaignsPage } from './features/campaigns/campaigns-page';
import { DirectoryPage } from './features/directory/directory-page';
import { DuplicatesPage } from './features/directory/duplicates-page';
import { ImportPage } from './features/directory/import-page';
import {
  EditOrganizationPage,
  NewOrganizationPage,
} from './features/directory/organization-edit-pages';
import { OrganizationPage } from './features/directory/organization-page';
import { loadEditor } from './features/letters/editor/load-editor';
import { LetterPage } from './features/letters/letter-page';
import { letterQuery } from './features/letters/queries';
import {
  listStateOf,
  signaturesQuery,
  signOnCurveQuery,
  statsQuery,
} from './features/letters/tracking/tracking-queries';
import { MembersPage } from './features/members/members-page';
import { CreateWorkspacePage } from './features/workspace/create-workspace-page';
import { HomeRedirect } from './features/workspace/home-redirect';
import { workspaceQuery } from './features/workspace/queries';
import { WorkspaceListPage } from './features/workspace/workspace-list-page';
import { WorkspaceRoute } from './features/workspace/workspace-route';
import { WorkspaceSettingsPage } from './features/workspace/workspace-settings-page';

/** A refusal (4xx) will not change by asking again; a lost connection or a 5xx may. */
const retry = (failures: number, error: unknown) =>
  failures < 2 && !(error instanceof ApiError && error.status < 500);

export const queryClient = new QueryClient({
  defaultOptions: { queries: { retry, refetchOnWindowFocus: true }, mutations: { retry: false } },
});

/**
 * Starts a query the route's screen will ask for, unless it is cached (stale or not: the
 * screen's own useQuery refetches as before). Called from route loaders, which the router
 * runs as soon as it matches a URL, before it renders anything or loads a lazy route's
 * chunk: the account, the workspace and the letter are then asked for together, instead of
 * each screen asking only once the one above it has drawn. Never awaited (the loader
 * returns at once) and never throws: a failure shows on the screen's own query.
 */
function prefetch(options: { queryKey: QueryKey }): null {
  if (queryClient.getQueryState(options.queryKey)?.data === undefined) {
    void queryClient.prefetchQuery(options);
  }
  return null;
}

function NotFound() {
  return (
    <Shell>
      <Page title="Page not found">
        <p>
          There is nothing at this address. <Link to="/">Go to your workspace</Link>.
        </p>
      </Page>
    </Shell>
  );
}

const router = createBrowserRouter([
  {
    element: <SignedOutLayout />,
    children: [
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/register', element: <RegisterPage /> },
    ],
  },
  {
    element: <PublicLayout />,
    children: [
      { path: '/forgot-password', element: <ForgotPasswordPage /> },
      { path: '/reset-password', element: <ResetPasswordPage /> },
    ],
  },
  {
    element: <SignedInLayout />,
    loader: () => prefetch(meQuery),
    children: [
      { path: '/', element: <HomeRedirect /> },
      { path: '/workspaces', element: <WorkspaceListPage /> },
      { path: '/workspaces/new', element: <CreateWorkspacePage /> },
      { path: '/account', element: <AccountPage /> },
      {
        path: '/w/:wid',
        element: <WorkspaceRoute />,
        loader: ({ params }) => prefetch(workspaceQuery(params.wid ?? '')),
        children: [
          { index: true, element: <CampaignsPage /> },
          { path: 'campaigns/:cid', element: <CampaignPage /> },
          { path: 'letters/:lid', element: <LetterPage /> },
          // Lazy: the editor brings the Markdown renderer, which the first screen does not need.
          {
            path: 'letters/:lid/edit',
            loader: ({ params }) => prefetch(letterQuery(params.lid ?? '')),
            lazy: () => loadEditor().then((m) => ({ Component: m.EditorPage })),
          },
          { path: 'directory', element: <DirectoryPage /> },
          { path: 'directory/new', element: <NewOrganizationPage /> },
          { path: 'directory/duplicates', element: <DuplicatesPage /> },
          { path: 'directory/import', element: <ImportPage /> },
          { path: 'directory/:oid', element: <OrganizationPage /> },
          { path: 'directory/:oid/edit', element: <EditOrganizationPage /> },
          // Lazy too: the final PDF's screen, and pdf.js in a chunk of its own behind it.
          {
            path: 'letters/:lid/pdf',
            lazy: () =>
              import('./features/renditions/final-pdf-page').then((m) => ({
                Component: m.FinalPdfPage,
              })),
          },
          // Lazy too: a letter's sign-ons (dashboard, list, moderation, adding one), under
          // one layout that keeps the letter's live updates open across them.
          {
            loader: ({ params }) => prefetch(letterQuery(params.lid ?? '')),
            lazy: () =>
              import('./features/letters/tracking/tracking-layout').then((m) => ({
                Component: m.TrackingLayout,
              })),
            children: [
              {
                path: 'letters/:lid/dashboard',
                loader: ({ params }) => {
                  prefetch(statsQuery(params.lid ?? ''));
                  return prefetch(signOnCurveQuery(params.lid ?? ''));
                },
                lazy: () =>
                  import('./features/letters/tracking/dashboard-page').then((m) => ({
                    Component: m.DashboardPage,
                  })),
              },
              {
                path: 'letters/:lid/signatures',
                loader: ({ params, request }) => {
                  const { filters, page } = listStateOf(new URL(request.url).searchParams);
                  return prefetch(signaturesQuery(params.lid ?? '', filters, page));
                },
                lazy: () =>
                  import('./features/letters/tracking/signatures-page').then((m) => ({
                    Component: m.SignaturesPage,
                  })),
              },
              {
                path: 'letters/:lid/signatures/new',
                lazy: () =>
                  import('./features/letters/tracking/add-signature-page').then((m) => ({
                    Component: m.AddSignaturePage,
                  })),
              },
              {
                path: 'letters/:lid/invitations',
                lazy: () =>
                  import('./features/letters/invitations/invitations-page').then((m) => ({
                    Component: m.InvitationsPage,
                  })),
              },
              {
                path: 'letters/:lid/moderation',
                lazy: () =>
                  import('./features/letters/tracking/moderation-page').then((m) => ({
                    Component: m.ModerationPage,
                  })),
              },
            ],
          },
          { path: 'settings', element: <WorkspaceSettingsPage /> },
          { path: 'members', element: <MembersPage /> },
        ],
      },
    ],
  },
  { path: '*', element: <NotFound /> },
]);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
