import type { ApplicationDetail, PoolExclusion, PoolPerson } from '@muster/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorSummary } from '../../../../components/error-summary.tsx';
import { Select, type Option } from '../../../../components/fields.tsx';
import { formErrors } from '../../../../components/form-errors.ts';
import { Loading } from '../../../../components/loading.tsx';
import { errorMessage } from '../../../../lib/errors.ts';
import { unitShortNames } from '../../../../lib/labels.ts';
import { useTRPC } from '../../../../lib/trpc.ts';
import { useApplicationWrite } from '../../hooks/use-application-write.ts';

const ids = { mentorId: 'mentor-mentorId', buddyId: 'mentor-buddyId' };

/** Why the server left someone in the pool out of the suggestions, as the form says it. */
const exclusionWords: Record<PoolExclusion, string> = {
  retired: 'retired from the pool',
  paused: 'paused: taking no new joiners',
  at_capacity: 'at capacity',
  mentor_only: 'mentors only',
  buddy_only: 'buddies only',
  interviewed_joiner: 'sat on this joiner’s interview panel',
  is_mentor: 'this joiner’s mentor',
  is_buddy: 'this joiner’s buddy',
};

const label = (p: PoolPerson) => `${p.name}, ${unitShortNames[p.unit]}, ${p.place} (${p.load} of ${p.capacity})`;

/**
 * Assigns a mentor and a buddy. The choices are the server's suggestions for this joiner
 * (`mentors.suggest`), in its order — same unit, then place, then lightest load — and the people it
 * left out are listed with why; the form ranks and filters nothing itself.
 */
export function MentorForm({ detail }: { detail: ApplicationDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const suggestions = useQuery(trpc.mentors.suggest.queryOptions({ applicationId: detail.id }, { staleTime: 30_000 }));
  const [mentorId, setMentorId] = useState(detail.mentor ? String(detail.mentor.id) : '');
  const [buddyId, setBuddyId] = useState(detail.buddy ? String(detail.buddy.id) : '');
  const [saved, setSaved] = useState(false);
  // Loads changed (this joiner's people, and whoever they replaced): every pool list and suggestion is fetched again.
  const refreshPool = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.mentors.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.reference.mentors.pathKey() });
  };
  const write = useApplicationWrite(detail.id, () => {
    setSaved(true);
    refreshPool();
  });
  const mutation = useMutation(
    trpc.applications.assignMentor.mutationOptions({
      ...write,
      onError: (error) => {
        write.onError(error);
        // Someone may have taken the last place meanwhile: the suggestions are fetched again.
        refreshPool();
      },
    }),
  );
  const { byField, summary } = formErrors(mutation.error, ids, ids.mentorId);
  if (suggestions.isError && !suggestions.data) {
    return <p className="govuk-error-message">{errorMessage(suggestions.error)}</p>;
  }
  if (!suggestions.data) return <Loading what="Loading the suggestions" />;
  const { excluded } = suggestions.data;
  // The person the joiner has now stays a choice even when the server suggests them no more (retired since).
  const options = (people: PoolPerson[], current: ApplicationDetail['mentor']): Option[] => [
    ...people.map((p) => ({ value: String(p.id), label: label(p) })),
    ...(current && !people.some((p) => p.id === current.id)
      ? [{ value: String(current.id), label: `${current.name}, ${current.place} (now assigned, not suggested)` }]
      : []),
  ];
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
        Suggested first: same unit and place, then the lightest load. Load is joiners now of capacity.
      </p>
      <div className="app-inline-fields">
        <Select
          id={ids.mentorId}
          label="Mentor"
          placeholder={suggestions.data.mentor.length ? 'Choose a mentor' : 'Nobody can be suggested'}
          value={mentorId}
          errors={byField.mentorId}
          onChange={(ev) => setMentorId(ev.target.value)}
          options={options(suggestions.data.mentor, detail.mentor)}
        />
        <Select
          id={ids.buddyId}
          label="Buddy"
          placeholder={suggestions.data.buddy.length ? 'Choose a buddy' : 'Nobody can be suggested'}
          value={buddyId}
          errors={byField.buddyId}
          onChange={(ev) => setBuddyId(ev.target.value)}
          options={options(suggestions.data.buddy, detail.buddy)}
        />
      </div>
      {excluded.length > 0 && (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">
              Not suggested ({excluded.length === 1 ? '1 person' : `${excluded.length} people`})
            </span>
          </summary>
          <div className="govuk-details__text">
            <ul className="govuk-list">
              {excluded.map((e) => (
                <li key={e.id}>
                  {e.name}: {exclusionWords[e.why]}
                </li>
              ))}
            </ul>
          </div>
        </details>
      )}
      <button type="submit" className="govuk-button" disabled={mutation.isPending}>
        Save mentor and buddy
      </button>
    </form>
  );
}
