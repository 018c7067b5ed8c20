import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { Loading } from '../components/loading.tsx';
import { sessionState, useMe } from '../lib/session.ts';
import { setUnauthorizedHandler } from '../lib/trpc.ts';
import { Layout } from './layout.tsx';
import { NotFound, RouteError } from './route-error.tsx';

// Each page is its own chunk; the first load carries only the shell.
const board = () => import('../features/board/components/board-page.tsx').then((m) => ({ Component: m.BoardPage }));
const LazyBoardPage = lazy(() => import('../features/board/components/board-page.tsx').then((m) => ({ default: m.BoardPage })));

/** The home page: the board, or for those without one (panel members) their interviews; a coordinator's home for coordinators. */
function Home() {
  const me = useMe();
  if (me.may.landing === 'coordination') return <Navigate to="/home" replace />;
  if (me.may.landing === 'interviews') return <Navigate to="/interviews" replace />;
  return (
    <Suspense fallback={<Loading />}>
      <LazyBoardPage />
    </Suspense>
  );
}

export const router = createBrowserRouter([
  {
    path: '/login',
    lazy: () => import('../features/auth/components/login-page.tsx').then((m) => ({ Component: m.LoginPage })),
    ErrorBoundary: RouteError,
  },
  {
    path: '/',
    Component: Layout,
    ErrorBoundary: RouteError,
    children: [
      { index: true, Component: Home },
      { path: 'board', lazy: board },
      {
        path: 'cases/:id',
        lazy: () =>
          import('../features/applications/components/application-page.tsx').then((m) => ({ Component: m.ApplicationPage })),
      },
      {
        path: 'applications/new',
        lazy: () =>
          import('../features/applications/components/new-application-page.tsx').then((m) => ({
            Component: m.NewApplicationPage,
          })),
      },
      {
        path: 'triage',
        lazy: () => import('../features/triage/components/triage-page.tsx').then((m) => ({ Component: m.TriagePage })),
      },
      {
        path: 'import',
        lazy: () => import('../features/intake/components/import-page.tsx').then((m) => ({ Component: m.ImportPage })),
      },
      {
        path: 'duplicates',
        lazy: () =>
          import('../features/duplicates/components/duplicates-page.tsx').then((m) => ({ Component: m.DuplicatesPage })),
      },
      {
        path: 'interviews',
        lazy: () =>
          import('../features/interviews/components/interviews-page.tsx').then((m) => ({ Component: m.InterviewsPage })),
      },
      {
        path: 'checks',
        lazy: () => import('../features/checks/components/checks-page.tsx').then((m) => ({ Component: m.ChecksPage })),
      },
      {
        path: 'courses',
        lazy: () => import('../features/courses/components/courses-page.tsx').then((m) => ({ Component: m.CoursesPage })),
      },
      {
        path: 'home',
        lazy: () =>
          import('../features/coordination/components/coordination-home.tsx').then((m) => ({
            Component: m.CoordinationHomePage,
          })),
      },
      {
        path: 'development-days',
        lazy: () =>
          import('../features/development-days/components/development-days-page.tsx').then((m) => ({
            Component: m.DevelopmentDaysPage,
          })),
      },
      {
        path: 'pool',
        lazy: () => import('../features/pool/components/pool-page.tsx').then((m) => ({ Component: m.PoolPage })),
      },
      {
        path: 'admin',
        lazy: () => import('../features/admin/components/admin-page.tsx').then((m) => ({ Component: m.AdminPage })),
      },
      { path: '*', Component: NotFound },
    ],
  },
]);

/** Any call that finds the session gone sends the user to sign in, then back to where they were. */
let isRedirecting = false;
setUnauthorizedHandler(() => {
  const { pathname, search, hash } = router.state.location;
  // Several calls fail at once when a session ends; the first one decides where to go.
  if (pathname === '/login' || isRedirecting) return;
  isRedirecting = true;
  const params = new URLSearchParams({ returnTo: `${pathname}${search}${hash}` });
  if (sessionState.hasBeenSignedIn) params.set('expired', '1');
  sessionState.hasBeenSignedIn = false;
  // The login page forgets the cached data once the signed-in pages are gone (clearing it here
  // would re-render them empty while the navigation is still in flight).
  void router.navigate(`/login?${params}`, { replace: true }).then(() => {
    isRedirecting = false;
  });
});
