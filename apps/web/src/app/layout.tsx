import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { Loading } from '../components/loading.tsx';
import { errorCode, errorMessage } from '../lib/errors.ts';
import { roleLabels } from '../lib/labels.ts';
import { sessionState } from '../lib/session.ts';
import { useTRPC } from '../lib/trpc.ts';

/** The signed-in shell: header, navigation, and the page. Waits for the user before showing a page. */
export function Layout() {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions(undefined, { staleTime: 60_000 }));
  const navigate = useNavigate();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const isFirst = useRef(true);
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({
      onSettled: () => {
        sessionState.hasBeenSignedIn = false;
        void navigate('/login?signedOut=1', { replace: true });
      },
    }),
  );

  if (me.data) sessionState.hasBeenSignedIn = true;

  // After a navigation inside the app, move focus to the new page as a full page load would.
  useEffect(() => {
    if (isFirst.current) {
      isFirst.current = false;
      return;
    }
    if (!location.hash) main.current?.focus({ preventScroll: true });
  }, [location.pathname, location.hash]);

  return (
    <>
      <a href="#main-content" className="govuk-skip-link">
        Skip to main content
      </a>
      <header className="moj-header" role="banner">
        <div className="moj-header__container app-header__container">
          <div className="moj-header__logo">
            <Link className="moj-header__link moj-header__link--organisation-name" to="/">
              Muster
            </Link>
            <span className="app-header__service">Transferee and Police Now case management</span>
          </div>
          {me.data && (
            <div className="moj-header__content">
              <nav className="moj-header__navigation" aria-label="Account">
                <ul className="moj-header__navigation-list">
                  <li className="moj-header__navigation-item app-header__user">
                    {me.data.name}{' '}
                    <span className="app-header__role">
                      ({roleLabels[me.data.role]}
                      {me.data.units.length ? `, ${me.data.units.join(', ')}` : ''})
                    </span>
                  </li>
                  <li className="moj-header__navigation-item">
                    <button type="button" className="app-link-button moj-header__navigation-link" onClick={() => logout.mutate()}>
                      Sign out
                    </button>
                  </li>
                </ul>
              </nav>
            </div>
          )}
        </div>
      </header>
      {me.data && (
        <div className="moj-primary-navigation">
          <div className="moj-primary-navigation__container app-container">
            <div className="moj-primary-navigation__nav">
              <nav className="moj-primary-navigation" aria-label="Primary">
                <ul className="moj-primary-navigation__list">
                  {me.data.may.coordination && (
                    <li className="moj-primary-navigation__item">
                      <NavLink className="moj-primary-navigation__link" to="/home">
                        {me.data.role === 'coordinator' ? 'Home' : 'Joiners'}
                      </NavLink>
                    </li>
                  )}
                  {me.data.may.board && (
                    <li className="moj-primary-navigation__item">
                      {/* A coordinator's "/" is their home: their board is at /board. */}
                      <NavLink className="moj-primary-navigation__link" to={me.data.role === 'coordinator' ? '/board' : '/'} end>
                        Board
                      </NavLink>
                    </li>
                  )}
                  {me.data.may.interviews && (
                    <li className="moj-primary-navigation__item">
                      <NavLink className="moj-primary-navigation__link" to="/interviews">
                        Interviews
                      </NavLink>
                    </li>
                  )}
                  {me.data.may.intake && (
                    <li className="moj-primary-navigation__item">
                      <NavLink className="moj-primary-navigation__link" to="/triage">
                        Triage
                      </NavLink>
                    </li>
                  )}
                  {me.data.may.createApplication && (
                    <li className="moj-primary-navigation__item">
                      <NavLink className="moj-primary-navigation__link" to="/applications/new">
                        New application
                      </NavLink>
                    </li>
                  )}
                  {me.data.may.intake && (
                    <>
                      <li className="moj-primary-navigation__item">
                        <NavLink className="moj-primary-navigation__link" to="/import">
                          Import
                        </NavLink>
                      </li>
                      <li className="moj-primary-navigation__item">
                        <NavLink className="moj-primary-navigation__link" to="/duplicates">
                          Duplicates
                        </NavLink>
                      </li>
                    </>
                  )}
                  {me.data.may.checks && (
                    <li className="moj-primary-navigation__item">
                      <NavLink className="moj-primary-navigation__link" to="/checks">
                        Checks
                      </NavLink>
                    </li>
                  )}
                  {me.data.may.courses && (
                    <li className="moj-primary-navigation__item">
                      <NavLink className="moj-primary-navigation__link" to="/courses">
                        Courses
                      </NavLink>
                    </li>
                  )}
                  {me.data.may.coordination && (
                    <li className="moj-primary-navigation__item">
                      <NavLink className="moj-primary-navigation__link" to="/development-days">
                        Development days
                      </NavLink>
                    </li>
                  )}
                  {me.data.may.pool && (
                    <li className="moj-primary-navigation__item">
                      <NavLink className="moj-primary-navigation__link" to="/pool">
                        Mentor pool
                      </NavLink>
                    </li>
                  )}
                  {me.data.may.admin && (
                    <li className="moj-primary-navigation__item">
                      <NavLink className="moj-primary-navigation__link" to="/admin">
                        Admin
                      </NavLink>
                    </li>
                  )}
                </ul>
              </nav>
            </div>
          </div>
        </div>
      )}
      <div className="app-container">
        <main className="govuk-main-wrapper app-main" id="main-content" tabIndex={-1} ref={main}>
          {me.data ? (
            <Outlet />
          ) : me.isError && errorCode(me.error) !== 'UNAUTHORIZED' ? (
            <div className="govuk-error-summary" role="alert">
              <h1 className="govuk-error-summary__title">Muster could not load</h1>
              <div className="govuk-error-summary__body">
                <p className="govuk-body">{errorMessage(me.error)}</p>
              </div>
            </div>
          ) : (
            <Loading />
          )}
        </main>
      </div>
    </>
  );
}
