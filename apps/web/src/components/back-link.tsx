import { useEffect } from 'react';
import { Link, useLocation, type Location } from 'react-router';

/** Where a "Back" link goes, and what it says: "Back to the triage queue". */
export type Origin = { to: string; label: string };

/** A path inside the app (with its query), never another site. */
const isOrigin = (v: unknown): v is Origin =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Origin).to === 'string' &&
  typeof (v as Origin).label === 'string' &&
  (v as Origin).to.startsWith('/') &&
  !(v as Origin).to.startsWith('//');

const storageKey = (pathname: string) => `muster.back:${pathname}`;

function stored(pathname: string): Origin | undefined {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(storageKey(pathname)) ?? 'null');
    return isOrigin(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The router state a link to a case carries, so the case's back link returns here, filters and sort
 * included: `<Link to={`/cases/${id}`} state={backState(location, 'Back to the triage queue')}>`.
 */
export function backState(location: Pick<Location, 'pathname' | 'search'>, label: string): { backTo: Origin } {
  return { backTo: { to: `${location.pathname}${location.search}`, label } };
}

/** backState for the page being shown. */
export function useBackState(label: string): { backTo: Origin } {
  return backState(useLocation(), label);
}

/**
 * A GOV.UK back link to where the user came from (the board with its filters, the triage queue with
 * its filters, a list), as the link that brought them carried it in router state; `fallback` when they
 * came another way (an address typed, a bookmark). The origin is kept for the tab's session under the
 * page's path, so it survives following a link to a section of the same page (#checks) or a reload.
 */
export function BackLink({ fallback = { to: '/', label: 'Back to the board' } }: { fallback?: Origin }) {
  const location = useLocation();
  const { pathname } = location;
  const state: unknown = location.state;
  const given = typeof state === 'object' && state !== null && 'backTo' in state ? state.backTo : undefined;
  const origin = isOrigin(given) ? given : (stored(pathname) ?? fallback);
  const isGiven = isOrigin(given);
  useEffect(() => {
    if (!isGiven) return;
    try {
      sessionStorage.setItem(storageKey(pathname), JSON.stringify({ to: origin.to, label: origin.label }));
    } catch {
      // storage full or refused: the link still works for this visit
    }
  }, [isGiven, pathname, origin.to, origin.label]);
  return (
    <Link to={origin.to} className="govuk-back-link">
      {origin.label}
    </Link>
  );
}
