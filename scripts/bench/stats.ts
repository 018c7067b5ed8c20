/** Small helpers for timing and printing: percentiles, durations, a plain-text table. */

export type Latency = { n: number; p50: number; p95: number; p99: number; mean: number };

export function summarise(samplesMs: number[]): Latency {
  const s = [...samplesMs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? Number.NaN;
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), mean: s.reduce((a, b) => a + b, 0) / (s.length || 1) };
}

export const nowMs = () => performance.now();

/** Times `fn` `iterations` times after `warmup` untimed calls; returns each call's duration in ms. */
export function timeSync(fn: (i: number) => unknown, iterations: number, warmup: number): number[] {
  for (let i = 0; i < warmup; i++) fn(i);
  const out: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = nowMs();
    fn(warmup + i);
    out.push(nowMs() - t);
  }
  return out;
}

export const ms = (v: number | undefined) =>
  v === undefined || Number.isNaN(v) ? '–' : v < 1 ? v.toFixed(3) : v < 100 ? v.toFixed(2) : v.toFixed(0);
export const int = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '–' : Math.round(v).toLocaleString('en-GB'));
export const secs = (msValue: number) => `${(msValue / 1000).toFixed(1)} s`;

/** A table as aligned plain text (for the terminal) or as Markdown (for docs). */
export function table(head: string[], rows: string[][], markdown = false): string {
  if (markdown) {
    const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
    return [line(head), line(head.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
  }
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
