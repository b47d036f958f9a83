/**
 * One schema step. `up` runs inside a transaction together with the user_version bump, so a
 * failing step leaves the database exactly as it was.
 */
import type { Database } from 'better-sqlite3';

export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database): void;
}
