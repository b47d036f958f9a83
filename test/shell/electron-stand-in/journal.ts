/**
 * What the electron stand-in saw, as JSON lines a test reads back: window options, loads,
 * safeStorage use, dialogs, links, IPC replies and events. Written synchronously so nothing is
 * lost when the main process exits with app.exit().
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/** The folder the test gave the stand-in (PUSHLAB_STAND_IN_DIR); the journal and traffic live there. */
export function standInDir(): string {
  const dir = process.env.PUSHLAB_STAND_IN_DIR;
  if (!dir) throw new Error('The electron stand-in needs PUSHLAB_STAND_IN_DIR (a folder for its journal).');
  mkdirSync(dir, { recursive: true });
  return dir;
}

function append(file: string, entry: Record<string, unknown>): void {
  appendFileSync(
    path.join(standInDir(), file),
    `${JSON.stringify({ at: Date.now(), pid: process.pid, ...entry })}\n`,
  );
}

/** One notable thing the app did through the stand-in. */
export function journal(kind: string, details: Record<string, unknown> = {}): void {
  append('journal.jsonl', { kind, ...details });
}

/** Everything that crossed from main to the page (IPC replies and events), in full. */
export function traffic(direction: 'reply' | 'event', channel: string, payload: unknown): void {
  append('traffic.jsonl', { direction, channel, payload });
}
