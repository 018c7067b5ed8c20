import type { ApplicationDetail } from '@muster/contracts';
import { daysSince, formatDate } from '../../../lib/dates.ts';
import { ordinals, routeLabels, stageLabels, unitShortNames } from '../../../lib/labels.ts';
import type { Reference } from '@muster/contracts';
import { SummaryList } from './section.tsx';

export function ApplicationSummary({ detail: d, reference }: { detail: ApplicationDetail; reference: Reference }) {
  const unitName = (code: string | null) => (code ? (reference.units.find((u) => u.code === code)?.name ?? code) : 'Not chosen');
  const days = daysSince(d.stageEnteredAt);
  return (
    <SummaryList
      rows={[
        ['Reference', d.reference],
        ['Route', `${routeLabels[d.route]}${d.cohortYear ? `, cohort ${d.cohortYear}` : ''}`],
        ['Stage', `${stageLabels[d.stage]} for ${days === 1 ? '1 day' : `${days} days`}`],
        ['Target unit', `${unitName(d.targetUnit)}${d.reroute ? ` (re-routed from ${unitShortNames[d.reroute.from]})` : ''}`],
        ['Reviewer', d.assignee?.name ?? 'Not assigned'],
        ...(d.route === 'transferee'
          ? ([
              ['Current force', d.currentForce ?? 'Not given'],
              ['Rank', d.rank ?? 'Not given'],
              ['Warrant number', d.warrantNumber ?? 'Not given'],
              ['Joined force', d.joinedForceOn ? formatDate(d.joinedForceOn) : 'Not given'],
            ] as [string, string][])
          : []),
        [
          'Unit preferences',
          d.unitPreferences.length
            ? d.unitPreferences.map((u, i) => `${ordinals[i] ?? i + 1} ${unitShortNames[u]}`).join(', ')
            : 'None given',
        ],
        ...(d.postingPreference ? ([['Posting preference', d.postingPreference]] as [string, string][]) : []),
        ['Specialist skills', d.specialistSkills.length ? d.specialistSkills.join('; ') : 'None given'],
        ['Email', d.email],
        ['Phone', d.phone ?? 'Not given'],
        ...(d.dateOfBirth ? ([['Date of birth', formatDate(d.dateOfBirth)]] as [string, string][]) : []),
        ['Received', formatDate(d.receivedAt)],
        ...(d.conditionalOfferAt ? ([['Conditional offer', formatDate(d.conditionalOfferAt)]] as [string, string][]) : []),
        ...(d.finalOfferAt ? ([['Final offer', formatDate(d.finalOfferAt)]] as [string, string][]) : []),
        ...(d.closeReason ? ([['Closed because', d.closeReason]] as [string, string][]) : []),
      ]}
    />
  );
}
