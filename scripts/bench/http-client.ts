/** A minimal tRPC-over-HTTP client on node:http with keep-alive sockets, and the measured server as a child process. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { nowMs } from './stats.ts';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    what: string,
  ) {
    super(`${what} answered ${status}: ${body.slice(0, 500)}`);
  }
}

export class TrpcClient {
  private cookie = '';
  readonly agent: Agent;

  constructor(
    readonly host: string,
    readonly port: number,
    maxSockets: number,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  }

  private send(
    method: 'GET' | 'POST',
    path: string,
    body?: string,
  ): Promise<{ status: number; body: string; setCookie: string[] }> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (this.cookie) headers.Cookie = this.cookie;
      if (body !== undefined) {
        headers['Content-Type'] = 'application/json';
        headers['Content-Length'] = String(Buffer.byteLength(body));
      }
      const req = request({ host: this.host, port: this.port, method, path, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            setCookie: res.headers['set-cookie'] ?? [],
          }),
        );
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  /** GET requests reset on a kept-alive socket the server had closed: sent again once, as a browser does. */
  retriedAfterReset = 0;

  async query<T>(procedure: string, input: unknown): Promise<T> {
    const path =
      input === undefined ? `/trpc/${procedure}` : `/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`;
    const res = await this.send('GET', path).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ECONNRESET' && e.code !== 'EPIPE') throw e;
      this.retriedAfterReset++;
      return this.send('GET', path);
    });
    if (res.status !== 200) throw new HttpError(res.status, res.body, procedure);
    return (JSON.parse(res.body) as { result: { data: T } }).result.data;
  }

  async mutate<T>(procedure: string, input: unknown): Promise<T> {
    const res = await this.send('POST', `/trpc/${procedure}`, JSON.stringify(input));
    if (res.status !== 200) throw new HttpError(res.status, res.body, procedure);
    if (procedure === 'auth.login') {
      const session = res.setCookie.map((c) => c.split(';')[0]!).find((c) => c.startsWith('muster_session='));
      if (!session) throw new Error('auth.login set no muster_session cookie');
      this.cookie = session;
    }
    return (JSON.parse(res.body) as { result: { data: T } }).result.data;
  }

  async healthz(): Promise<boolean> {
    try {
      return (await this.send('GET', '/healthz')).status === 200;
    } catch {
      return false;
    }
  }

  close() {
    this.agent.destroy();
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export type Server = { child: ChildProcess; pid: number; port: number; startMs: number; stop: () => Promise<void> };

/**
 * Starts the server as `pnpm start` runs it — `node --enable-source-maps apps/api/dist/main.js`, the
 * bundle `pnpm --filter @muster/api build` writes — directly, so `pid` is the server's own node process.
 * BENCH_SERVER=tsx runs the TypeScript source through the tsx loader instead (how it ran before the bundle).
 * `tsxEntry` runs that script through tsx with the start script's node flags (the import bench's
 * server with a chosen write slice); `env` adds to the server's environment.
 */
export async function startServer(
  root: string,
  dbPath: string,
  opts: { tsxEntry?: string; env?: Record<string, string> } = {},
): Promise<Server> {
  const port = await freePort();
  const t0 = nowMs();
  // BENCH_SERVER_NODE_ARGS adds node flags to the server, e.g. "--cpu-prof --cpu-prof-dir=.bench/prof" to profile it.
  const extraArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  // The same node flags as `pnpm start` (apps/api's start script), with the script's path made relative to the root.
  const startScript = (JSON.parse(readFileSync(join(root, 'apps/api/package.json'), 'utf8')) as { scripts: { start: string } })
    .scripts.start;
  const startArgs = startScript
    .split(/\s+/)
    .slice(1)
    .map((a) => (a.endsWith('.js') ? `apps/api/${a}` : a));
  const entry = opts.tsxEntry
    ? [...startArgs.filter((a) => !a.endsWith('.js')), '--import', 'tsx', opts.tsxEntry]
    : process.env.BENCH_SERVER === 'tsx'
      ? ['--import', 'tsx', 'apps/api/src/main.ts']
      : startArgs;
  const child = spawn(process.execPath, [...extraArgs, ...entry], {
    cwd: root,
    env: {
      ...process.env,
      MUSTER_DB: dbPath,
      PORT: String(port),
      HOST: '127.0.0.1',
      MUSTER_DEMO: '0',
      MUSTER_LOG: 'error',
      MUSTER_SECURE_COOKIE: '0',
      NODE_ENV: 'production',
      ...opts.env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start the server');
  // Should the bench itself die, its server goes with it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  let exited: string | undefined;
  child.once('exit', (code, signal) => (exited = `exited with ${code ?? signal}`));
  const probe = new TrpcClient('127.0.0.1', port, 1);
  try {
    for (;;) {
      if (exited) throw new Error(`the server ${exited} before it was ready`);
      if (await probe.healthz()) break;
      if (nowMs() - t0 > 60_000) throw new Error('the server was not ready after 60 s');
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    probe.close();
  }
  const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  if (!cmdline.includes(entry.at(-1)!)) throw new Error(`pid ${pid} is not the server: ${cmdline}`);
  return {
    child,
    pid,
    port,
    startMs: nowMs() - t0,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The server's memory from /proc: peak resident set (VmHWM) and current (VmRSS), in MB. */
export function memoryOf(pid: number): { peakMb: number; rssMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { peakMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
}

/** CPU time (user + system) the process has used so far, in ms, from /proc/<pid>/stat (clock ticks of 10 ms). */
export function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
