/**
 * Remembers, per phone, the package and channel ids last checked on it (localStorage), so the
 * doctor panel opens ready to run again. Takes the storage as a parameter: testable in Node,
 * and a disabled or corrupt storage only means nothing is remembered.
 */
import type { Platform } from '../../../shared/domain/device';
import { PLATFORM_IDS } from '../../../shared/platforms/platform-facts';
import type { KeyValueStorage } from '../app/locale-preference';

export const SUBJECT_STORAGE_KEY = 'pushlab.doctor.subjects';
/** Phones come and go in a lab; keep the most recent ones only. */
export const MAX_REMEMBERED_PHONES = 200;

export interface RememberedSubject {
  readonly serial: string;
  readonly package: string;
  readonly channelIds: readonly string[];
}

function isRemembered(value: unknown): value is RememberedSubject {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Record<keyof RememberedSubject, unknown>>;
  return (
    typeof v.serial === 'string' &&
    typeof v.package === 'string' &&
    Array.isArray(v.channelIds) &&
    v.channelIds.every((id) => typeof id === 'string')
  );
}

/** Every remembered subject, oldest first; [] when nothing (valid) is stored. */
export function loadSubjects(storage: KeyValueStorage | null): RememberedSubject[] {
  try {
    const raw = storage?.getItem(SUBJECT_STORAGE_KEY);
    if (!raw) return [];
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter(isRemembered) : [];
  } catch {
    return [];
  }
}

/** Remembers `subject` for its phone (replacing the earlier one) and returns the new list. */
export function rememberSubject(
  storage: KeyValueStorage | null,
  subject: RememberedSubject,
): RememberedSubject[] {
  const kept = loadSubjects(storage).filter((s) => s.serial !== subject.serial);
  const next = [
    ...kept,
    { serial: subject.serial, package: subject.package, channelIds: [...subject.channelIds] },
  ].slice(-MAX_REMEMBERED_PHONES);
  try {
    storage?.setItem(SUBJECT_STORAGE_KEY, JSON.stringify(next));
  } catch {
    // Quota or privacy settings: the subject is still used for this session.
  }
  return next;
}

/** The inputs as typed for one phone. */
export interface SubjectDraft {
  readonly packageText: string;
  readonly channelText: string;
}

/** The app last worked on, per platform: an Android package does not fit a simulator, nor back. */
export type LastApps = Readonly<Record<Platform, SubjectDraft | null>>;

/** The last remembered subject of each platform (storage order is oldest first). */
export function lastAppsOf(
  subjects: readonly RememberedSubject[],
  platformOf: (serial: string) => Platform,
  format: (ids: readonly string[]) => string,
): LastApps {
  const last = (platform: Platform) => [...subjects].reverse().find((s) => platformOf(s.serial) === platform);
  const draft = (s: RememberedSubject | undefined): SubjectDraft | null =>
    s ? { packageText: s.package, channelText: format(s.channelIds) } : null;
  return Object.fromEntries(PLATFORM_IDS.map((p) => [p, draft(last(p))])) as Record<
    Platform,
    SubjectDraft | null
  >;
}

/**
 * The draft a phone opens with: its own when it has a package, else the app last worked on (so
 * switching phones, or arriving from a card's "Check push readiness", keeps the app); null when
 * there is nothing to carry over.
 */
export function carriedDraft(own: SubjectDraft | undefined, last: SubjectDraft | null): SubjectDraft | null {
  if (own && own.packageText.trim() !== '') return null;
  return last && last.packageText.trim() !== '' ? last : null;
}
