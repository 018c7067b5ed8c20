import { Link, useRouteError } from 'react-router';
import { usePageTitle } from '../components/page-title.ts';

export function NotFound() {
  usePageTitle('Page not found');
  return (
    <>
      <h1 className="govuk-heading-l">Page not found</h1>
      <p className="govuk-body">
        Check the address, or go to the <Link to="/">board</Link>.
      </p>
    </>
  );
}

export function RouteError() {
  const error = useRouteError();
  usePageTitle('Something went wrong');
  return (
    <main className="govuk-main-wrapper app-container" id="main-content">
      <h1 className="govuk-heading-l">Something went wrong</h1>
      <p className="govuk-body">{error instanceof Error ? error.message : 'The page could not be shown.'}</p>
      <p className="govuk-body">
        <a href="/">Go to the board</a>
      </p>
    </main>
  );
}
