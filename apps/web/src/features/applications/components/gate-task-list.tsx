import type { ApplicationDetail, GateItem, Reference } from '@muster/contracts';
import { roleList, stageLabels } from '../../../lib/labels.ts';

/** What the server says beside an item: done ("Completed", or its word: "Waived"), or what stands in the way. */
function ItemStatus({ item }: { item: GateItem }) {
  if (item.isDone) return <>{item.status ?? 'Completed'}</>;
  return (
    <strong className={`govuk-tag ${item.isFailed ? 'govuk-tag--red' : 'govuk-tag--blue'}`}>{item.status ?? 'Incomplete'}</strong>
  );
}

/**
 * The gate out of the case's stage, as the server lists it (`gateChecklist`): each item done or not,
 * linking to the section whose form does it; who may move the case on; and what still stands in the way.
 */
export function GateTaskList({ detail, reference }: { detail: ApplicationDetail; reference: Reference }) {
  const list = detail.gateChecklist;
  if (!list) {
    return (
      <p className="govuk-body">
        {detail.isClosed ? `This case is ${detail.stage}.` : 'This officer is onboarded: the pipeline is finished.'}
      </p>
    );
  }
  const movers = reference.pipeline.find((p) => p.stage === list.from)?.movers ?? [];
  const unmet = detail.nextMoves.find((m) => m.to === list.to)?.unmet ?? [];
  return (
    <div className="app-gate">
      <h3 className="govuk-heading-s govuk-!-margin-bottom-1">To move to {stageLabels[list.to].toLowerCase()}</h3>
      <p className="govuk-body-s app-muted govuk-!-margin-bottom-2">Who acts: {roleList(movers)}</p>
      <ul className="govuk-task-list app-task-list">
        {list.items.map((item, n) => {
          const statusId = `task-${list.to}-${n}-status`;
          return (
            <li className="govuk-task-list__item govuk-task-list__item--with-link" key={`${item.code}:${item.check ?? n}`}>
              <div className="govuk-task-list__name-and-hint">
                <a className="govuk-link govuk-task-list__link" href={`#${item.section}`} aria-describedby={statusId}>
                  {item.label}
                </a>
              </div>
              <div className="govuk-task-list__status" id={statusId}>
                <ItemStatus item={item} />
              </div>
            </li>
          );
        })}
      </ul>
      {unmet.length > 0 && (
        <div className="govuk-inset-text app-inset">
          <p className="govuk-body-s govuk-!-font-weight-bold govuk-!-margin-bottom-1">
            Still in the way of moving to {stageLabels[list.to].toLowerCase()}:
          </p>
          <ul className="govuk-list govuk-list--bullet govuk-body-s govuk-!-margin-bottom-0">
            {unmet.map((u) => (
              <li key={u.message}>{u.message}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
