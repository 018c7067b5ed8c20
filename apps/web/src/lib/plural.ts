/**
 * A count with its noun, as a screen shows it: "1 case", "142 cases", "1,204 rows". `many` for a noun
 * that does not just take an s ("1 person", "3 people").
 */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}
