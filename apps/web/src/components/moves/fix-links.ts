/** The section of the case page where the thing a refused move names gets fixed. */
export function sectionFor(reason: string): string {
  const r = reason.toLowerCase();
  if (r.includes('mentor') && r.includes('tsg')) return 'eligibility';
  if (r.includes('mentor') || r.includes('buddy')) return 'mentoring';
  if (r.includes('interview')) return 'interview';
  if (r.includes('not yet passed or waived') || r.includes('check')) return 'checks';
  if (r.includes('induction') || r.includes('start date') || r.includes('posting')) return 'induction';
  return 'eligibility';
}
