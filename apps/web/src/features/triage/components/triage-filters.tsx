import type { Route, Stage, UnitCode } from '@muster/contracts';
import { ApplicationFilterFields, FilterActions } from '../../../components/application-filter-fields.tsx';
import { Select } from '../../../components/fields.tsx';
import { formText } from '../../../lib/form-data.ts';
import { stageLabels, unitCodes } from '../../../lib/labels.ts';
import type { QueueFilters } from '../hooks/use-triage-filters.ts';

type Reviewer = { id: number; name: string };

/** The queue's filters; applying them writes the address, which the queue reads. */
export function TriageFilters({
  filters,
  onApply,
  reviewers,
}: {
  filters: QueueFilters;
  onApply: (f: QueueFilters) => void;
  reviewers: Reviewer[];
}) {
  const hasFilters = Object.keys(filters).length > 0;
  const assignee = filters.assignee === undefined ? 'unassigned' : String(filters.assignee);
  const overdue = filters.isOverdue === undefined ? '' : filters.isOverdue ? 'yes' : 'no';
  return (
    <form
      className="app-filters app-filters--compact"
      role="search"
      aria-label="Filter the queue"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        const get = (k: string) => formText(data, k);
        const a = get('assignee');
        onApply({
          ...(get('stage') && get('stage') !== 'review' ? { stage: get('stage') as Stage } : {}),
          ...(get('unit') ? { unit: get('unit') as UnitCode } : {}),
          ...(get('route') ? { route: get('route') as Route } : {}),
          ...(a === 'me' || a === 'any' ? { assignee: a } : a && a !== 'unassigned' ? { assignee: Number(a) } : {}),
          ...(get('overdue') ? { isOverdue: get('overdue') === 'yes' } : {}),
          q: get('q'),
        });
      }}
    >
      <Select
        id="triage-stage"
        name="stage"
        label="Stage"
        defaultValue={filters.stage ?? 'review'}
        key={`stage-${filters.stage ?? ''}`}
        options={(Object.keys(stageLabels) as Stage[]).map((s) => ({ value: s, label: stageLabels[s] }))}
      />
      <Select
        id="triage-assignee"
        name="assignee"
        label="Assigned to"
        defaultValue={assignee}
        key={`assignee-${assignee}`}
        options={[
          { value: 'unassigned', label: 'Nobody (unassigned)' },
          { value: 'me', label: 'Me' },
          { value: 'any', label: 'Anyone or nobody' },
          ...reviewers.map((r) => ({ value: String(r.id), label: r.name })),
        ]}
      />
      <Select
        id="triage-overdue"
        name="overdue"
        label="Age"
        placeholder="Any age"
        defaultValue={overdue}
        key={`overdue-${overdue}`}
        options={[
          { value: 'yes', label: 'Overdue only' },
          { value: 'no', label: 'Not overdue' },
        ]}
      />
      <ApplicationFilterFields idPrefix="triage" units={unitCodes} unit={filters.unit} route={filters.route} q={filters.q} />
      <FilterActions hasFilters={hasFilters} clearTo="/triage" />
    </form>
  );
}
