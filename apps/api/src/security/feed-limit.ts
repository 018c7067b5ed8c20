/**
 * How often one calendar feed may be fetched: calendar services poll every few minutes to hours, so
 * 30 fetches in 10 minutes is far above any real client and stops a leaked address being hammered.
 * Counted per token in this process, forgetting the oldest tokens past `maxTokens`.
 */
export function feedLimiter(
  opts: { max: number; windowMs: number; maxTokens: number } = { max: 30, windowMs: 10 * 60_000, maxTokens: 10_000 },
) {
  const hits = new Map<string, number[]>();
  return {
    /** Records a fetch; the seconds to wait when over the limit, else null. */
    take(key: string, now: number): number | null {
      const recent = (hits.get(key) ?? []).filter((t) => t > now - opts.windowMs);
      if (recent.length >= opts.max) {
        hits.set(key, recent);
        return Math.ceil(((recent[0] ?? now) + opts.windowMs - now) / 1000);
      }
      recent.push(now);
      hits.delete(key);
      hits.set(key, recent);
      if (hits.size > opts.maxTokens) hits.delete(hits.keys().next().value ?? '');
      return null;
    },
  };
}
