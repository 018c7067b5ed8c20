/**
 * A count with its noun, as a screen shows it: "1 case", "142 cases", "1,204 rows". `many` for a noun
 * that does not just take an s ("1 person", "3 people").
 */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/** How many a list says it holds, from the server's count: "142 cases", or "more than 1,000 cases" past its cap. */
export function countOf(page: { total: number; isTotalCapped: boolean }, one: string, many = `${one}s`): string {
  return page.isTotalCapped ? `more than ${page.total.toLocaleString('en-GB')} ${many}` : plural(page.total, one, many);
}

/** The sentence's first letter in capitals ("More than 1,000 cases, …"). */
export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
