import type { CreateApplicationInput, UnitCode } from '@muster/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  CandidateFields,
  candidateDateIds,
  candidateIds,
  candidateInput,
  emptyCandidate,
  readCandidateDates,
  type CandidateDateProblems,
  type CandidateValues,
} from '../../../components/candidate-fields.tsx';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { Select } from '../../../components/fields.tsx';
import { formErrors } from '../../../components/form-errors.ts';
import { Loading } from '../../../components/loading.tsx';
import { dateErrors } from '../../../lib/date-parts.ts';
import { usePageTitle } from '../../../components/page-title.ts';
import { useMe } from '../../../lib/session.ts';
import { useTRPC } from '../../../lib/trpc.ts';

const ids = { ...candidateIds('new'), targetUnit: 'new-targetUnit' };
const dateIds = candidateDateIds('new');

/** A new application, for resourcing. It starts at review. */
export function NewApplicationPage() {
  usePageTitle('New application');
  const me = useMe();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const reference = useQuery(trpc.reference.all.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  const [values, setValues] = useState<CandidateValues>(emptyCandidate);
  const [targetUnit, setTargetUnit] = useState('');
  // Dates that could not be read when the form was last sent: shown instead of sending it.
  const [dateProblems, setDateProblems] = useState<CandidateDateProblems>({});
  const create = useMutation(
    trpc.applications.create.mutationOptions({
      onSuccess: (detail) => {
        queryClient.setQueryData(trpc.applications.get.queryKey({ id: detail.id }), detail);
        void queryClient.invalidateQueries({ queryKey: trpc.applications.board.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.triage.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.duplicates.pathKey() });
        void navigate(`/cases/${detail.id}`);
      },
    }),
  );
  const { byField, summary } = Object.keys(dateProblems).length
    ? dateErrors(dateProblems, dateIds)
    : formErrors(create.error, ids, ids.route);
  if (!me.may.createApplication) {
    return (
      <>
        <h1 className="govuk-heading-l">New application</h1>
        <p className="govuk-body">Only the resourcing team creates applications.</p>
      </>
    );
  }
  if (!reference.data) return <Loading />;

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds-from-desktop">
        <Link to="/" className="govuk-back-link">
          Back to the board
        </Link>
        <ErrorSummary errors={summary} />
        <h1 className="govuk-heading-l">New application</h1>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const dates = readCandidateDates(values);
            setDateProblems(dates.problems);
            if (dates.hasProblems) {
              create.reset();
              return;
            }
            const input = {
              ...candidateInput(values, dates.isos),
              targetUnit: (targetUnit || null) as UnitCode | null,
            } satisfies Partial<CreateApplicationInput>;
            create.mutate(input);
          }}
        >
          <CandidateFields
            values={values}
            onChange={setValues}
            byField={byField}
            ids={ids}
            reference={reference.data}
            dateProblems={dateProblems}
          />
          <Select
            id={ids.targetUnit}
            label="Target unit (optional)"
            hint="Can be chosen later, at review."
            placeholder="Not chosen yet"
            value={targetUnit}
            errors={byField.targetUnit}
            onChange={(e) => setTargetUnit(e.target.value)}
            options={reference.data.units.map((u) => ({ value: u.code, label: u.name }))}
          />
          <button type="submit" className="govuk-button" disabled={create.isPending}>
            Create application
          </button>
        </form>
      </div>
    </div>
  );
}
