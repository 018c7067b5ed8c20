import { afterEach, beforeEach } from 'vitest';

/**
 * A console.error during a test fails it. A test that expects one replaces console.error itself
 * (e.g. vi.spyOn(console, 'error').mockImplementation(() => {})), which takes this recorder out of the way.
 */
const original = console.error;
let calls: unknown[][] = [];
beforeEach(() => {
  calls = [];
  console.error = (...args: unknown[]) => {
    calls.push(args);
    original(...args);
  };
});
afterEach(() => {
  console.error = original;
  if (calls.length)
    throw new Error(`console.error was called during the test:\n${calls.map((c) => c.map(String).join(' ')).join('\n')}`);
});
