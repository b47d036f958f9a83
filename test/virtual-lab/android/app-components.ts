/**
 * What an app declares in its manifest besides its launcher activity, as far as `am` needs it:
 * more activities (`am start -n pkg/.LoginActivity`), deep-link schemes (an activity with a VIEW
 * intent-filter for `myapp://`) and broadcast receivers by action. Test APKs only carry a
 * launcher activity, so the lab declares the rest here per phone and package; a declaration
 * counts only while that package is installed and enabled, as PackageManager resolves intents.
 * Delivered intents go to listeners: that is how a lab plays the app's code (e.g. a demo app's
 * login/logout/kick test hooks).
 * Broadcast delivery follows Android 8+: an implicit broadcast reaches a running app's
 * context-registered receiver; an explicit one (-p / -n) also reaches a manifest receiver unless the
 * app is stopped (stopped packages get no broadcasts without FLAG_INCLUDE_STOPPED_PACKAGES).
 */
import { qualifyActivity } from './actions';
import type { AppPackage, PhoneState } from './state';

export interface AppComponents {
  /** Activity class names ('.LoginActivity' or fully qualified). */
  readonly activities?: readonly string[];
  /** URI schemes (lower case) and the activity whose VIEW intent-filter takes them. */
  readonly deepLinks?: readonly { readonly scheme: string; readonly activity: string }[];
  /** Actions the app's receivers listen to. */
  readonly receivers?: readonly string[];
}

/** An intent the phone handed to an app. */
export type DeliveredIntent =
  | {
      readonly kind: 'activity';
      readonly package: string;
      /** Fully qualified class name. */
      readonly activity: string;
      readonly action: string | null;
      readonly data: string | null;
      readonly extras: ReadonlyMap<string, string>;
    }
  | {
      readonly kind: 'broadcast';
      readonly package: string;
      readonly action: string;
      readonly extras: ReadonlyMap<string, string>;
    };

/** The intent as am parsed it (the fields delivery needs). */
export interface IntentFields {
  readonly action: string | null;
  readonly component: { readonly package: string; readonly cls: string } | null;
  readonly pkg: string | null;
  readonly data: string | null;
  readonly extras: ReadonlyMap<string, string>;
}

interface Registry {
  readonly declared: Map<string, AppComponents>;
  readonly listeners: Set<(intent: DeliveredIntent) => void>;
}

const registries = new WeakMap<PhoneState, Registry>();

function registry(phone: PhoneState): Registry {
  let found = registries.get(phone);
  if (!found) {
    found = { declared: new Map(), listeners: new Set() };
    registries.set(phone, found);
  }
  return found;
}

function usable(phone: PhoneState, pkg: string): AppPackage | undefined {
  const app = phone.packages.get(pkg);
  return app && app.installed && app.enabled ? app : undefined;
}

/** Declares (or replaces) a package's extra components on this phone. */
export function declareComponents(phone: PhoneState, pkg: string, components: AppComponents): void {
  registry(phone).declared.set(pkg, components);
}

/** Listens to every intent delivered to an app with declared components; returns the unsubscribe. */
export function onDeliveredIntent(
  phone: PhoneState,
  listener: (intent: DeliveredIntent) => void,
): () => void {
  const { listeners } = registry(phone);
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** True when an installed app declares this (fully qualified) activity. */
export function declaresActivity(phone: PhoneState, pkg: string, activity: string): boolean {
  const declared = registries.get(phone)?.declared.get(pkg);
  if (!declared || !usable(phone, pkg)) return false;
  return (declared.activities ?? []).some((cls) => qualifyActivity(pkg, cls) === activity);
}

/** The app activity a VIEW intent's data URI opens (limited to `pkg` when -p was given). */
export function resolveDeepLink(
  phone: PhoneState,
  data: string | null,
  pkg: string | null,
): { app: AppPackage; activity: string } | null {
  const scheme = data === null ? null : /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(data)?.[1]?.toLowerCase();
  if (!scheme) return null;
  for (const [name, declared] of registries.get(phone)?.declared ?? []) {
    if (pkg !== null && pkg !== name) continue;
    const link = declared.deepLinks?.find((l) => l.scheme === scheme);
    const app = usable(phone, name);
    if (link && app) return { app, activity: qualifyActivity(name, link.activity) };
  }
  return null;
}

function emit(phone: PhoneState, intent: DeliveredIntent): void {
  for (const listener of registries.get(phone)?.listeners ?? []) listener(intent);
}

/** Tells listeners that `am start` brought this activity up (only for apps with declarations). */
export function activityStarted(
  phone: PhoneState,
  app: AppPackage,
  activity: string,
  intent: IntentFields,
): void {
  if (!registries.get(phone)?.declared.has(app.name)) return;
  emit(phone, {
    kind: 'activity',
    package: app.name,
    activity,
    action: intent.action,
    data: intent.data,
    extras: intent.extras,
  });
}

/** Delivers a broadcast to the receivers that get it; returns the packages reached. */
export function deliverBroadcast(phone: PhoneState, intent: IntentFields): string[] {
  const action = intent.action;
  if (action === null) return [];
  const target = intent.component?.package ?? intent.pkg;
  const reached: string[] = [];
  for (const [name, declared] of registries.get(phone)?.declared ?? []) {
    if (target !== null && target !== name) continue;
    const app = usable(phone, name);
    if (!app || !(declared.receivers ?? []).includes(action)) continue;
    const running = phone.processes.has(name);
    if (running || (target !== null && !app.stopped)) reached.push(name);
  }
  for (const name of reached)
    emit(phone, { kind: 'broadcast', package: name, action, extras: intent.extras });
  return reached;
}
