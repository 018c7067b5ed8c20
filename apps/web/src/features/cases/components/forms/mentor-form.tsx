import type { ApplicationDetail } from '@muster/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorSummary } from '../../../../components/error-summary.tsx';
import { Select } from '../../../../components/fields.tsx';
import { formErrors } from '../../../../components/form-errors.ts';
import { fieldErrors } from '../../../../lib/errors.ts';
import { Loading } from '../../../../components/loading.tsx';
import type { PoolMember } from '../../../../lib/types.ts';
import { useTRPC } from '../../../../lib/trpc.ts';
import { useCaseWrite } from '../../hooks/use-case-write.ts';

const ids = { mentorId: 'mentor-mentorId', buddyId: 'mentor-buddyId' };

/** Same unit first, then same place, then the lightest load: the order the domain brief suggests. */
function rank(pool: PoolMember[], detail: ApplicationDetail) {
  const unit = detail.induction?.postingUnit ?? detail.targetUnit;
  const place = detail.induction?.postingPlace;
  const score = (m: PoolMember) => (m.unit === unit ? 0 : 2) + (m.place === place ? 0 : 1);
  return [...pool].sort(
    (a, b) => score(a) - score(b) || a.load / a.capacity - b.load / b.capacity || a.name.localeCompare(b.name),
  );
}

/** Assigns a mentor and a buddy from the pool, showing each person's load against capacity. */
export function MentorForm({ detail }: { detail: ApplicationDetail }) {
  const trpc = useTRPC();
  const pool = useQuery(trpc.reference.mentors.queryOptions(undefined, { staleTime: 30_000 }));
  const [mentorId, setMentorId] = useState(detail.mentor ? String(detail.mentor.id) : '');
  const [buddyId, setBuddyId] = useState(detail.buddy ? String(detail.buddy.id) : '');
  const [saved, setSaved] = useState(false);
  const write = useCaseWrite(detail.id, () => {
    setSaved(true);
    void pool.refetch();
  });
  // The pool's `load` from reference.mentors can be behind the server's own count (see the report on
  // listMentors); whoever the server says is at capacity is greyed out here until the pool refreshes.
  const [full, setFull] = useState<ReadonlySet<number>>(new Set());
  const mutation = useMutation(
    trpc.applications.assignMentor.mutationOptions({
      ...write,
      onError: (error, vars) => {
        write.onError(error);
        const errors = fieldErrors(error);
        const next = new Set(full);
        if (errors.mentorId?.some((m) => m.includes('capacity')) && vars.mentorId) next.add(vars.mentorId);
        if (errors.buddyId?.some((m) => m.includes('capacity')) && vars.buddyId) next.add(vars.buddyId);
        if (next.size !== full.size) setFull(next);
      },
    }),
  );
  const { byField, summary } = formErrors(mutation.error, ids, ids.mentorId);
  if (!pool.data) return <Loading what="Loading the mentor pool" />;
  const options = (currentId: number | undefined) =>
    rank(pool.data, detail).map((m) => ({
      value: String(m.id),
      label: `${m.name}, ${m.unit}, ${m.place} (${full.has(m.id) ? 'full' : `${m.load} of ${m.capacity}`})`,
      isDisabled: (m.load >= m.capacity || full.has(m.id)) && m.id !== currentId,
    }));
  return (
    <form
      noValidate
      aria-label="Assign a mentor and a buddy"
      onSubmit={(ev) => {
        ev.preventDefault();
        setSaved(false);
        mutation.mutate({
          id: detail.id,
          expectedVersion: detail.version,
          ...(mentorId ? { mentorId: Number(mentorId) } : {}),
          ...(buddyId ? { buddyId: Number(buddyId) } : {}),
        });
      }}
    >
      <ErrorSummary errors={summary} />
      {saved && !mutation.error && (
        <p className="govuk-body app-saved" role="status">
          Mentor and buddy saved.
        </p>
      )}
      <p className="govuk-body-s app-muted">
        Suggested first: same unit and place, lightest load. People at capacity cannot be chosen.
      </p>
      <div className="app-inline-fields">
        <Select
          id={ids.mentorId}
          label="Mentor"
          placeholder="Choose a mentor"
          value={mentorId}
          errors={byField.mentorId}
          onChange={(ev) => setMentorId(ev.target.value)}
          options={options(detail.mentor?.id)}
        />
        <Select
          id={ids.buddyId}
          label="Buddy"
          placeholder="Choose a buddy"
          value={buddyId}
          errors={byField.buddyId}
          onChange={(ev) => setBuddyId(ev.target.value)}
          options={options(detail.buddy?.id)}
        />
      </div>
      <button type="submit" className="govuk-button" disabled={mutation.isPending}>
        Save mentor and buddy
      </button>
    </form>
  );
}
