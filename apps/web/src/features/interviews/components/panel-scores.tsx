import type { Scorecard, ScorecardsView } from '@muster/contracts';
import { Table } from '../../../components/table.tsx';

const stateLabels: Record<ScorecardsView['panel'][number]['state'], { text: string; tag: string }> = {
  submitted: { text: 'Submitted', tag: 'govuk-tag--green' },
  due: { text: 'Due', tag: 'govuk-tag--blue' },
  overdue: { text: 'Overdue', tag: 'govuk-tag--red' },
  not_due: { text: 'Not due yet', tag: 'govuk-tag--grey' },
};

/** Who sits on the panel and where each one's scorecard stands, as the server says. */
export function PanelStatus({ panel, label }: { panel: ScorecardsView['panel']; label: string }) {
  return (
    <dl className="govuk-summary-list govuk-summary-list--no-border app-summary-list app-scorecard__panel" aria-label={label}>
      {panel.map((p) => (
        <div className="govuk-summary-list__row" key={p.id}>
          <dt className="govuk-summary-list__key">{p.name}</dt>
          <dd className="govuk-summary-list__value">
            <strong className={`govuk-tag ${stateLabels[p.state].tag}`}>{stateLabels[p.state].text}</strong>
          </dd>
        </div>
      ))}
    </dl>
  );
}

const formatMean = (mean: number | null | undefined) => (mean === null || mean === undefined ? '–' : mean.toFixed(1));

/**
 * The scorecards the reader may see (their own first, then the others' the server returned), a
 * column each, and each criterion's panel mean when the server sends the summary.
 */
export function PanelScores({ view, label }: { view: ScorecardsView; label: string }) {
  const cards: Scorecard[] = [...(view.mine ? [view.mine] : []), ...view.others];
  if (!cards.length) return null;
  const isMine = (c: Scorecard) => c.id === view.mine?.id;
  const withEvidence = cards.filter((c) => Object.values(c.evidence).some((e) => e.trim()));
  return (
    <>
      <Table
        label={label}
        caption={label}
        columns={[
          { label: 'Criterion' },
          ...cards.map((c) => ({
            label: isMine(c) ? `${c.by.name} (you)` : c.by.name,
            className: 'govuk-table__header--numeric',
          })),
          ...(view.summary ? [{ label: 'Mean', className: 'govuk-table__header--numeric' }] : []),
        ]}
      >
        {view.criteria.map((criterion) => (
          <tr className="govuk-table__row" key={criterion.code}>
            <th scope="row" className="govuk-table__header">
              {criterion.label}
            </th>
            {cards.map((c) => (
              <td className="govuk-table__cell govuk-table__cell--numeric" key={c.id}>
                {c.scores[criterion.code] ?? '–'}
              </td>
            ))}
            {view.summary && (
              <td className="govuk-table__cell govuk-table__cell--numeric">
                <strong>{formatMean(view.summary.find((s) => s.code === criterion.code)?.mean)}</strong>
              </td>
            )}
          </tr>
        ))}
      </Table>
      {withEvidence.map((c) => (
        <details className="govuk-details" key={c.id}>
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Evidence noted by {isMine(c) ? 'you' : c.by.name}</span>
          </summary>
          <div className="govuk-details__text">
            <dl className="govuk-summary-list app-summary-list">
              {view.criteria
                .filter((criterion) => c.evidence[criterion.code]?.trim())
                .map((criterion) => (
                  <div className="govuk-summary-list__row" key={criterion.code}>
                    <dt className="govuk-summary-list__key">{criterion.label}</dt>
                    <dd className="govuk-summary-list__value app-scorecard__evidence">{c.evidence[criterion.code]}</dd>
                  </div>
                ))}
            </dl>
          </div>
        </details>
      ))}
    </>
  );
}
