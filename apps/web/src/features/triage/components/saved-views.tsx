import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { TextInput } from '../../../components/fields.tsx';
import { formErrors } from '../../../components/form-errors.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { useTRPC } from '../../../lib/trpc.ts';
import { paramsFromFilters, type QueueFilters } from '../hooks/use-triage-filters.ts';

/** The user's own named queue views: apply one (it sets the address), delete one, or save the filters in use now. */
export function SavedViews({ filters }: { filters: QueueFilters }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const views = useQuery(trpc.triage.views.queryOptions());
  const [name, setName] = useState('');
  const [status, setStatus] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.triage.views.queryKey() });
  const save = useMutation(
    trpc.triage.saveView.mutationOptions({
      onSuccess: (view) => {
        setStatus(`View “${view.name}” saved.`);
        setName('');
        void refresh();
      },
    }),
  );
  const remove = useMutation(
    trpc.triage.deleteView.mutationOptions({
      onSettled: () => void refresh(),
    }),
  );
  const { byField, summary } = formErrors(save.error, { name: 'view-name' }, 'view-name');
  return (
    <section className="app-views" aria-labelledby="views-title">
      <h2 className="govuk-heading-s app-views__title" id="views-title">
        Saved views
      </h2>
      <p className="govuk-visually-hidden" role="status">
        {status}
      </p>
      {remove.error && <p className="govuk-error-message">{errorMessage(remove.error)}</p>}
      {views.data?.length ? (
        <ul className="govuk-list app-views__list">
          {views.data.map((v) => (
            <li key={v.id}>
              <Link className="govuk-link" to={`/triage?${paramsFromFilters(v.filters).toString()}`}>
                {v.name}
              </Link>{' '}
              <button
                type="button"
                className="app-link-button govuk-link govuk-body-s"
                aria-label={`Delete view ${v.name}`}
                disabled={remove.isPending}
                onClick={() => {
                  setStatus(`View “${v.name}” deleted.`);
                  remove.mutate({ id: v.id });
                }}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body-s app-muted app-views__empty">{views.data ? 'You have no saved views yet.' : ' '}</p>
      )}
      <details className="govuk-details app-views__save" open={Boolean(save.error)}>
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Save this view</span>
        </summary>
        <div className="govuk-details__text">
          <form
            noValidate
            aria-label="Save this view"
            onSubmit={(e) => {
              e.preventDefault();
              setStatus('');
              save.mutate({ name, filters });
            }}
          >
            <ErrorSummary errors={summary} />
            <div className="app-views__form">
              <TextInput
                id="view-name"
                label="Name the filters in use"
                hint="The same name replaces that view."
                value={name}
                errors={byField.name}
                onChange={(e) => setName(e.target.value)}
                maxLength={60}
              />
              <button type="submit" className="govuk-button govuk-button--secondary" disabled={save.isPending}>
                Save
              </button>
            </div>
          </form>
        </div>
      </details>
    </section>
  );
}
