import type { ImportJob, ImportReport, ImportRowResult } from '@muster/contracts';
import { importLimitMessages, importLimits, importReportRowsListed } from '@muster/contracts/limits';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { BackLink } from '../../../components/back-link.tsx';
import { ErrorSummary, type SummaryError } from '../../../components/error-summary.tsx';
import { ErrorMessage, Select } from '../../../components/fields.tsx';
import { usePageTitle } from '../../../components/page-title.ts';
import { Table } from '../../../components/table.tsx';
import { errorCode, errorMessage, fieldErrors } from '../../../lib/errors.ts';
import { describeMatches } from '../../../lib/labels.ts';
import { plural } from '../../../lib/plural.ts';
import { useMe } from '../../../lib/session.ts';
import { useTRPC } from '../../../lib/trpc.ts';
import { fileContent } from '../file-content.ts';

/** The columns of the application form's export (docs/import-format.md), in the order the form writes them. */
const columns: [string, string][] = [
  ['reference', 'Required. The form’s reference: letters, digits, -, _ or /; at most 40 characters.'],
  ['received_at', 'Required. ISO 8601 date (2026-11-02) or date and time (2026-11-02T09:14:00Z).'],
  ['route', 'Required. transferee, police_now_nglp or police_now_ndp.'],
  ['cohort_year', 'Police Now only: the programme cohort, such as 2027.'],
  ['first_name, last_name', 'Required. Up to 100 characters each.'],
  ['email', 'Required. An email address.'],
  ['phone', 'Optional. 7 to 20 digits, spaces, +, - and brackets.'],
  ['date_of_birth', 'Required. YYYY-MM-DD.'],
  ['current_force', 'Transferees: the force’s full name, such as Kent Police. Empty for Police Now.'],
  ['rank', 'Transferees: PC or DC. Empty for Police Now.'],
  ['warrant_number', 'Optional, transferees only. Up to 30 characters.'],
  ['joined_force_on', 'Transferees: the date they joined their current force, YYYY-MM-DD.'],
  ['unit_preferences', 'Optional. Unit codes separated by ; most wanted first: SNT, METCC, TSG, CT, MO19, MO3, SOIT, BCU.'],
  ['posting_preference', 'Optional. A posting asked for, such as MO3.'],
  ['specialist_skills', 'Optional. Skills and qualifications separated by ;'],
  ['notes', 'Optional. Free text; becomes a note on the case.'],
];

const outcomeTags: Record<ImportRowResult['outcome'], [string, string]> = {
  create: ['govuk-tag--green', 'To create'],
  unchanged: ['govuk-tag--grey', 'Unchanged'],
  refused: ['govuk-tag--red', 'Refused'],
};

const pollMs = 250;
/** Rows of a report shown at once: as many as the server lists of each kind. */
const rowsShown = importReportRowsListed;
const n = (x: number) => x.toLocaleString('en-GB');

export function ImportPage() {
  usePageTitle('Import applications');
  const me = useMe();
  if (!me.may.intake) {
    return (
      <>
        <h1 className="govuk-heading-l">Import applications</h1>
        <p className="govuk-body">Only the resourcing team imports applications.</p>
      </>
    );
  }
  return <Importer />;
}

/** Reads a CSV in the browser, sends it as a dry run or a real import, follows the job, and shows its report. */
function Importer() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useMutation(
    trpc.imports.start.mutationOptions({
      onSuccess: (job) => {
        queryClient.setQueryData(trpc.imports.status.queryKey({ jobId: job.id }), job);
        setJobId(job.id);
      },
    }),
  );
  const status = useQuery(
    trpc.imports.status.queryOptions(
      { jobId: jobId ?? '00000000-0000-0000-0000-000000000000' },
      {
        enabled: jobId !== null,
        staleTime: 0,
        refetchOnWindowFocus: false,
        refetchInterval: (q) =>
          q.state.data && (q.state.data.phase === 'done' || q.state.data.phase === 'failed') ? false : pollMs,
      },
    ),
  );
  const job = jobId ? status.data : undefined;
  const isRunning = start.isPending || (job !== undefined && job.phase !== 'done' && job.phase !== 'failed');

  // A real import that wrote cases changes the queue, the board and the duplicates.
  const committed = job?.report?.isCommitted === true;
  useEffect(() => {
    if (!committed) return;
    void queryClient.invalidateQueries({ queryKey: trpc.triage.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.applications.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.duplicates.pathKey() });
  }, [committed, queryClient, trpc]);

  async function run(isDryRun: boolean) {
    setFileError(null);
    if (!file) {
      setFileError('Choose a CSV file.');
      return;
    }
    // The API's limit (StartImportInput), checked before the file is read: a huge file is neither read nor sent.
    if (file.size > importLimits.maxFileBytes) {
      setFileError(importLimitMessages.fileTooLarge(file.size));
      return;
    }
    if (file.size === 0) {
      setFileError('The file is empty.');
      return;
    }
    setJobId(null);
    start.reset();
    let content: string;
    try {
      content = await fileContent(file);
    } catch {
      setFileError('The file could not be read. Choose it again.');
      return;
    }
    start.mutate({ fileName: file.name, content, isDryRun });
  }

  const startErrors =
    start.error && errorCode(start.error) !== 'UNAUTHORIZED' ? Object.values(fieldErrors(start.error)).flat() : [];
  const fieldMessages = [
    ...(fileError ? [fileError] : []),
    ...(start.error ? (startErrors.length ? startErrors : [errorMessage(start.error)]) : []),
  ];
  const summary: SummaryError[] = fieldMessages.map((text) => ({ href: '#import-file', text }));
  if (job?.phase === 'failed') summary.push({ href: '#import-progress', text: job.error ?? 'The import stopped.' });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <BackLink fallback={{ to: '/triage', label: 'Back to the triage queue' }} />
        <ErrorSummary errors={summary} />
        <h1 className="govuk-heading-l">Import applications</h1>
        <p className="govuk-body">
          Import the CSV file the online application form exports. Check it first: a dry run reports what would happen and writes
          nothing. If any row is refused, a real import creates no case. A large file is written in parts: if an import stops
          part-way, import the same file again to finish it. Importing the same file again never creates a case twice.
        </p>
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">The columns the file needs</span>
          </summary>
          <div className="govuk-details__text">
            <p className="govuk-body">
              A header row, then one application a row, comma-separated. Save it from Excel as ‘CSV UTF-8’; a plain ‘CSV’
              (Windows-1252) is read too, with a note to check the names. Columns may come in any order; all must be present.
              Values with commas, quotes or line breaks go in double quotes.
            </p>
            <dl className="govuk-summary-list govuk-summary-list--no-border app-summary-list">
              {columns.map(([name, what]) => (
                <div className="govuk-summary-list__row" key={name}>
                  <dt className="govuk-summary-list__key">
                    <code>{name}</code>
                  </dt>
                  <dd className="govuk-summary-list__value">{what}</dd>
                </div>
              ))}
            </dl>
          </div>
        </details>
        <form
          noValidate
          aria-label="Import a file"
          onSubmit={(e) => {
            e.preventDefault();
            const submitter = e.nativeEvent.submitter as HTMLButtonElement | null;
            void run(submitter?.value !== 'import');
          }}
        >
          <div className={['govuk-form-group', fieldMessages.length ? 'govuk-form-group--error' : ''].join(' ')}>
            <label className="govuk-label govuk-label--s" htmlFor="import-file">
              CSV file
            </label>
            <div id="import-file-hint" className="govuk-hint">
              Up to {n(importLimits.maxRows)} applications and {n(importLimits.maxFileBytes / 1_000_000)} MB a file.
            </div>
            <ErrorMessage id="import-file" errors={fieldMessages.length ? fieldMessages : undefined} />
            <input
              className={['govuk-file-upload', fieldMessages.length ? 'govuk-file-upload--error' : ''].join(' ')}
              id="import-file"
              type="file"
              accept=".csv,text/csv"
              aria-describedby={['import-file-hint', fieldMessages.length ? 'import-file-error' : ''].filter(Boolean).join(' ')}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setFileError(null);
                setJobId(null);
                start.reset();
              }}
            />
          </div>
          <div className="govuk-button-group">
            <button
              type="submit"
              name="action"
              value="check"
              className="govuk-button govuk-button--secondary"
              disabled={isRunning}
            >
              Check file (dry run)
            </button>
            <button type="submit" name="action" value="import" className="govuk-button" disabled={isRunning}>
              Import
            </button>
          </div>
        </form>
        <Progress job={job} isStarting={start.isPending} />
        {job?.report && <Report report={job.report} />}
      </div>
    </div>
  );
}

function progressText(job: ImportJob | undefined, isStarting: boolean): string {
  if (isStarting || !job) return isStarting ? 'Sending the file…' : '';
  switch (job.phase) {
    case 'checking':
      return `Checking ${n(job.processed)} of ${plural(job.total, 'row')}…`;
    case 'writing':
      return job.total ? `Writing ${n(job.processed)} of ${plural(job.total, 'application')}…` : 'Writing…';
    case 'failed':
      // The job's error says what was written, if anything (an import stopped part-way is finished by running it again).
      return 'The import stopped.';
    case 'done':
      return job.report?.isCommitted
        ? `Checked and wrote ${n(job.total)} of ${plural(job.total, 'row')}.`
        : `Checked ${n(job.total)} of ${plural(job.total, 'row')}.`;
  }
}

/** The job's progress: a bar with a visible label, and a polite live region that speaks only when the phase changes. */
function Progress({ job, isStarting }: { job: ImportJob | undefined; isStarting: boolean }) {
  const label = progressText(job, isStarting);
  const phase = isStarting ? 'starting' : (job?.phase ?? '');
  const [announcement, setAnnouncement] = useState('');
  const last = useRef('');
  useEffect(() => {
    if (phase === last.current) return;
    last.current = phase;
    const r = job?.report;
    setAnnouncement(
      phase === 'starting'
        ? 'Sending the file.'
        : phase === 'checking'
          ? 'Checking the file.'
          : phase === 'writing'
            ? 'Writing the cases.'
            : phase === 'failed'
              ? `The import stopped. ${job?.error ?? ''}`
              : phase === 'done' && r
                ? `${r.isDryRun ? 'Check' : 'Import'} finished: ${r.counts.create} to create, ${r.counts.unchanged} unchanged, ${r.counts.refused} refused.`
                : '',
    );
  }, [phase, job]);
  if (!label) {
    return (
      <p className="govuk-visually-hidden" aria-live="polite">
        {announcement}
      </p>
    );
  }
  const isWriting = job?.phase === 'writing' && !job.total;
  return (
    <div className="app-progress" id="import-progress" tabIndex={-1}>
      <label className="govuk-label govuk-label--s" htmlFor="import-progress-bar">
        {label}
      </label>
      {isWriting || isStarting || !job ? (
        <progress id="import-progress-bar" className="app-progress__bar" />
      ) : (
        <progress
          id="import-progress-bar"
          className="app-progress__bar"
          max={Math.max(job.total, 1)}
          value={job.phase === 'done' ? Math.max(job.total, 1) : job.processed}
        />
      )}
      <p className="govuk-visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}

type RowFilter = 'all' | 'refused' | 'flagged' | 'create' | 'unchanged';

function Report({ report }: { report: ImportReport }) {
  const [show, setShow] = useState<RowFilter>(report.counts.refused > 0 ? 'refused' : 'all');
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, [report]);
  const c = report.counts;
  const rows = report.rows.filter((r) =>
    show === 'all' ? true : show === 'flagged' ? r.duplicates.length > 0 : r.outcome === show,
  );
  // The server lists the first rows of each kind; the counts cover them all.
  const totalOf: Record<RowFilter, number> = {
    all: c.create + c.unchanged + c.refused,
    refused: c.refused,
    flagged: c.flagged,
    create: c.create,
    unchanged: c.unchanged,
  };
  const total = totalOf[show];
  const hasRefusals = c.refused > 0 || report.fileErrors.length > 0;
  return (
    <section className="app-section" aria-labelledby="report-title">
      <h2 className="govuk-heading-m" id="report-title" tabIndex={-1} ref={headingRef}>
        {report.isDryRun ? `Check of ${report.fileName}` : `Import of ${report.fileName}`}
      </h2>
      {report.isDryRun ? (
        <div className="govuk-inset-text">
          This was a check: nothing was written.{' '}
          {hasRefusals ? 'Fix the refused rows before you import the file.' : 'Import the file to create the cases.'}
        </div>
      ) : report.isCommitted ? (
        <div className="govuk-panel govuk-panel--confirmation app-panel">
          <h3 className="govuk-panel__title">{plural(c.create, 'application')} imported</h3>
          <div className="govuk-panel__body">
            {c.unchanged ? `${n(c.unchanged)} already in Muster, unchanged. ` : ''}
            {c.flagged ? `${n(c.flagged)} flagged as ${c.flagged === 1 ? 'a possible duplicate' : 'possible duplicates'}.` : ''}
          </div>
        </div>
      ) : (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            Nothing was imported: fix the refused rows and import the file again.
          </strong>
        </div>
      )}
      <dl className="app-counts">
        <div>
          <dt>{report.isCommitted ? 'Created' : 'To create'}</dt>
          <dd>{n(c.create)}</dd>
        </div>
        <div>
          <dt>Unchanged</dt>
          <dd>{n(c.unchanged)}</dd>
        </div>
        <div>
          <dt>Refused</dt>
          <dd>{n(c.refused)}</dd>
        </div>
        <div>
          <dt>Possible duplicates</dt>
          <dd>{n(c.flagged)}</dd>
        </div>
      </dl>
      {report.isCommitted && (
        <p className="govuk-body">
          The new cases are at review, unassigned: <Link to="/triage">go to the triage queue</Link>
          {c.flagged ? (
            <>
              {' '}
              or <Link to="/duplicates">resolve the possible duplicates</Link>
            </>
          ) : null}
          .
        </p>
      )}
      {report.notices.map((notice) => (
        <div className="govuk-inset-text" key={notice.code}>
          {notice.message}
        </div>
      ))}
      {report.fileErrors.length > 0 && (
        <div className="govuk-error-summary app-error-summary--static">
          <h3 className="govuk-error-summary__title">The file cannot be read as it is</h3>
          <div className="govuk-error-summary__body">
            <ul className="govuk-list govuk-error-summary__list">
              {report.fileErrors.map((e) => (
                <li key={e.message}>{e.message}</li>
              ))}
            </ul>
          </div>
        </div>
      )}
      {report.rows.length > 0 && (
        <>
          {report.rowsNotListed > 0 && (
            <p className="govuk-body">
              The report lists the first {n(rowsShown)} rows of each kind (refused, possible duplicates, to create, unchanged):{' '}
              {plural(report.rowsNotListed, 'row')} {report.rowsNotListed === 1 ? 'is' : 'are'} not listed. The counts above cover
              every row.
            </p>
          )}
          <Select
            id="report-show"
            label="Show rows"
            value={show}
            onChange={(e) => setShow(e.target.value as RowFilter)}
            options={[
              { value: 'all', label: `All (${n(totalOf.all)})` },
              { value: 'refused', label: `Refused (${n(c.refused)})` },
              { value: 'flagged', label: `Possible duplicates (${n(c.flagged)})` },
              { value: 'create', label: `${report.isCommitted ? 'Created' : 'To create'} (${n(c.create)})` },
              { value: 'unchanged', label: `Unchanged (${n(c.unchanged)})` },
            ]}
          />
          <Table
            label="Rows of the report"
            caption={
              total > Math.min(rows.length, rowsShown)
                ? `The first ${n(Math.min(rows.length, rowsShown))} of ${plural(total, 'row')}`
                : plural(rows.length, 'row')
            }
            columns={[
              { label: 'Line' },
              { label: 'Reference' },
              { label: 'Name' },
              { label: 'Outcome' },
              { label: 'Problems and possible duplicates' },
            ]}
          >
            {rows.slice(0, rowsShown).map((r) => {
              const [tagClass, tagText] = outcomeTags[r.outcome];
              return (
                <tr className="govuk-table__row" key={r.line}>
                  <td className="govuk-table__cell">{r.line}</td>
                  <td className="govuk-table__cell">{r.reference || '–'}</td>
                  <td className="govuk-table__cell">{r.name || '–'}</td>
                  <td className="govuk-table__cell">
                    <strong className={`govuk-tag ${tagClass}`}>
                      {r.outcome === 'create' && report.isCommitted ? 'Created' : tagText}
                    </strong>
                  </td>
                  <td className="govuk-table__cell">
                    {r.errors.length > 0 && (
                      <ul className="govuk-list govuk-error-message govuk-!-margin-bottom-1">
                        {r.errors.map((e) => (
                          <li key={e}>{e}</li>
                        ))}
                      </ul>
                    )}
                    {r.duplicates.length > 0 && (
                      <ul className="govuk-list govuk-!-margin-bottom-0">
                        {r.duplicates.map((d) => (
                          <li key={d.reference}>
                            Possible duplicate of {d.reference}: {describeMatches(d.matches)}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </Table>
        </>
      )}
    </section>
  );
}
