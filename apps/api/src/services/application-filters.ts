import type { ListFilters, Stage } from '@muster/contracts';
import { applications } from '@muster/db';
import { coordinatorStages, type Actor } from '@muster/domain';
import { and, eq, inArray, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

/**
 * How a filter's value goes into the SQL: as itself (a one-off query) or as a named placeholder whose
 * value is supplied when a prepared query runs. The names bound describe the query's shape.
 */
export type Bind = <T>(name: string, value: T) => T | Placeholder;
const asValue: Bind = (_name, value) => value;

/** Binds every value as a placeholder, recording the values and, in `shape`, what was bound in which order. */
export function placeholders(actor: Actor) {
  const values: Record<string, unknown> = {};
  const names: string[] = [actor.role];
  const bind: Bind = (name, value) => {
    values[name] = value;
    names.push(name);
    return sql.placeholder(name);
  };
  return { bind, values, shape: () => names.join(' ') };
}

/** The columns a filter reads: the cases themselves, or the board's counters. */
export type FilterColumns = { stage: AnySQLiteColumn; targetUnit: AnySQLiteColumn; route: AnySQLiteColumn };

/** What the actor may see, as a WHERE condition. */
function scopeCondition(actor: Actor, bind: Bind, c: FilterColumns = applications): SQL | undefined {
  switch (actor.role) {
    case 'unit_lead':
      return actor.units.length
        ? inArray(
            c.targetUnit,
            actor.units.map((u, i) => bind(`unit${i}`, u)),
          )
        : sql`0`;
    case 'coordinator':
      return inArray(c.stage, [...coordinatorStages]);
    case 'panel_member':
      // Panel members reach cases only through the interviews they sit on (canSee).
      return sql`0`;
    default:
      return undefined;
  }
}

/**
 * The forms a word may take as a case's reference, to compare with `reference` through its unique
 * index: as typed, in capitals (references are kept as given; Muster's own are `MUS-000041`), and a
 * Muster reference written without its leading zeros (`mus-41`).
 */
function referenceForms(word: string): [string, string, string] {
  const digits = /^mus-?0*(\d{1,6})$/i.exec(word)?.[1];
  return [word, word.toUpperCase(), digits === undefined ? word.toUpperCase() : `MUS-${digits.padStart(6, '0')}`];
}

/**
 * The text search as a condition. Each word must match: its text in a name, the email or the force (an
 * FTS5 trigram match for words of 3+ characters, LIKE for shorter ones), or the whole of the case's
 * reference, so `MUS-000041` finds that case.
 */
function searchCondition(q: string | undefined, bind: Bind): SQL | undefined {
  const words = searchWords(q);
  if (!words.length) return undefined;
  return and(
    ...words.map((word, i) => {
      const forms = referenceForms(word).map((f, j) => bind(`ref${i}_${j}`, f));
      const byReference = sql`SELECT id FROM applications WHERE ${inArray(sql.identifier('reference'), forms)}`;
      if (word.length >= 3) {
        // One set of ids from both indexes (trigram and reference), so a count need not test every case.
        const match = bind(`match${i}`, `"${word.toLowerCase().replaceAll('"', '""')}"`);
        return sql`${applications.id} IN (SELECT rowid FROM applications_search WHERE applications_search MATCH ${match} UNION ${byReference})`;
      }
      return sql`(${shortWordCondition(word.toLowerCase(), i, bind)} OR ${inArray(applications.reference, forms)})`;
    }),
  );
}

/** A word under 3 characters in a name, the email or the force (the trigram index needs 3): by LIKE. */
function shortWordCondition(word: string, i: number, bind: Bind): SQL {
  const like = bind(`like${i}`, `%${word.replace(/[%_\\]/g, (m) => `\\${m}`)}%`);
  return sql`(${applications.firstName} LIKE ${like} ESCAPE '\\' OR ${applications.lastName} LIKE ${like} ESCAPE '\\' OR ${applications.email} LIKE ${like} ESCAPE '\\' OR ifnull(${applications.currentForce}, '') LIKE ${like} ESCAPE '\\')`;
}
export const searchWords = (q: string | undefined) => (q ?? '').split(/\s+/).filter(Boolean).slice(0, 6);

export type Filters = Omit<ListFilters, 'stage'> & { stage?: Stage | undefined };

export function conditionsOf(actor: Actor, f: Filters, bind: Bind, c: FilterColumns = applications): (SQL | undefined)[] {
  return [
    scopeCondition(actor, bind, c),
    f.stage ? eq(c.stage, bind('stage', f.stage)) : undefined,
    f.unit ? eq(c.targetUnit, bind('unit', f.unit)) : undefined,
    f.route ? eq(c.route, bind('route', f.route)) : undefined,
    c === applications ? searchCondition(f.q, bind) : undefined,
  ];
}

/** The actor's scope and the filters as WHERE conditions with their values in place (for one-off queries). */
export function filterConditions(actor: Actor, f: Filters): (SQL | undefined)[] {
  return conditionsOf(actor, f, asValue);
}
