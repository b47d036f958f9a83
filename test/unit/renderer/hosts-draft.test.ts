/**
 * The Lab hosts panel's rules, without React: field problems as typed, what a save sends, whether
 * anything changed, which saved host a row shows the state of, and the name a new row gets.
 */
import { describe, expect, it } from 'vitest';
import type { LabHost, LabHostEntry } from '../../../shared/domain/lab-host';
import { labHostsSchema } from '../../../shared/domain/lab-host';
import {
  draftChanged,
  draftOf,
  draftProblems,
  hostsToSave,
  nextHostName,
  parsePort,
  savedEntryOf,
  shownProblem,
  tooManyHosts,
  type DraftHost,
} from '../../../renderer/src/devices/hosts-draft';

const LOCAL: LabHost = { name: 'local', address: '127.0.0.1', port: 5037 };

function entry(host: LabHost, primary = false): LabHostEntry {
  return { ...host, primary, state: 'connected', phones: 1, error: null };
}

const SAVED = [entry(LOCAL, true), entry({ name: 'lab-b', address: '10.0.0.7', port: 5037 })];
const row = (id: string, name: string, address: string, port: string): DraftHost => ({
  id,
  name,
  address,
  port,
});

describe('hosts draft rules', () => {
  it('makes rows of the hosts after the primary', () => {
    expect(draftOf(SAVED)).toEqual([{ id: 'saved:lab-b', name: 'lab-b', address: '10.0.0.7', port: '5037' }]);
  });

  it('flags each bad field: name, duplicate (also the primary’s), address, port', () => {
    const draft = [
      row('a', 'Lab B', 'lab-b.example', '5037'),
      row('b', 'local', '10.0.0.8', '0'),
      row('c', 'lab-c', 'a b;reboot', '65536'),
      row('d', 'lab-d', '', ' '),
      row('e', '', '[fe80::1]', '15038'),
      row('f', 'lab-f', '10.0.0.9', '5037'),
      row('g', 'lab-f', 'lab-g', '12a'),
    ];
    expect(draftProblems(LOCAL, draft)).toEqual({
      a: { name: 'nameFormat' },
      b: { name: 'nameTaken', port: 'portRange' },
      c: { address: 'addressFormat', port: 'portRange' },
      d: { address: 'addressRequired', port: 'portRange' },
      e: { name: 'nameRequired' },
      f: { name: 'nameTaken' },
      g: { name: 'nameTaken', port: 'portRange' },
    });
  });

  it('flags an adb server listed twice (the primary’s too) on the later row’s port', () => {
    const draft = [
      row('a', 'lab-a', '127.0.0.1', '5037'),
      row('b', 'lab-b', '10.0.0.7', '5037'),
      row('c', 'lab-c', '10.0.0.7', ' 5037'),
      row('d', 'lab-d', '10.0.0.7', '5038'),
    ];
    expect(draftProblems(LOCAL, draft)).toEqual({ a: { port: 'serverTaken' }, c: { port: 'serverTaken' } });
  });

  it('agrees with the core’s schema on every row it accepts or refuses', () => {
    const rows = [
      row('1', 'lab-b', '10.0.0.7', '5037'),
      row('2', 'x'.repeat(33), '10.0.0.7', '5037'),
      row('3', 'lab-3', 'host.example.org', '1'),
      row('4', 'lab-4', '-bad', '5037'),
      row('5', 'lab-5', '::1', '65535'),
    ];
    for (const r of rows) {
      const mine = draftProblems(LOCAL, [r])[r.id] === undefined;
      const core = labHostsSchema.safeParse([
        LOCAL,
        { name: r.name, address: r.address, port: Number(r.port) },
      ]).success;
      expect([r.id, mine]).toEqual([r.id, core]);
    }
  });

  it('shows an empty field only after a save was tried, anything else at once', () => {
    expect(shownProblem('addressRequired', false)).toBeNull();
    expect(shownProblem('nameRequired', true)).toBe('nameRequired');
    expect(shownProblem('nameFormat', false)).toBe('nameFormat');
    expect(shownProblem(undefined, true)).toBeNull();
  });

  it('sends the primary unchanged then the rows, trimmed; nothing while a row is bad', () => {
    expect(hostsToSave(LOCAL, [row('a', ' lab-b ', ' 10.0.0.7', '5037 ')])).toEqual([
      LOCAL,
      { name: 'lab-b', address: '10.0.0.7', port: 5037 },
    ]);
    expect(hostsToSave(LOCAL, [row('a', 'lab-b', '10.0.0.7', 'x')])).toBeNull();
    expect(hostsToSave(LOCAL, [])).toEqual([LOCAL]);
  });

  it('knows when the rows differ from the saved list (order included)', () => {
    expect(draftChanged(SAVED, draftOf(SAVED))).toBe(false);
    expect(draftChanged(SAVED, [row('x', 'lab-b', '10.0.0.7', ' 5037')])).toBe(false);
    expect(draftChanged(SAVED, [row('x', 'lab-b', '10.0.0.7', '5038')])).toBe(true);
    expect(draftChanged(SAVED, [])).toBe(true);
    const two = [...SAVED, entry({ name: 'lab-c', address: '10.0.0.8', port: 5037 })];
    expect(draftChanged(two, [...draftOf(two)].reverse())).toBe(true);
  });

  it('shows a row the live state of the saved host it names exactly, else none (not saved yet)', () => {
    expect(savedEntryOf(SAVED, row('x', 'lab-b', '10.0.0.7', '5037'))?.name).toBe('lab-b');
    expect(savedEntryOf(SAVED, row('x', 'lab-b', '10.0.0.7', '5038'))).toBeNull();
    expect(savedEntryOf(SAVED, row('x', 'local', '127.0.0.1', '5037'))).toBeNull();
  });

  it('names a new row lab-b, lab-c, … skipping taken names', () => {
    expect(nextHostName(LOCAL, [])).toBe('lab-b');
    expect(nextHostName(LOCAL, [row('a', 'lab-b', '', ''), row('b', 'lab-d', '', '')])).toBe('lab-c');
    const all = 'bcdefghijklmnopqrstuvwxyz'.split('').map((c) => row(c, `lab-${c}`, '', ''));
    expect(nextHostName(LOCAL, all)).toBe('lab-27');
  });

  it('parses ports and caps the list at the lab’s limit', () => {
    expect(parsePort(' 5037 ')).toBe(5037);
    expect(parsePort('5.5')).toBeNull();
    expect(parsePort('-1')).toBeNull();
    expect(tooManyHosts(Array.from({ length: 31 }, (_, i) => row(String(i), `h${i}`, 'a', '1')))).toBe(false);
    expect(tooManyHosts(Array.from({ length: 32 }, (_, i) => row(String(i), `h${i}`, 'a', '1')))).toBe(true);
  });
});
