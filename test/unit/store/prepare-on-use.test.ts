/** Statements compile when they first run, not when a repository is built. */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { prepareOnUse } from '../../../electron/lab/store/prepare-on-use';

let db: Database.Database;

beforeEach(() => {
  db = new Database(':memory:');
  db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t (name) VALUES ('a'), ('b');");
});
afterEach(() => {
  if (db.open) db.close();
});

describe('prepareOnUse', () => {
  it('prepares nothing until a statement runs, then prepares it once', () => {
    const prepare = vi.spyOn(db, 'prepare');
    const lazy = prepareOnUse(db);
    const select = lazy.prepare<[string], { id: number }>('SELECT id FROM t WHERE name = ?');
    lazy.prepare('SELECT no_such_column FROM t');
    expect(prepare).not.toHaveBeenCalled();
    expect(select.get('b')).toEqual({ id: 2 });
    expect(select.all('a')).toEqual([{ id: 1 }]);
    expect(prepare).toHaveBeenCalledTimes(1);
  });

  it('applies raw() / pluck() called before the first run', () => {
    const lazy = prepareOnUse(db);
    const raw = lazy.prepare('SELECT id, name FROM t ORDER BY id').raw(true);
    const plucked = lazy.prepare('SELECT name FROM t ORDER BY id').pluck();
    expect(raw.all()).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
    expect(plucked.all()).toEqual(['a', 'b']);
  });

  it('raises a statement error where the statement runs', () => {
    const broken = prepareOnUse(db).prepare('SELECT no_such_column FROM t');
    expect(() => broken.all()).toThrow(/no such column/);
    const select = prepareOnUse(db).prepare('SELECT 1');
    db.close();
    expect(() => select.get()).toThrow(/not open/);
  });

  it('passes everything else to the database (transactions, exec)', () => {
    const lazy = prepareOnUse(db);
    const insert = lazy.prepare('INSERT INTO t (name) VALUES (?)');
    const both = lazy.transaction((a: string, b: string) => {
      insert.run(a);
      insert.run(b);
    });
    both('c', 'd');
    expect(lazy.prepare('SELECT count(*) FROM t').pluck().get()).toBe(4);
    expect(lazy.open).toBe(true);
  });
});
