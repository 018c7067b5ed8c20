import type { BoardCard as Card, Stage } from '@muster/contracts';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { daysSince } from '../../../lib/dates.ts';
import { moveLabel, routeLabels, unitShortNames } from '../../../lib/labels.ts';

export const cardName = (c: Pick<Card, 'firstName' | 'lastName'>) => `${c.firstName} ${c.lastName}`;

export function BoardCard({
  card,
  targetDays,
  onMove,
  onDragStart,
  onDragEnd,
}: {
  card: Card;
  /** Days the case should take at its stage (the server's stage target); undefined while loading. */
  targetDays: number | undefined;
  onMove: (card: Card, to: Stage) => void;
  onDragStart: (card: Card) => void;
  onDragEnd: () => void;
}) {
  const id = useId();
  const moves = card.moves;
  const [to, setTo] = useState<Stage | ''>('');
  const days = daysSince(card.stageEnteredAt);
  const isOverdue = targetDays !== undefined && days > targetDays;
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
        <Link className="govuk-link" to={`/cases/${card.id}`}>
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
      <p className="app-card__line">
        {isOverdue ? (
          <strong className="govuk-tag govuk-tag--red app-card__days">
            {days} days in stage<span className="govuk-visually-hidden">, over the {targetDays}-day target</span>
          </strong>
        ) : (
          <span className="app-card__days">{days === 1 ? '1 day' : `${days} days`} in stage</span>
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
                  {moveLabel(m)}
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
