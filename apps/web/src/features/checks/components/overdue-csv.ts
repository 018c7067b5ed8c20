import type { OverdueChecks } from '@muster/contracts';
import { waitsOnLabels } from '../../../lib/labels.ts';

/** A cell as CSV: quoted, and a leading = + - @ (or tab, CR) neutralised so a spreadsheet never runs it. */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** The overdue checks as CSV, one row per check, in the order shown. */
export function overdueCsv(data: OverdueChecks): string {
  const head = ['Waits on', 'Reference', 'Name', 'Check', 'Requested', 'Due', 'Days overdue', 'Last chased'];
  const rows = data.groups.flatMap((g) =>
    g.items.map((i) => [
      waitsOnLabels[g.waitsOn],
      i.reference,
      i.name,
      i.checkName,
      i.requestedAt?.slice(0, 10) ?? null,
      i.dueOn,
      i.daysOverdue,
      i.lastChasedAt?.slice(0, 10) ?? null,
    ]),
  );
  return [head, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
