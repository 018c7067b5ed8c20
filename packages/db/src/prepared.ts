import type { Db } from './client.ts';

/** A database handle or a transaction on it: both run the same synchronous queries on one connection. */
export type DbHandle = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * What a prepared statement belongs to: the connection. Drizzle's database object and every
 * transaction opened on it share one session, which holds the better-sqlite3 connection, so a query
 * prepared through either runs inside whatever transaction is open on that connection. (`session`
 * is a runtime property drizzle does not put in its public types.)
 */
function connectionOf(handle: DbHandle): object {
  const session = (handle as unknown as { session?: object }).session;
  if (!session) throw new Error('preparedFor: this is not a drizzle database or transaction handle');
  return session;
}

/**
 * Queries built once per connection and reused: drizzle builds the SQL and SQLite compiles it on
 * the first call only, later calls bind values (`sql.placeholder(name)`) and run. Keyed weakly, so
 * a closed test database takes its statements with it.
 *
 *   const q = preparedFor((db) => ({ byId: db.select().from(users).where(eq(users.id, sql.placeholder('id'))).prepare() }));
 *   q(tx).byId.get({ id });
 */
export function preparedFor<T>(build: (db: DbHandle) => T): (db: DbHandle) => T {
  const built = new WeakMap<object, T>();
  return (db) => {
    const key = connectionOf(db);
    let queries = built.get(key);
    if (queries === undefined) {
      queries = build(db);
      built.set(key, queries);
    }
    return queries;
  };
}

/**
 * Prepared queries whose shape varies (optional filters, a cursor): one statement per shape, cached per
 * connection and built by `build` on first use. `shape` must name everything that changes the SQL text;
 * the values go in as placeholders. At most `limit` shapes are kept per connection (oldest dropped first).
 */
export function preparedByShape<T>(limit = 256): (db: DbHandle, shape: string, build: () => T) => T {
  const built = new WeakMap<object, Map<string, T>>();
  return (db, shape, build) => {
    const key = connectionOf(db);
    let shapes = built.get(key);
    if (!shapes) built.set(key, (shapes = new Map<string, T>()));
    let query = shapes.get(shape);
    if (query === undefined) {
      query = build();
      if (shapes.size >= limit) {
        const oldest = shapes.keys().next();
        if (!oldest.done) shapes.delete(oldest.value);
      }
      shapes.set(shape, query);
    }
    return query;
  };
}
