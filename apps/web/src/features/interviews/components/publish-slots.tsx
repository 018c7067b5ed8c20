import type { UnitCode } from '@muster/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { Checkboxes, Radios, Select, TextInput } from '../../../components/fields.tsx';
import { formErrors } from '../../../components/form-errors.ts';
import { Loading } from '../../../components/loading.tsx';
import { NotificationBanner } from '../../../components/notification-banner.tsx';
import { addDaysIso, formatShortWeekdayDate, isWeekend, londonToday } from '../../../lib/dates.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { roleLabels, unitShortNames } from '../../../lib/labels.ts';
import { plural } from '../../../lib/plural.ts';
import { useMe } from '../../../lib/session.ts';
import { useTRPC } from '../../../lib/trpc.ts';
import { useInterviewsRefresh } from '../hooks/use-interviews-refresh.ts';

/** How far ahead the form offers days: the four weeks "Your slots" shows. */
const daysAhead = 28;

/** The weekdays from today for four weeks, London dates. */
function offeredDays(today: string): string[] {
  return Array.from({ length: daysAhead }, (_, i) => addDaysIso(today, i)).filter((d) => !isWeekend(d));
}

/** Monday 1 … Friday 5: the column the first offered day takes, so each week of the grid starts on a Monday. */
const weekdayColumn = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();

/** A number typed, or NaN for an empty box, which the server names as missing. */
const minutesOf = (text: string) => (text.trim() ? Number(text.trim()) : Number.NaN);

/** The server's path of each field → the id of its input. */
const fieldIds = {
  unit: 'publish-unit',
  venueId: 'publish-venue',
  panel: 'publish-panel',
  dates: 'publish-dates',
  startTime: 'publish-start',
  lengthMinutes: 'publish-length',
  repeat: 'publish-until',
  'repeat.until': 'publish-until',
  'repeat.everyMinutes': 'publish-every',
};

/** Publishes a unit's interview slots: one a day, or a series each day, on the days ticked. */
export function PublishSlots({ units }: { units: UnitCode[] }) {
  const trpc = useTRPC();
  const me = useMe();
  const refresh = useInterviewsRefresh();
  const [unit, setUnit] = useState<UnitCode>(units[0] ?? 'METCC');
  const venues = useQuery(trpc.interviews.venues.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  const panellists = useQuery(trpc.interviews.panellists.queryOptions({ unit }, { staleTime: 60_000 }));
  const [venue, setVenue] = useState('');
  // Until the user changes it, the panel is the user alone, if they may sit on it.
  const [chosenPanel, setChosenPanel] = useState<Set<number> | null>(null);
  const panel = chosenPanel ?? new Set((panellists.data ?? []).filter((p) => p.id === me.id).map((p) => p.id));
  const [dates, setDates] = useState<Set<string>>(new Set());
  const [startTime, setStartTime] = useState('09:00');
  const [length, setLength] = useState('60');
  const [isSeries, setIsSeries] = useState('one');
  const [until, setUntil] = useState('');
  const [every, setEvery] = useState('');
  const [done, setDone] = useState<{ n: number; text: string } | null>(null);
  const days = offeredDays(londonToday());
  const publish = useMutation(
    trpc.interviews.publishSlots.mutationOptions({
      onSuccess: (slots, input) => {
        const sorted = [...input.dates].sort();
        const first = sorted[0];
        const last = sorted.at(-1);
        const span =
          first && last
            ? first === last
              ? ` on ${formatShortWeekdayDate(first)}`
              : `, ${formatShortWeekdayDate(first)} to ${formatShortWeekdayDate(last)}`
            : '';
        setDone((d) => ({
          n: (d?.n ?? 0) + 1,
          text: `${plural(slots.length, 'slot')} published for ${unitShortNames[input.unit]}${span}.`,
        }));
        setDates(new Set());
        refresh();
      },
    }),
  );
  const { byField, summary } = formErrors(publish.error, fieldIds, 'publish-dates');
  /** The errors about a field and about anything inside it ("dates.3"). */
  const errorsAt = (...paths: string[]) => {
    const found = Object.entries(byField)
      .filter(([k]) => paths.some((p) => k === p || k.startsWith(`${p}.`)))
      .flatMap(([, v]) => v);
    return found.length ? found : undefined;
  };
  // "No slot fits" is about the series as a whole: shown at its end time.
  const untilErrors = [...(byField.repeat ?? []), ...(errorsAt('repeat.until') ?? [])];
  const firstDay = days[0];

  return (
    <section className="app-section" aria-labelledby="publish-title">
      <h2 className="govuk-heading-m" id="publish-title">
        Publish slots
      </h2>
      {done && <NotificationBanner key={done.n} variant="success" heading={done.text} />}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          publish.mutate({
            unit,
            venueId: venue ? Number(venue) : Number.NaN,
            panel: [...panel],
            dates: [...dates].sort(),
            startTime: startTime.trim(),
            lengthMinutes: minutesOf(length),
            ...(isSeries === 'series'
              ? { repeat: { until: until.trim(), everyMinutes: minutesOf(every.trim() ? every : length) } }
              : {}),
          });
        }}
      >
        <ErrorSummary errors={summary} />
        {units.length > 1 ? (
          <Select
            id="publish-unit"
            label="Unit"
            errors={errorsAt('unit')}
            value={unit}
            onChange={(e) => {
              setUnit(e.target.value as UnitCode);
              setChosenPanel(null);
            }}
            options={units.map((u) => ({ value: u, label: unitShortNames[u] }))}
          />
        ) : (
          <p className="govuk-body">
            <strong>Unit:</strong> {unitShortNames[unit]}
          </p>
        )}
        {venues.isError && <p className="govuk-error-message">{errorMessage(venues.error)}</p>}
        <Select
          id="publish-venue"
          label="Place"
          placeholder="Choose a place"
          errors={errorsAt('venueId')}
          value={venue}
          onChange={(e) => setVenue(e.target.value)}
          options={(venues.data ?? []).map((v) => ({ value: String(v.id), label: `${v.name}, ${v.address}` }))}
        />
        {panellists.isError && <p className="govuk-error-message">{errorMessage(panellists.error)}</p>}
        {panellists.data ? (
          <Checkboxes
            id="publish-panel"
            legend="Panel"
            hint="Who sits on the panel for these slots."
            errors={errorsAt('panel')}
            options={panellists.data.map((p) => ({
              value: String(p.id),
              label: `${p.name} (${(roleLabels as Record<string, string>)[p.role] ?? p.role})`,
            }))}
            checked={Object.fromEntries([...panel].map((id) => [String(id), true]))}
            onChange={(value, isChecked) => {
              const next = new Set(panel);
              if (isChecked) next.add(Number(value));
              else next.delete(Number(value));
              setChosenPanel(next);
            }}
          />
        ) : (
          !panellists.isError && <Loading what="Loading who may sit on the panel" />
        )}
        <div className={`app-days${firstDay ? ` app-days--from-${weekdayColumn(firstDay)}` : ''}`}>
          <Checkboxes
            id="publish-dates"
            legend="Days"
            hint="Weekdays in the next 4 weeks. Tick each day to publish slots on."
            errors={errorsAt('dates')}
            options={days.map((d) => ({ value: d, label: formatShortWeekdayDate(d) }))}
            checked={Object.fromEntries([...dates].map((d) => [d, true]))}
            onChange={(value, isChecked) => {
              const next = new Set(dates);
              if (isChecked) next.add(value);
              else next.delete(value);
              setDates(next);
            }}
          />
        </div>
        <div className="app-inline-fields">
          <TextInput
            id="publish-start"
            label="Start time"
            hint="London time, for example 09:30."
            className="govuk-input--width-5"
            inputMode="numeric"
            autoComplete="off"
            errors={errorsAt('startTime')}
            value={startTime}
            onChange={(e) => setStartTime(e.target.value)}
          />
          <TextInput
            id="publish-length"
            label="Length of each interview"
            hint="In minutes, for example 60."
            className="govuk-input--width-5"
            inputMode="numeric"
            autoComplete="off"
            errors={errorsAt('lengthMinutes')}
            value={length}
            onChange={(e) => setLength(e.target.value)}
          />
        </div>
        <Radios
          id="publish-series"
          legend="Slots each day"
          value={isSeries}
          onChange={setIsSeries}
          options={[
            { value: 'one', label: 'One slot' },
            { value: 'series', label: 'A series of slots' },
          ]}
        />
        {isSeries === 'series' && (
          <div className="app-inline-fields">
            <TextInput
              id="publish-until"
              label="Last slot ends by"
              hint="London time, for example 13:00."
              className="govuk-input--width-5"
              inputMode="numeric"
              autoComplete="off"
              errors={untilErrors.length ? untilErrors : undefined}
              value={until}
              onChange={(e) => setUntil(e.target.value)}
            />
            <TextInput
              id="publish-every"
              label="A new slot starts every"
              hint="Minutes from one start to the next. Leave empty for back to back."
              className="govuk-input--width-5"
              inputMode="numeric"
              autoComplete="off"
              errors={errorsAt('repeat.everyMinutes')}
              value={every}
              onChange={(e) => setEvery(e.target.value)}
            />
          </div>
        )}
        <button type="submit" className="govuk-button" disabled={publish.isPending}>
          Publish slots
        </button>
      </form>
    </section>
  );
}
