import type { CreateApplicationInput, Rank, Route, UnitCode } from '@muster/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { Radios, Select, TextInput } from '../../../components/fields.tsx';
import { formErrors } from '../../../components/form-errors.ts';
import { Loading } from '../../../components/loading.tsx';
import { usePageTitle } from '../../../components/page-title.ts';
import { routeLabels, routes } from '../../../lib/labels.ts';
import { may } from '../../../lib/permissions.ts';
import { useMe } from '../../../lib/session.ts';
import { useTRPC } from '../../../lib/trpc.ts';

const fields = ['route', 'cohortYear', 'firstName', 'lastName', 'email', 'phone', 'dateOfBirth', 'currentForce', 'rank', 'warrantNumber', 'joinedForceOn', 'targetUnit'] as const;
type Field = (typeof fields)[number];
const ids = Object.fromEntries(fields.map((f) => [f, `new-${f}`])) as Record<Field, string>;

/** A new application, for resourcing. It starts at review. */
export function NewApplicationPage() {
  usePageTitle('New application');
  const me = useMe();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const reference = useQuery(trpc.reference.all.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  const [v, setV] = useState<Record<Field, string>>(() => Object.fromEntries(fields.map((f) => [f, ''])) as Record<Field, string>);
  const set = (f: Field) => (value: string) => setV((old) => ({ ...old, [f]: value }));
  const create = useMutation(
    trpc.applications.create.mutationOptions({
      onSuccess: (detail) => {
        queryClient.setQueryData(trpc.applications.get.queryKey({ id: detail.id }), detail);
        void queryClient.invalidateQueries({ queryKey: trpc.applications.board.pathKey() });
        void navigate(`/cases/${detail.id}`);
      },
    }),
  );
  const { byField, summary } = formErrors(create.error, ids, ids.route);
  if (!may.create(me.role)) {
    return (
      <>
        <h1 className="govuk-heading-l">New application</h1>
        <p className="govuk-body">Only the resourcing team creates applications.</p>
      </>
    );
  }
  if (!reference.data) return <Loading />;
  const isTransferee = v.route === 'transferee';
  const isPoliceNow = v.route === 'police_now_nglp' || v.route === 'police_now_ndp';
  const text = (f: Field, label: string, extra: Partial<React.ComponentProps<typeof TextInput>> = {}) => (
    <TextInput id={ids[f]} label={label} value={v[f]} errors={byField[f]} onChange={(e) => set(f)(e.target.value)} {...extra} />
  );
  const opt = (s: string) => (s.trim() ? s.trim() : null);

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
            const input = {
              route: (v.route || undefined) as Route,
              firstName: v.firstName,
              lastName: v.lastName,
              email: v.email,
              phone: opt(v.phone),
              dateOfBirth: v.dateOfBirth,
              targetUnit: (opt(v.targetUnit) ?? null) as UnitCode | null,
              ...(isPoliceNow ? { cohortYear: v.cohortYear ? Number(v.cohortYear) : null } : {}),
              ...(isTransferee
                ? {
                    currentForce: opt(v.currentForce),
                    rank: (opt(v.rank) ?? null) as Rank | null,
                    warrantNumber: opt(v.warrantNumber),
                    joinedForceOn: opt(v.joinedForceOn),
                  }
                : {}),
            } satisfies Partial<CreateApplicationInput>;
            create.mutate(input as CreateApplicationInput);
          }}
        >
          <Radios
            id={ids.route}
            legend="Entry route"
            errors={byField.route}
            value={v.route}
            onChange={set('route')}
            options={routes.map((r) => ({ value: r, label: routeLabels[r] }))}
          />
          {isPoliceNow && text('cohortYear', 'Cohort year', { inputMode: 'numeric', className: 'govuk-input--width-4' })}
          <div className="app-inline-fields">
            {text('firstName', 'First name', { autoComplete: 'off' })}
            {text('lastName', 'Last name', { autoComplete: 'off' })}
          </div>
          {text('email', 'Email address', { type: 'email', spellCheck: false, autoComplete: 'off' })}
          <div className="app-inline-fields">
            {text('phone', 'Phone (optional)', { type: 'tel', autoComplete: 'off' })}
            {text('dateOfBirth', 'Date of birth', { type: 'date', className: 'app-input-date' })}
          </div>
          {isTransferee && (
            <>
              <Select
                id={ids.currentForce}
                label="Current force"
                placeholder="Choose a force"
                value={v.currentForce}
                errors={byField.currentForce}
                onChange={(e) => set('currentForce')(e.target.value)}
                options={reference.data.forces.map((f) => ({ value: f, label: f }))}
              />
              <Radios
                id={ids.rank}
                legend="Rank"
                isInline
                errors={byField.rank}
                value={v.rank}
                onChange={set('rank')}
                options={[
                  { value: 'PC', label: 'PC (uniform)' },
                  { value: 'DC', label: 'DC (detective)' },
                ]}
              />
              <div className="app-inline-fields">
                {text('warrantNumber', 'Warrant number (optional)', { autoComplete: 'off', className: 'govuk-input--width-10' })}
                {text('joinedForceOn', 'Date joined current force', { type: 'date', className: 'app-input-date' })}
              </div>
            </>
          )}
          <Select
            id={ids.targetUnit}
            label="Target unit (optional)"
            hint="Can be chosen later, at review."
            placeholder="Not chosen yet"
            value={v.targetUnit}
            errors={byField.targetUnit}
            onChange={(e) => set('targetUnit')(e.target.value)}
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
