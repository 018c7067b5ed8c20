import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { Select, TextInput } from '../../../components/fields.tsx';
import { formErrors } from '../../../components/form-errors.ts';
import { Loading } from '../../../components/loading.tsx';
import { NotificationBanner } from '../../../components/notification-banner.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { plural } from '../../../lib/plural.ts';
import { useTRPC } from '../../../lib/trpc.ts';

/** The server's path of each field → the id of its input. */
const fieldIds = { userId: 'limit-person', maxInterviewsPerDay: 'limit-max' };

/** A number typed, or NaN for an empty box, which the server names as missing. */
const numberOf = (text: string) => (text.trim() ? Number(text.trim()) : Number.NaN);

/**
 * Sets how many interviews a day a person may sit on; a booking past it is refused by the server.
 * The people offered are everyone who may sit on panels, with their limit now (`admin.interviewers`).
 */
export function InterviewLimits() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const slots = useQuery(trpc.admin.interviewers.queryOptions());
  const [userId, setUserId] = useState('');
  const [max, setMax] = useState('');
  const [done, setDone] = useState<{ n: number; text: string } | null>(null);
  const save = useMutation(
    trpc.admin.setInterviewLimit.mutationOptions({
      onSuccess: (u) => {
        setDone((d) => ({
          n: (d?.n ?? 0) + 1,
          text: `${u.name} may now sit on at most ${plural(u.maxInterviewsPerDay, 'interview')} a day.`,
        }));
        setMax('');
        // Those who schedule read each panellist's limit with the panel they choose.
        void queryClient.invalidateQueries({ queryKey: trpc.interviews.panellists.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.admin.interviewers.pathKey() });
      },
    }),
  );
  const options = (slots.data ?? []).map((p) => ({
    value: String(p.id),
    label: `${p.name}${p.units.length ? ` (${p.units.join(', ')})` : ''}: at most ${plural(p.maxInterviewsPerDay, 'interview')} a day`,
  }));
  const { byField, summary } = formErrors(save.error, fieldIds, 'limit-person');
  return (
    <section className="app-section" aria-labelledby="limits-title">
      <h2 className="govuk-heading-m" id="limits-title">
        Interviews a day
      </h2>
      <p className="govuk-body">
        The most interviews a person may sit on in a day. Muster refuses a booking that would take them past it.
      </p>
      {done && <NotificationBanner key={done.n} variant="success" heading={done.text} />}
      {slots.isError && !slots.data && <p className="govuk-error-message">{errorMessage(slots.error)}</p>}
      {slots.data ? (
        <form
          noValidate
          aria-label="Set a person's interviews a day"
          className="govuk-!-width-two-thirds"
          onSubmit={(e) => {
            e.preventDefault();
            setDone(null);
            save.mutate({ userId: userId ? Number(userId) : Number.NaN, maxInterviewsPerDay: numberOf(max) });
          }}
        >
          <ErrorSummary errors={summary} />
          <Select
            id="limit-person"
            label="Person"
            hint="Everyone who may sit on interview panels, with their limit now."
            placeholder="Choose a person"
            errors={byField.userId}
            value={userId}
            onChange={(e) => setUserId(e.target.value)}
            options={options}
          />
          <TextInput
            id="limit-max"
            label="Most interviews a day"
            hint="A whole number, for example 3."
            className="govuk-input--width-3"
            inputMode="numeric"
            autoComplete="off"
            errors={byField.maxInterviewsPerDay}
            value={max}
            onChange={(e) => setMax(e.target.value)}
          />
          <button type="submit" className="govuk-button" disabled={save.isPending}>
            Save limit
          </button>
        </form>
      ) : (
        !slots.isError && <Loading what="Loading who sits on panels" />
      )}
    </section>
  );
}
