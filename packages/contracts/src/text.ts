/**
 * Text Muster stores must be well-formed Unicode (no half of a surrogate pair, which SQLite would
 * store as invalid UTF-8 and give back changed) and free of control characters other than tab and
 * line breaks (a NUL cuts text short in SQLite and in most tools that read an export).
 */
export type TextProblem = { path: (string | number)[]; message: string };

// Every C0 control but tab (09), line feed (0A) and carriage return (0D); and DEL.
const controlCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const textProblemMessages = {
  malformed: 'contains a character that is not valid text (half of an emoji or symbol, often from copying). Retype it.',
  control: 'contains a control character (such as NUL) that cannot be stored. Remove it, or retype the text.',
} as const;

/** The problem with one string, or null when it may be stored. */
export function textProblem(s: string): string | null {
  if (loneSurrogate.test(s)) return textProblemMessages.malformed;
  if (controlCharacter.test(s)) return textProblemMessages.control;
  return null;
}

type Step = { value: unknown; key: string | number | null; parent: Step | null };

const pathOf = (step: Step): (string | number)[] => {
  const path: (string | number)[] = [];
  for (let s: Step | null = step; s && s.key !== null; s = s.parent) path.push(s.key);
  return path.reverse();
};

/**
 * Every string in a JSON value (keys included) that cannot be stored, with where it is; at most
 * `limit` of them. Iterative, and linear in the size of the value however deep it is nested.
 */
export function textProblems(value: unknown, limit = 20): TextProblem[] {
  const problems: TextProblem[] = [];
  const stack: Step[] = [{ value, key: null, parent: null }];
  for (let step = stack.pop(); step && problems.length < limit; step = stack.pop()) {
    const v = step.value;
    const keyProblem = typeof step.key === 'string' ? textProblem(step.key) : null;
    if (keyProblem) problems.push({ path: pathOf(step), message: `has a name that ${keyProblem}` });
    if (typeof v === 'string') {
      const message = textProblem(v);
      if (message) problems.push({ path: pathOf(step), message });
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i] as unknown, key: i, parent: step });
    } else if (v !== null && typeof v === 'object') {
      for (const [k, item] of Object.entries(v).reverse()) stack.push({ value: item, key: k, parent: step });
    }
  }
  return problems;
}
