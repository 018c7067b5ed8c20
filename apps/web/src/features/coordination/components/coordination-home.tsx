import type { CoordinationHome, JoinerNeed } from '@muster/contracts';
import { Link } from 'react-router';
import { Loading } from '../../../components/loading.tsx';
import { usePageTitle } from '../../../components/page-title.ts';
import { Table } from '../../../components/table.tsx';
import { formatLongDate } from '../../../lib/dates.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { stageLabels } from '../../../lib/labels.ts';
import { plural } from '../../../lib/plural.ts';
import { useMe } from '../../../lib/session.ts';
import { useCoordinationHome } from '../hooks/use-coordination.ts';

const needWords: Record<JoinerNeed, string> = { course: 'Course', mentor: 'Mentor', buddy: 'Buddy' };

/** The coordinator's landing page: joiners waiting on them, courses and days coming up, the pool's loads. */
export function CoordinationHomePage() {
  usePageTitle('Home');
  const me = useMe();
  const home = useCoordinationHome();
  if (!me.may.coordination)
    return (
      <>
        <h1 className="govuk-heading-l">Home</h1>
        <p className="govuk-body">This page is for the coordinators, resourcing and the admin.</p>
      </>
    );
  return (
    <>
      <h1 className="govuk-heading-l">Joiners and what they need</h1>
      {home.isError && !home.data && <p className="govuk-error-message">{errorMessage(home.error)}</p>}
      {home.data ? <Home home={home.data} /> : !home.isError && <Loading what="Loading your home page" />}
    </>
  );
}

function Home({ home }: { home: CoordinationHome }) {
  return (
    <>
      <section className="app-section" aria-labelledby="waiting-title">
        <h2 className="govuk-heading-m" id="waiting-title">
          Joiners needing something ({home.joinersWaiting})
        </h2>
        {home.joiners.length ? (
          <Table
            label="Joiners needing a course, a mentor or a buddy"
            caption="Joiners at induction or mentoring still needing a course, a mentor or a buddy, longest waiting first"
            captionClassName="govuk-visually-hidden"
            columns={[{ label: 'Joiner' }, { label: 'Stage' }, { label: 'Waiting' }, { label: 'Needs' }]}
          >
            {home.joiners.map((j) => (
              <tr className="govuk-table__row" key={j.applicationId}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/cases/${j.applicationId}`}>
                    {j.name}
                  </Link>{' '}
                  <span className="app-muted">{j.reference}</span>
                </td>
                <td className="govuk-table__cell">{stageLabels[j.stage]}</td>
                <td className="govuk-table__cell app-table__nowrap">
                  {plural(j.daysWaiting, 'day')}
                  {j.isOverdue && <strong className="govuk-tag govuk-tag--red govuk-!-margin-left-1">Overdue</strong>}
                </td>
                <td className="govuk-table__cell">
                  {j.needs.map((n) => (
                    <strong key={n} className="govuk-tag govuk-tag--yellow govuk-!-margin-right-1">
                      {needWords[n]}
                    </strong>
                  ))}
                </td>
              </tr>
            ))}
          </Table>
        ) : (
          <p className="govuk-body">Every joiner at induction and mentoring has a course, a mentor and a buddy.</p>
        )}
        {home.joinersWaiting > home.joiners.length && (
          <p className="govuk-body-s">
            Showing the {home.joiners.length} waiting longest. <Link className="govuk-link" to="/board">See them all on the board</Link>.
          </p>
        )}
      </section>

      <div className="govuk-grid-row">
        <section className="govuk-grid-column-one-half app-section" aria-labelledby="courses-title">
          <h2 className="govuk-heading-m" id="courses-title">
            Courses in the next 8 weeks
          </h2>
          {home.courses.length ? (
            <ul className="govuk-list">
              {home.courses.map((c) => (
                <li key={c.id}>
                  {formatLongDate(c.startsOn)}, {c.place}: <strong>{c.booked} of {c.capacity}</strong> booked
                </li>
              ))}
            </ul>
          ) : (
            <p className="govuk-body">No course starts in the next 8 weeks.</p>
          )}
          <p className="govuk-body">
            <Link className="govuk-link" to="/courses">
              Induction courses
            </Link>
          </p>
        </section>
        <section className="govuk-grid-column-one-half app-section" aria-labelledby="days-title">
          <h2 className="govuk-heading-m" id="days-title">
            Development days coming up
          </h2>
          {home.developmentDays.length ? (
            <ul className="govuk-list">
              {home.developmentDays.map((d) => (
                <li key={d.id}>
                  {formatLongDate(d.heldOn)}, {d.title} at {d.place}: {plural(d.invited, 'joiner')} invited
                  {d.toInvite > 0 && <>, {d.toInvite} still to invite</>}
                </li>
              ))}
            </ul>
          ) : (
            <p className="govuk-body">No development day is planned.</p>
          )}
          <p className="govuk-body">
            <Link className="govuk-link" to="/development-days">
              Development days
            </Link>
          </p>
        </section>
      </div>

      <section className="app-section" aria-labelledby="loads-title">
        <h2 className="govuk-heading-m" id="loads-title">
          Mentors’ loads
        </h2>
        {home.mentors.length ? (
          <Table
            label="Mentors and buddies, fullest first"
            caption="Mentors and buddies in the pool, fullest first"
            captionClassName="govuk-visually-hidden"
            columns={[{ label: 'Name' }, { label: 'Unit' }, { label: 'Joiners' }, { label: 'Status' }]}
          >
            {home.mentors.map((m) => (
              <tr className="govuk-table__row" key={m.id}>
                <td className="govuk-table__cell">{m.name}</td>
                <td className="govuk-table__cell">{m.unit}</td>
                <td className="govuk-table__cell app-table__nowrap">
                  {m.load} of {m.capacity}
                </td>
                <td className="govuk-table__cell">
                  {m.isPaused ? (
                    <strong className="govuk-tag govuk-tag--grey">Paused</strong>
                  ) : m.hasRoom ? (
                    <strong className="govuk-tag govuk-tag--green">Has room</strong>
                  ) : (
                    <strong className="govuk-tag govuk-tag--orange">Full</strong>
                  )}
                </td>
              </tr>
            ))}
          </Table>
        ) : (
          <p className="govuk-body">The mentor pool is empty.</p>
        )}
      </section>
    </>
  );
}
