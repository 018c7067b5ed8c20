import type { ApplicationDetail, ApplicationSection, OpenStage, PipelineStep } from '@muster/contracts';
import { checkStatusLabels, roleList, stageLabels } from '../../../lib/labels.ts';
import type { Reference } from '@muster/contracts';
import type { ForceRecords } from './forms/eligibility-form.tsx';

type Task = { key: string; label: string; isDone: boolean; status?: string; section: ApplicationSection };

/** What the gate out of `from` asks for, item by item, read from what is recorded on the case. */
function gateTasks(d: ApplicationDetail, from: OpenStage, reference: Reference): Task[] {
  const e = d.eligibility;
  switch (from) {
    case 'review': {
      const unit = reference.units.find((u) => u.code === d.targetUnit);
      const tasks: Task[] = [
        {
          key: 'eligibility',
          label: 'Eligibility recorded and met',
          isDone: !!e && reference.routeCriteria[d.route].every((k) => e.criteria[k.code] === true),
          section: 'eligibility',
        },
        { key: 'unit', label: 'Target unit chosen', isDone: d.targetUnit !== null, section: 'eligibility' },
      ];
      const f = (e ?? {}) as ForceRecords;
      // Shown once eligibility is recorded: the record carries what the current force has sent.
      if (d.route === 'transferee' && e !== null) {
        const received = (r: ForceRecords['psdRecords'], o: ForceRecords['psdOutcome']) =>
          r === 'received' && o === 'clear'
            ? undefined
            : r === 'received'
              ? o === 'refer'
                ? 'Referred'
                : 'Outcome missing'
              : r === 'requested'
                ? 'Requested'
                : 'Not requested';
        const psd = received(f.psdRecords, f.psdOutcome);
        const oh = received(f.ohRecords, f.ohOutcome);
        tasks.push(
          {
            key: 'psd',
            label: 'PSD records received and clear',
            isDone: !psd,
            ...(psd ? { status: psd } : {}),
            section: 'eligibility',
          },
          {
            key: 'oh',
            label: 'OH records received and clear',
            isDone: !oh,
            ...(oh ? { status: oh } : {}),
            section: 'eligibility',
          },
          {
            key: 'misconduct',
            label: 'No open misconduct matter',
            isDone: f.hasOpenMisconduct === false,
            ...(f.hasOpenMisconduct ? { status: 'Open matter' } : {}),
            section: 'eligibility',
          },
        );
      }
      if (unit?.criteria.length) {
        tasks.push({
          key: 'unit-criteria',
          label: `${unit.code} essential criteria met`,
          isDone: unit.criteria.every((k) => e?.unitCriteria[k.code] === true),
          section: 'eligibility',
        });
      }
      if (d.targetUnit === 'TSG') {
        tasks.push({ key: 'tsg-mentor', label: 'TSG mentor named', isDone: !!e?.tsgMentorName, section: 'eligibility' });
        tasks.push({
          key: 'tsg-visit',
          label: 'Attachment or base visit done',
          isDone: !!e?.hasTsgBaseVisit,
          section: 'eligibility',
        });
      }
      return tasks;
    }
    case 'interview':
      return [
        {
          key: 'interview',
          label: 'Interview passed',
          isDone: d.interview?.outcome === 'pass',
          ...(d.interview?.outcome === 'fail' ? { status: 'Failed' } : {}),
          section: 'interview',
        },
      ];
    case 'pre_employment':
      return d.checks
        .filter((c) => c.isRequired)
        .map((c) => ({
          key: c.check,
          label: c.name,
          isDone: c.status === 'passed' || c.status === 'waived',
          status: checkStatusLabels[c.status],
          section: 'checks',
        }));
    case 'induction':
      return [
        {
          key: 'induction',
          label: 'Induction course, start date and posting',
          isDone: d.induction !== null,
          section: 'induction',
        },
      ];
    case 'mentoring':
      return [
        { key: 'mentor', label: 'Mentor assigned', isDone: d.mentor !== null, section: 'mentoring' },
        { key: 'buddy', label: 'Buddy assigned', isDone: d.buddy !== null, section: 'mentoring' },
      ];
  }
}

function TaskList({
  d,
  step,
  reference,
  heading,
}: {
  d: ApplicationDetail;
  step: PipelineStep;
  reference: Reference;
  heading: string;
}) {
  const to = step.next;
  const tasks = gateTasks(d, step.stage, reference);
  const unmet = d.nextMoves.find((m) => m.to === to)?.unmet ?? [];
  return (
    <div className="app-gate">
      <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{heading}</h3>
      <p className="govuk-body-s app-muted govuk-!-margin-bottom-2">Who acts: {roleList(step.movers)}</p>
      <ul className="govuk-task-list app-task-list">
        {tasks.map((t) => (
          <li className="govuk-task-list__item govuk-task-list__item--with-link" key={t.key}>
            <div className="govuk-task-list__name-and-hint">
              <a
                className="govuk-link govuk-task-list__link"
                href={`#${t.section}`}
                aria-describedby={`task-${to}-${t.key}-status`}
              >
                {t.label}
              </a>
            </div>
            <div className="govuk-task-list__status" id={`task-${to}-${t.key}-status`}>
              {t.isDone ? (
                t.status && t.status !== 'Passed' ? (
                  t.status
                ) : (
                  'Completed'
                )
              ) : (
                <strong className={`govuk-tag ${t.status === 'Failed' ? 'govuk-tag--red' : 'govuk-tag--blue'}`}>
                  {t.status ?? 'Incomplete'}
                </strong>
              )}
            </div>
          </li>
        ))}
      </ul>
      {unmet.length > 0 && (
        <div className="govuk-inset-text app-inset">
          <p className="govuk-body-s govuk-!-font-weight-bold govuk-!-margin-bottom-1">
            Still in the way of moving to {stageLabels[to].toLowerCase()}:
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

/** The gates out of the current and the next stage (the server's pipeline): done, missing, and who must act. */
export function GateTaskList({ detail, reference }: { detail: ApplicationDetail; reference: Reference }) {
  const step = reference.pipeline.find((p) => p.stage === detail.stage);
  const after = step && reference.pipeline.find((p) => p.stage === step.next);
  if (!step) {
    return (
      <p className="govuk-body">
        {detail.isClosed ? `This case is ${detail.stage}.` : 'This officer is onboarded: the pipeline is finished.'}
      </p>
    );
  }
  return (
    <>
      <TaskList d={detail} step={step} reference={reference} heading={`To move to ${stageLabels[step.next].toLowerCase()}`} />
      {after && (
        <TaskList
          d={detail}
          step={after}
          reference={reference}
          heading={`Then, to move to ${stageLabels[after.next].toLowerCase()}`}
        />
      )}
    </>
  );
}
