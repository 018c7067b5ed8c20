export type Logger = {
  info(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
};

/** One JSON line per entry on stdout/stderr. */
export function createLogger(level: 'silent' | 'error' | 'info'): Logger {
  const write = (stream: NodeJS.WriteStream, lvl: string, msg: string, fields?: Record<string, unknown>) =>
    stream.write(`${JSON.stringify({ time: new Date().toISOString(), level: lvl, msg, ...fields })}\n`);
  return {
    info: (msg, fields) => level === 'info' && write(process.stdout, 'info', msg, fields),
    error: (msg, fields) => level !== 'silent' && write(process.stderr, 'error', msg, fields),
  };
}
