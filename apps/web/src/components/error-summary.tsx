import { useEffect, useRef } from 'react';

export type SummaryError = { href: string; text: string };

/** GOV.UK error summary: takes focus when it appears so keyboard and screen reader users land on it. */
export function ErrorSummary({ errors, title = 'There is a problem' }: { errors: SummaryError[]; title?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const signature = errors.map((e) => e.text).join('|');
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);
  if (!errors.length) return null;
  return (
    <div className="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">{title}</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((e, i) => (
              <li key={i}>
                {e.href.startsWith('#') ? (
                  <a
                    href={e.href}
                    onClick={(event) => {
                      const target = document.getElementById(e.href.slice(1));
                      if (!target) return;
                      event.preventDefault();
                      target.scrollIntoView({ block: 'center' });
                      target.focus();
                    }}
                  >
                    {e.text}
                  </a>
                ) : (
                  <a href={e.href}>{e.text}</a>
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
