import type { ReactNode } from 'react';

/** A titled part of the case page that the gate task list and refusal links can point to (#id). */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="app-section" id={id} tabIndex={-1} aria-labelledby={`${id}-title`}>
      <h2 className="govuk-heading-m" id={`${id}-title`}>
        {title}
      </h2>
      {children}
    </section>
  );
}

export function SummaryList({ rows }: { rows: [ReactNode, ReactNode][] }) {
  return (
    <dl className="govuk-summary-list govuk-summary-list--no-border app-summary-list">
      {rows.map(([key, value], i) => (
        <div className="govuk-summary-list__row" key={i}>
          <dt className="govuk-summary-list__key">{key}</dt>
          <dd className="govuk-summary-list__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
