/**
 * Statements prepared the first time they run, not when a repository is built: a command that
 * touches one table (`pushlab devices`) no longer compiles every repository's SQL at start.
 */
import type { Database, Statement } from 'better-sqlite3';

/** Statement settings called right after prepare(); remembered and applied once it is real. */
const SETTINGS = new Set<PropertyKey>(['raw', 'pluck', 'expand', 'safeIntegers']);

function statementOnUse(db: Database, source: string): Statement {
  let real: Statement | undefined;
  const settings: Array<(statement: Statement) => void> = [];
  const statement = (): Statement => {
    if (real === undefined) {
      const prepared = db.prepare(source);
      for (const apply of settings) apply(prepared);
      real = prepared;
    }
    return real;
  };
  const stand: Statement = new Proxy({} as Statement, {
    get(_, key) {
      if (real === undefined && SETTINGS.has(key)) {
        return (...args: unknown[]) => {
          settings.push((s) => (Reflect.get(s, key) as (...a: unknown[]) => unknown).apply(s, args));
          return stand;
        };
      }
      const value: unknown = Reflect.get(statement(), key);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(statement()) : value;
    },
  });
  return stand;
}

/**
 * The database as repositories see it: `prepare` hands out statements that compile on first use
 * (errors, such as a closed database, surface where the statement runs, as before); everything
 * else is the database itself.
 */
export function prepareOnUse(db: Database): Database {
  return new Proxy(db, {
    get(target, key) {
      if (key === 'prepare') return (source: string) => statementOnUse(target, source);
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
