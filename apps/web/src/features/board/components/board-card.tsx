import type { ApplicationMove, BoardCard as Card, Stage } from '@muster/contracts';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { Origin } from '../../../components/back-link.tsx';
import { routeLabels, stageLabels, unitShortNames } from '../../../lib/labels.ts';
import { plural } from '../../../lib/plural.ts';

export const cardName = (c: Pick<Card, 'firstName' | 'lastName'>) => `${c.firstName} ${c.lastName}`;

/**
 * A move as the card's "Move … to" list names it: short, so the longest fits a card's width ("Back to
 * pre-employment", not "Move back to pre-employment": the label says "Move").
 */
function cardMoveLabel(m: Pick<ApplicationMove, 'to' | 'kind'>): string {
  const to = stageLabels[m.to];
  switch (m.kind) {
    case 'forward':
      return to;
    case 'back':
      return `Back to ${to.toLowerCase()}`;
    case 'close':
      return m.to === 'rejected' ? 'Reject' : 'Withdraw';
    case 'reopen':
      return `Reopen at ${to.toLowerCase()}`;
  }
}

export function BoardCard({
  card,
  targetDays,
  backState,
  onMove,
  onDragStart,
  onDragEnd,
}: {
  card: Card;
  /** Days the case should take at its stage (the server's stage target), to say so; undefined while loading. */
  targetDays: number | undefined;
  /** Router state for the link to the case, so its back link returns to this board. */
  backState: { backTo: Origin };
  onMove: (card: Card, to: Stage) => void;
  onDragStart: (card: Card) => void;
  onDragEnd: () => void;
}) {
  const id = useId();
  const moves = card.moves;
  const [to, setTo] = useState<Stage | ''>('');
  // The server judges the days and whether they are past the stage's target.
  const { daysInStage: days, isOverdue } = card;
  const name = cardName(card);
  return (
    <li
      className={['app-card', isOverdue ? 'app-card--overdue' : ''].join(' ')}
      draggable={moves.length > 0}
      onDragStart={(e) => {
        e.dataTransfer.effectAllowed = 'move';
        e.dataTransfer.setData('text/plain', card.reference);
        onDragStart(card);
      }}
      onDragEnd={onDragEnd}
    >
      <h3 className="app-card__title">
        <Link className="govuk-link" to={`/cases/${card.id}`} state={backState}>
          {name}
        </Link>
      </h3>
      <p className="app-card__line">
        {card.reference} · {routeLabels[card.route]}
      </p>
      <dl className="app-card__facts">
        <div>
          <dt>Unit</dt>
          <dd>{card.targetUnit ? unitShortNames[card.targetUnit] : 'Not chosen'}</dd>
        </div>
        {card.currentForce && (
          <div>
            <dt>Force</dt>
            <dd>{card.currentForce}</dd>
          </div>
        )}
      </dl>
      {card.needs.length > 0 && (
        <p className="app-card__needs">
          <strong>Needs:</strong> {card.needs.join(', ')}
        </p>
      )}
      <p className="app-card__line">
        {isOverdue ? (
          <strong className="govuk-tag govuk-tag--red app-card__days">
            {plural(days, 'day')} in stage
            {targetDays !== undefined && (
              <span className="govuk-visually-hidden">, over the {plural(targetDays, 'day')} target</span>
            )}
          </strong>
        ) : (
          <span className="app-card__days">{plural(days, 'day')} in stage</span>
        )}
      </p>
      {moves.length > 0 && (
        <details className="app-card__move">
          <summary className="govuk-link">
            Move<span className="govuk-visually-hidden"> {name}</span>…
          </summary>
          <form
            className="app-card__move-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (to) onMove(card, to);
            }}
          >
            <label className="govuk-label govuk-label--s" htmlFor={`${id}-to`}>
              Move {name} to
            </label>
            <select
              id={`${id}-to`}
              className="govuk-select app-card__select"
              value={to}
              onChange={(e) => setTo(e.target.value as Stage)}
            >
              <option value="">Choose…</option>
              {moves.map((m) => (
                <option key={m.to} value={m.to}>
                  {cardMoveLabel(m)}
                </option>
              ))}
            </select>
            <button type="submit" className="govuk-button govuk-button--secondary app-card__move-button" disabled={!to}>
              Move
            </button>
          </form>
        </details>
      )}
    </li>
  );
}
