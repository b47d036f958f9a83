/**
 * Pure rules of the Lab hosts panel: the hosts after the primary as the user edits them (text
 * fields), what is wrong with each field (the same rules as shared/domain/lab-host.ts, which the
 * core applies again on save), what a save sends, and whether anything changed. No React, no DOM.
 */
import type { LabHost, LabHostEntry } from '../../../shared/domain/lab-host';
import { HOST_ADDRESS, HOST_NAME, MAX_HOSTS } from '../../../shared/domain/lab-host-rules';

/** One host after the primary, as typed (the port stays text until it is valid). */
export interface DraftHost {
  /** Stable across edits (React key, element ids); never sent. */
  readonly id: string;
  readonly name: string;
  readonly address: string;
  readonly port: string;
}

export type DraftField = 'name' | 'address' | 'port';

/** Keys under hosts.problem.* in the catalogs. */
export type FieldProblem =
  | 'nameRequired'
  | 'nameFormat'
  | 'nameTaken'
  | 'addressRequired'
  | 'addressFormat'
  | 'portRange'
  | 'serverTaken';

export type RowProblems = Partial<Record<DraftField, FieldProblem>>;

export const DEFAULT_ADB_PORT = '5037';

/** The saved hosts after the primary, as draft rows. */
export function draftOf(entries: readonly LabHostEntry[]): DraftHost[] {
  return entries
    .filter((e) => !e.primary)
    .map((e) => ({ id: `saved:${e.name}`, name: e.name, address: e.address, port: String(e.port) }));
}

/** A port typed as text: 1-65535 in plain digits, else null. */
export function parsePort(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,5}$/.test(trimmed)) return null;
  const port = Number(trimmed);
  return port >= 1 && port <= 65535 ? port : null;
}

/** What is wrong with each row, by row id (rows without problems are left out). */
export function draftProblems(
  primary: LabHost | null,
  draft: readonly DraftHost[],
): Record<string, RowProblems> {
  const counts = new Map<string, number>();
  for (const name of [primary?.name, ...draft.map((h) => h.name.trim())]) {
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  // One adb server listed twice would show its phones twice: flagged on the later rows' port.
  const servers = new Set(primary ? [`${primary.address}:${primary.port}`] : []);
  const problems: Record<string, RowProblems> = {};
  for (const host of draft) {
    const row: RowProblems = {};
    const name = host.name.trim();
    const address = host.address.trim();
    if (name === '') row.name = 'nameRequired';
    else if (!HOST_NAME.test(name)) row.name = 'nameFormat';
    else if ((counts.get(name) ?? 0) > 1) row.name = 'nameTaken';
    if (address === '') row.address = 'addressRequired';
    else if (!HOST_ADDRESS.test(address)) row.address = 'addressFormat';
    const port = parsePort(host.port);
    const server = `${address}:${port}`;
    if (port === null) row.port = 'portRange';
    else if (address !== '' && servers.has(server)) row.port = 'serverTaken';
    servers.add(server);
    if (Object.keys(row).length > 0) problems[host.id] = row;
  }
  return problems;
}

/** True when the primary and the draft together exceed the lab's limit. */
export function tooManyHosts(draft: readonly DraftHost[]): boolean {
  return draft.length + 1 > MAX_HOSTS;
}

/**
 * A problem worth showing now: an empty field only after a save was tried (a new row starts
 * empty), anything else as soon as it is typed.
 */
export function shownProblem(problem: FieldProblem | undefined, attempted: boolean): FieldProblem | null {
  if (!problem) return null;
  if (!attempted && (problem === 'nameRequired' || problem === 'addressRequired')) return null;
  return problem;
}

/** One draft row as a host (trimmed); null while any field is invalid. */
export function hostOfRow(host: DraftHost): LabHost | null {
  const port = parsePort(host.port);
  const name = host.name.trim();
  const address = host.address.trim();
  if (port === null || !HOST_NAME.test(name) || !HOST_ADDRESS.test(address)) return null;
  return { name, address, port };
}

/** The whole list a save sends: the primary unchanged, then the rows in order; null while a row is invalid. */
export function hostsToSave(primary: LabHost, draft: readonly DraftHost[]): LabHost[] | null {
  const rows = draft.map(hostOfRow);
  // Only the host's own fields: the core checks the list strictly.
  const first: LabHost = { name: primary.name, address: primary.address, port: primary.port };
  return rows.every((row): row is LabHost => row !== null) ? [first, ...rows] : null;
}

/** Whether the rows differ from the saved hosts after the primary (order counts: it is the list's). */
export function draftChanged(saved: readonly LabHostEntry[], draft: readonly DraftHost[]): boolean {
  const before = draftOf(saved);
  if (before.length !== draft.length) return true;
  return draft.some((row, i) => {
    const old = before[i];
    return (
      !old ||
      old.name !== row.name.trim() ||
      old.address !== row.address.trim() ||
      old.port !== row.port.trim()
    );
  });
}

/** The saved entry a row shows the live state of: the same name, address and port; else null (not saved yet). */
export function savedEntryOf(saved: readonly LabHostEntry[], row: DraftHost): LabHostEntry | null {
  const host = hostOfRow(row);
  if (!host) return null;
  return (
    saved.find(
      (e) => !e.primary && e.name === host.name && e.address === host.address && e.port === host.port,
    ) ?? null
  );
}

/** A free name for a new row: lab-b, lab-c, … (then lab-27, …). */
export function nextHostName(primary: LabHost | null, draft: readonly DraftHost[]): string {
  const taken = new Set([primary?.name, ...draft.map((h) => h.name.trim())]);
  for (let i = 1; i < 26; i += 1) {
    const name = `lab-${String.fromCharCode(97 + i)}`;
    if (!taken.has(name)) return name;
  }
  for (let i = 27; ; i += 1) if (!taken.has(`lab-${i}`)) return `lab-${i}`;
}
