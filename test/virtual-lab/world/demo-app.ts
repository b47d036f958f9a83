/**
 * The push lab's demo app, com.pushlab.demo: what its APK declares, the notification channels it
 * creates on first launch, and its test hooks the way a real app under test exposes them to
 * adb (a login activity taking the user as an extra, a logout deep link, a kick broadcast).
 * The virtual phone resolves and delivers those intents (android/app-components.ts); this file
 * says what the app's code makes of them.
 */
import type { PlanAppAction } from '../../../shared/runs';
import type { ChannelSpec } from '../android/app-settings';
import type { AppComponents, DeliveredIntent } from '../android/app-components';
import type { TestApkSpec } from '../apk/build-apk';

export const DEMO_PACKAGE = 'com.pushlab.demo';
export const DEMO_LAUNCH_ACTIVITY = '.MainActivity';
const LOGIN_ACTIVITY = `${DEMO_PACKAGE}.LoginActivity`;
const LINK_ACTIVITY = `${DEMO_PACKAGE}.DeepLinkActivity`;
const LINK_SCHEME = 'pushlabdemo';
const KICK_ACTION = `${DEMO_PACKAGE}.KICK`;

export const DEMO_APK: TestApkSpec = {
  packageName: DEMO_PACKAGE,
  versionCode: 1,
  versionName: '1.0.0',
  label: 'PushLab Demo',
  targetSdk: 34,
  permissions: ['android.permission.POST_NOTIFICATIONS', 'android.permission.INTERNET'],
};

/** What the manifest declares besides MainActivity (the test APK builder writes only that one). */
export const DEMO_COMPONENTS: AppComponents = {
  activities: [LOGIN_ACTIVITY, LINK_ACTIVITY],
  deepLinks: [{ scheme: LINK_SCHEME, activity: LINK_ACTIVITY }],
  receivers: [KICK_ACTION],
};

/**
 * Channels the app creates on its first launch: the default one, the IM channel the vendors
 * grant the high message class (the catalog's HIGH_CLASS_VENDOR_FIELDS name it), and a low one.
 */
export const DEMO_CHANNELS: readonly ChannelSpec[] = [
  { id: 'pushlab_default', name: 'Messages', importance: 3 },
  { id: 'pushlab_im', name: 'Chats', importance: 4 },
  { id: 'pushlab_public', name: 'Updates', importance: 2 },
];

/** The account actions a run plan uses against this app (they pass shared/runs template checks). */
export const DEMO_ACCOUNT_ACTIONS: {
  readonly login: PlanAppAction;
  readonly logout: PlanAppAction;
  readonly kick: PlanAppAction;
} = {
  login: { kind: 'shell', template: 'am start -n {package}/.LoginActivity --es user {account}' },
  logout: { kind: 'deeplink', uri: `${LINK_SCHEME}://logout?user={account}` },
  kick: { kind: 'shell', template: `am broadcast -a ${KICK_ACTION} --es user {account}` },
};

export type AccountChange = 'login' | 'logout' | 'kick';

/** The account change an intent delivered to the demo app asks for, and for which user. */
export function accountChangeOf(
  intent: DeliveredIntent,
): { readonly change: AccountChange; readonly user: string } | null {
  if (intent.package !== DEMO_PACKAGE) return null;
  const user = intent.extras.get('user');
  if (intent.kind === 'broadcast')
    return intent.action === KICK_ACTION && user ? { change: 'kick', user } : null;
  if (intent.activity === LOGIN_ACTIVITY) return user ? { change: 'login', user } : null;
  if (intent.activity !== LINK_ACTIVITY || intent.data === null) return null;
  let link: URL;
  try {
    link = new URL(intent.data);
  } catch {
    return null;
  }
  const linkUser = link.searchParams.get('user');
  return link.protocol === `${LINK_SCHEME}:` && link.hostname === 'logout' && linkUser
    ? { change: 'logout', user: linkUser }
    : null;
}
