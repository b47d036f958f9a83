/**
 * Catalog keys that differ by platform, as tables: how the doctor names the app under test
 * (package name or bundle ID), and what the install checklist says about each build kind.
 */
import type { MessageKey } from '../../../shared/i18n';
import type { BuildKind, PlatformFacts } from '../../../shared/platforms/platform-facts';

type AppIdText = Readonly<Record<'label' | 'help' | 'format', MessageKey>>;

/** The doctor form's words for the app's id, by PlatformFacts.app.kind. */
export const APP_ID_TEXT = {
  package: { label: 'doctor.package.label', help: 'doctor.package.help', format: 'doctor.package.format' },
  'bundle-id': { label: 'doctor.bundle.label', help: 'doctor.bundle.help', format: 'doctor.bundle.format' },
} as const satisfies Record<PlatformFacts['app']['kind'], AppIdText>;

/** The checklist's note on a chosen device when no build of its kind is chosen (it would be refused). */
export const NEEDS_BUILD_TEXT = {
  apk: 'install.needsApk',
  app: 'install.needsApp',
} as const satisfies Record<BuildKind, MessageKey>;

/** The checklist warning's data-too-old value, by build kind (what is compared: SDK or iOS). */
export const TOO_OLD_MARK = { apk: 'sdk', app: 'ios' } as const satisfies Record<BuildKind, string>;
