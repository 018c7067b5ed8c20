import type { ApplicationDetail } from '@muster/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorSummary } from '../../../../components/error-summary.tsx';
import { Select } from '../../../../components/fields.tsx';
import { formErrors } from '../../../../components/form-errors.ts';
import { fieldCodes } from '../../../../lib/errors.ts';
import { Loading } from '../../../../components/loading.tsx';
import { useTRPC } from '../../../../lib/trpc.ts';
import { useApplicationWrite } from '../../hooks/use-application-write.ts';

const ids = { mentorId: 'mentor-mentorId', buddyId: 'mentor-buddyId' };

/**
 * Assigns a mentor and a buddy from the pool, showing each person's load against capacity. The
 * server sends the pool ranked for this case (same unit, then place, then lightest load).
 */
export function MentorForm({ detail }: { detail: ApplicationDetail }) {
  const trpc = useTRPC();
  const pool = useQuery(trpc.reference.mentors.queryOptions({ applicationId: detail.id }, { staleTime: 30_000 }));
  const [mentorId, setMentorId] = useState(detail.mentor ? String(detail.mentor.id) : '');
  const [buddyId, setBuddyId] = useState(detail.buddy ? String(detail.buddy.id) : '');
  const [saved, setSaved] = useState(false);
  const write = useApplicationWrite(detail.id, () => {
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
        const codes = fieldCodes(error);
        const next = new Set(full);
        if (codes.mentorId?.includes('mentor.at_capacity') && vars.mentorId) next.add(vars.mentorId);
        if (codes.buddyId?.includes('mentor.at_capacity') && vars.buddyId) next.add(vars.buddyId);
        if (next.size !== full.size) setFull(next);
      },
    }),
  );
  const { byField, summary } = formErrors(mutation.error, ids, ids.mentorId);
  if (!pool.data) return <Loading what="Loading the mentor pool" />;
  const options = (currentId: number | undefined) =>
    pool.data.map((m) => ({
      value: String(m.id),
      label: `${m.name}, ${m.unit}, ${m.place} (${full.has(m.id) ? 'full' : `${m.load} of ${m.capacity}`})`,
      isDisabled: (!m.hasRoom || full.has(m.id)) && m.id !== currentId,
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
