/**
 * The doctor's state per phone x package: the last result, whether a check is running, which
 * fixes are in progress and the log of fixes applied; plus what the user typed per phone and
 * which phone the panel shows. Framework-free zustand store over the bridge.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  DoctorReport,
  DoctorResult,
  DoctorSubject,
  FixId,
  FixOutcome,
} from '../../../shared/domain/doctor';
import type { ErrorInfo } from '../../../shared/errors';
import type { PushLabBridge } from '../../../shared/ipc';
import type { KeyValueStorage } from '../app/locale-preference';
import { applyFixOutcome } from './report-changes';
import { platformOfSerial } from '../../../shared/platforms/platform-facts';
import { formatChannelIds, subjectOf } from './subject-input';
import { carriedDraft, lastAppsOf, loadSubjects, rememberSubject, type LastApps } from './subject-memory';

/** One fix attempt: the phone's outcome, or the error that kept it from being tried. */
export interface FixLogEntry {
  readonly seq: number;
  readonly fix: FixId;
  /** The check whose button started it, so the panel shows the result there. */
  readonly fromCheck: string | null;
  readonly at: string;
  readonly outcome: FixOutcome | null;
  readonly error: ErrorInfo | null;
}

export interface DoctorEntry {
  readonly subject: DoctorSubject;
  readonly result: DoctorResult | null;
  readonly running: boolean;
  readonly runError: ErrorInfo | null;
  readonly fixing: Readonly<Partial<Record<FixId, true>>>;
  /** Newest first. */
  readonly fixLog: readonly FixLogEntry[];
  /** Saved reports, newest first; null until asked for. */
  readonly history: readonly DoctorReport[] | null;
  readonly historyError: ErrorInfo | null;
}

/** The inputs as typed (validated when a check runs). */
export interface DoctorDraft {
  readonly packageText: string;
  readonly channelText: string;
}

export interface DoctorState {
  readonly selectedSerial: string | null;
  readonly drafts: Readonly<Record<string, DoctorDraft>>;
  readonly entries: Readonly<Record<string, DoctorEntry>>;
  /** Per phone, the entry its panel shows: the package last run or loaded there. */
  readonly current: Readonly<Record<string, string>>;
}

export interface DoctorActions {
  select(serial: string | null): void;
  setDraft(serial: string, change: Partial<DoctorDraft>): void;
  /** Runs the check for the phone's draft; false (and nothing sent) when the draft is invalid or a check is busy. */
  run(serial: string): Promise<boolean>;
  /** Applies a fix to the subject the phone's panel shows; `fromCheck` is the check whose button was pressed. */
  fix(serial: string, fix: FixId, fromCheck?: string): Promise<void>;
  /** Loads saved reports for the phone's draft package, once, unless a check already ran. */
  loadHistory(serial: string): Promise<void>;
}

export type DoctorStore = StoreApi<DoctorState & DoctorActions>;

export interface DoctorStoreOptions {
  /** Where subjects are remembered per phone (localStorage in the page). */
  readonly storage?: KeyValueStorage | null;
  readonly now?: () => Date;
}

const MAX_FIX_LOG = 100;
const MAX_HISTORY = 50;
const EMPTY_DRAFT: DoctorDraft = { packageText: '', channelText: '' };

/** The subject as the bridge's argument type (zod infers a mutable array). */
const wire = (subject: DoctorSubject) => ({ ...subject, channelIds: [...subject.channelIds] });

/** The entry id for one phone and one package (serials are printable ASCII: no newline). */
export function entryKey(serial: string, packageName: string): string {
  return `${serial}\n${packageName}`;
}

function newEntry(subject: DoctorSubject): DoctorEntry {
  return {
    subject,
    result: null,
    running: false,
    runError: null,
    fixing: {},
    fixLog: [],
    history: null,
    historyError: null,
  };
}

/** True while a check or any fix is running on this entry. */
export function isBusy(entry: DoctorEntry | undefined): boolean {
  return entry !== undefined && (entry.running || Object.keys(entry.fixing).length > 0);
}

/** The draft as a subject, or null when it does not validate. */
export function draftSubject(serial: string, draft: DoctorDraft): DoctorSubject | null {
  // The device's platform says how its app is named and whether it has channels (iOS has none).
  return subjectOf(serial, draft);
}

/** Creates the doctor store over a bridge. */
export function createDoctorStore(bridge: PushLabBridge, options: DoctorStoreOptions = {}): DoctorStore {
  const storage = options.storage ?? null;
  const now = options.now ?? (() => new Date());
  let fixSeq = 0;

  const drafts: Record<string, DoctorDraft> = {};
  const remembered = loadSubjects(storage);
  for (const s of remembered)
    drafts[s.serial] = { packageText: s.package, channelText: formatChannelIds(s.channelIds) };
  // The app last typed or checked, per platform: a phone without its own draft opens with it.
  let lastApps: LastApps = lastAppsOf(remembered, platformOfSerial, formatChannelIds);
  const noteApp = (serial: string, draft: DoctorDraft) => {
    // Clearing the field on one phone does not forget the app for the others.
    if (draft.packageText.trim() === '') return;
    lastApps = { ...lastApps, [platformOfSerial(serial)]: draft };
  };

  return createStore<DoctorState & DoctorActions>()((set, get) => {
    const update = (key: string, change: (entry: DoctorEntry) => Partial<DoctorEntry>) => {
      const entry = get().entries[key];
      if (entry) set({ entries: { ...get().entries, [key]: { ...entry, ...change(entry) } } });
    };
    const draftOf = (serial: string) => get().drafts[serial] ?? EMPTY_DRAFT;
    const fetchHistory = async (key: string, serial: string, packageName: string) => {
      const result = await bridge.invoke('doctor:history', serial, packageName);
      update(key, (entry) => {
        if (!result.ok) return { history: entry.history ?? [], historyError: result.error };
        // A run that finished meanwhile is newer than anything saved before it.
        const latest = entry.result?.report ?? null;
        const saved = result.value.filter((r) => latest === null || r.id === null || r.id !== latest.id);
        return { history: [...(latest ? [latest] : []), ...saved].slice(0, MAX_HISTORY), historyError: null };
      });
    };

    return {
      selectedSerial: null,
      drafts,
      entries: {},
      current: {},

      select(serial) {
        const carried =
          serial === null ? null : carriedDraft(get().drafts[serial], lastApps[platformOfSerial(serial)]);
        set(
          serial !== null && carried
            ? { selectedSerial: serial, drafts: { ...get().drafts, [serial]: carried } }
            : { selectedSerial: serial },
        );
      },

      setDraft(serial, change) {
        const draft = { ...draftOf(serial), ...change };
        noteApp(serial, draft);
        set({ drafts: { ...get().drafts, [serial]: draft } });
      },

      async run(serial) {
        const subject = draftSubject(serial, draftOf(serial));
        if (!subject) return false;
        const key = entryKey(serial, subject.package);
        const existing = get().entries[key];
        if (isBusy(existing)) return false;
        set({
          entries: {
            ...get().entries,
            [key]: { ...(existing ?? newEntry(subject)), subject, running: true, runError: null },
          },
          current: { ...get().current, [serial]: key },
        });
        rememberSubject(storage, subject);
        const result = await bridge.invoke('doctor:run', wire(subject));
        const firstRun = get().entries[key]?.history === null;
        update(key, (entry) =>
          result.ok
            ? {
                running: false,
                result: result.value,
                history:
                  entry.history === null
                    ? null
                    : [
                        result.value.report,
                        ...entry.history.filter((r) => r.id === null || r.id !== result.value.report.id),
                      ].slice(0, MAX_HISTORY),
              }
            : { running: false, runError: result.error },
        );
        // Earlier snapshots of this app on this phone, for the history list (once per entry).
        if (result.ok && firstRun) await fetchHistory(key, serial, subject.package);
        return result.ok;
      },

      async fix(serial, fix, fromCheck) {
        const key = get().current[serial];
        const entry = key === undefined ? undefined : get().entries[key];
        if (key === undefined || !entry?.result || entry.running || entry.fixing[fix]) return;
        update(key, (e) => ({ fixing: { ...e.fixing, [fix]: true } }));
        const result = await bridge.invoke('doctor:fix', wire(entry.subject), fix);
        fixSeq += 1;
        const log: FixLogEntry = result.ok
          ? {
              seq: fixSeq,
              fix,
              fromCheck: fromCheck ?? null,
              at: result.value.at,
              outcome: result.value,
              error: null,
            }
          : {
              seq: fixSeq,
              fix,
              fromCheck: fromCheck ?? null,
              at: now().toISOString(),
              outcome: null,
              error: result.error,
            };
        update(key, (e) => {
          const fixing = { ...e.fixing };
          delete fixing[fix];
          // The re-read is the phone's truth even when the fix was refused: show it either way.
          const current =
            e.result && result.ok
              ? { ...e.result, report: applyFixOutcome(e.result.report, result.value) }
              : e.result;
          return { fixing, result: current, fixLog: [log, ...e.fixLog].slice(0, MAX_FIX_LOG) };
        });
      },

      async loadHistory(serial) {
        const subject =
          draftSubject(serial, draftOf(serial)) ??
          draftSubject(serial, { ...draftOf(serial), channelText: '' });
        if (subject === null) return;
        const key = entryKey(serial, subject.package);
        if (get().entries[key] || get().current[serial] !== undefined) return;
        set({
          entries: { ...get().entries, [key]: newEntry(subject) },
          current: { ...get().current, [serial]: key },
        });
        await fetchHistory(key, serial, subject.package);
      },
    };
  });
}
