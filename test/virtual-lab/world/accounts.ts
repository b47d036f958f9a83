/**
 * The Tencent accounts of a push lab world: one per phone (the demo app's logged-in user), the
 * sender every scenario uses, and the app admin. The demo app's test hooks change an account's
 * router state; presence answers query_online_status the way Tencent does: logged out or kicked
 * -> Offline, the app in the foreground -> Online, otherwise PushOnline (reachable by offline push).
 */
import type { TencentOnlineStatus } from '../../../electron/lab/push/tencent/types';
import { visibleSurface } from '../android/actions';
import { onDeliveredIntent } from '../android/app-components';
import type { VirtualAndroid } from '../android/index';
import type { GroupProfile, RoutedAccount } from '../tencent/router';
import { accountChangeOf, DEMO_PACKAGE, type AccountChange } from './demo-app';

/** The scenario catalog's sender: nickname in c2c titles, name card in the group line. */
export const PUSH_LAB_SENDER = {
  account: 'pushlab_sender',
  nickname: 'Denny',
  groupNameCard: 'Denny (QA)',
} as const;
export const PUSH_LAB_GROUP_NAME = 'Lab Team';
export const PUSH_LAB_ADMIN = 'administrator';

const ACCOUNT_ID = /^[A-Za-z0-9_.@-]{1,32}$/;

/** Refuses account ids a plan would refuse, duplicates, and the sender's or admin's id. */
export function checkPhoneAccounts(accounts: readonly string[]): void {
  const seen = new Set<string>();
  for (const account of accounts) {
    if (!ACCOUNT_ID.test(account))
      throw new Error(
        `Invalid account "${account.slice(0, 40)}": use 1-32 letters, digits, _ - . @ (a Tencent UserID).`,
      );
    if (account === PUSH_LAB_SENDER.account || account === PUSH_LAB_ADMIN)
      throw new Error(`"${account}" is the lab's sender or admin; give the phone its own account.`);
    if (seen.has(account))
      throw new Error(`Account "${account}" is given to two phones; each phone holds its own account.`);
    seen.add(account);
  }
}

/** The group every scenario's group message goes to: all accounts, the sender's name card. */
export function labGroup(phoneAccounts: readonly string[]): GroupProfile {
  return {
    name: PUSH_LAB_GROUP_NAME,
    members: [PUSH_LAB_SENDER.account, ...phoneAccounts],
    nameCards: { [PUSH_LAB_SENDER.account]: PUSH_LAB_SENDER.groupNameCard },
  };
}

/** Applies one account change to the router's entry. */
export function applyAccountChange(entry: RoutedAccount, change: AccountChange): void {
  if (change === 'login') {
    entry.loggedIn = true;
    entry.kicked = false;
  } else if (change === 'logout') {
    entry.loggedIn = false;
    entry.kicked = false;
  } else {
    // Forced offline by a login elsewhere: the phone's session ends, the account lives on.
    entry.kicked = true;
  }
}

/**
 * Lets the demo app on this phone change its account: only intents to the demo package, only for
 * the account this phone holds (another user's login is that user's business). Returns the unsubscribe.
 */
export function wireAccountHooks(
  android: VirtualAndroid,
  account: string,
  entry: RoutedAccount,
  onChange?: (change: AccountChange) => void,
): () => void {
  return onDeliveredIntent(android.state, (intent) => {
    const found = accountChangeOf(intent);
    if (found === null || found.user !== account) return;
    applyAccountChange(entry, found.change);
    onChange?.(found.change);
  });
}

/** What query_online_status says about an account of this world. */
export function presenceOf(
  entry: RoutedAccount | undefined,
  android: VirtualAndroid | undefined,
): TencentOnlineStatus {
  if (entry === undefined || android === undefined || !entry.loggedIn || entry.kicked === true)
    return 'Offline';
  return visibleSurface(android.state) === DEMO_PACKAGE ? 'Online' : 'PushOnline';
}
