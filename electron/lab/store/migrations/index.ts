/**
 * Every migration, in order. Add new ones at the end with the next version; never edit a
 * released one (databases in the field already ran it).
 */
import { migration0001 } from './0001-devices';
import { migration0002 } from './0002-builds-installs';
import { migration0003 } from './0003-doctor';
import { migration0004 } from './0004-runs';
import { migration0005 } from './0005-signoffs';
import { migration0006 } from './0006-run-owner-start';
import { migration0007 } from './0007-diagnose-link';
import type { Migration } from './types';

export type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
