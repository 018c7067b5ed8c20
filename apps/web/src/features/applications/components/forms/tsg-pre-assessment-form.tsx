import type { ApplicationDetail } from '@muster/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorSummary } from '../../../../components/error-summary.tsx';
import { Checkboxes, Select } from '../../../../components/fields.tsx';
import { formErrors } from '../../../../components/form-errors.ts';
import { Loading } from '../../../../components/loading.tsx';
import { useTRPC } from '../../../../lib/trpc.ts';
import { useApplicationWrite } from '../../hooks/use-application-write.ts';

const ids = { mentorId: 'tsg-mentorId', hasBaseVisit: 'tsg-hasBaseVisit' };

/**
 * TSG's requirements before the assessment, which MO7's recruitment team facilitates: the officer's
 * TSG mentor, chosen from TSG's people in the mentor pool, and the attachment or base visit.
 */
export function TsgPreAssessmentForm({ detail }: { detail: ApplicationDetail }) {
  const trpc = useTRPC();
  const pool = useQuery(trpc.reference.mentors.queryOptions({ unit: 'TSG' }, { staleTime: 30_000 }));
  const t = detail.tsgPreAssessment;
  const [mentorId, setMentorId] = useState(t?.mentor ? String(t.mentor.id) : '');
  const [hasBaseVisit, setHasBaseVisit] = useState(t?.hasBaseVisit ?? false);
  const [saved, setSaved] = useState(false);
  const write = useApplicationWrite(detail.id, () => setSaved(true));
  const mutation = useMutation(trpc.applications.recordTsgPreAssessment.mutationOptions(write));
  const { byField, summary } = formErrors(mutation.error, ids, ids.mentorId);
  if (!pool.data) return <Loading what="Loading TSG's mentors" />;
  return (
    <form
      noValidate
      aria-label="Record the TSG mentor and base visit"
      onSubmit={(ev) => {
        ev.preventDefault();
        setSaved(false);
        mutation.mutate({
          id: detail.id,
          expectedVersion: detail.version,
          mentorId: mentorId ? Number(mentorId) : null,
          hasBaseVisit,
        });
      }}
    >
      <ErrorSummary errors={summary} />
      {saved && !mutation.error && (
        <p className="govuk-body app-saved" role="status">
          TSG mentor and base visit saved.
        </p>
      )}
      <Select
        id={ids.mentorId}
        label="TSG mentor"
        hint={
          pool.data.length
            ? 'A serving TSG officer from the mentor pool, needed before the assessment.'
            : 'There is no TSG officer in the mentor pool yet: a coordinator adds them.'
        }
        placeholder="None yet"
        options={pool.data.map((m) => ({ value: String(m.id), label: `${m.name}, ${m.place}` }))}
        value={mentorId}
        errors={byField.mentorId}
        onChange={(ev) => setMentorId(ev.target.value)}
      />
      <Checkboxes
        id={ids.hasBaseVisit}
        legend="Attachment or base visit"
        errors={byField.hasBaseVisit}
        options={[{ value: 'yes', label: 'The officer has done an attachment or base visit' }]}
        checked={{ yes: hasBaseVisit }}
        onChange={(_code, isChecked) => setHasBaseVisit(isChecked)}
      />
      <button type="submit" className="govuk-button" disabled={mutation.isPending}>
        Save TSG mentor and base visit
      </button>
    </form>
  );
}
