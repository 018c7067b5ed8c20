import { useEffect } from 'react';

/** Sets the document title ("Board – Muster"), which screen readers announce on navigation. */
export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = `${title} – Muster`;
  }, [title]);
}
