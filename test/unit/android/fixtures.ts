/** Reads the real captures in test/fixtures/<kind>/ for the Android parser tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** Raw bytes of one capture (parsers must decode themselves). */
export function fixture(kind: string, name: string): Buffer {
  return readFileSync(`${ROOT}${kind}/${name}`);
}

/** Data files of one kind (the .source.md notes excluded), sorted. */
export function fixtureNames(kind: string): string[] {
  return readdirSync(`${ROOT}${kind}`)
    .filter((f) => !f.endsWith('.source.md'))
    .sort();
}
