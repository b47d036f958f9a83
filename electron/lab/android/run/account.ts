/**
 * The app-state drivers' AccountActions for one phone: the plan's login / logout / kick actions,
 * proven by the push backend's view of the account (Tencent query_online_status via the sender).
 */
import type { AccountActions, AccountStatus } from '../app-states/types';
import { LabError } from '../../errors';
import { runAppAction } from './app-actions';
import type { PhoneSession } from './phone-session';

const PRESENCE_SETTLE_MS = 5_000;
const PRESENCE_POLL_MS = 250;

export function accountActionsFor(session: PhoneSession): AccountActions | undefined {
  const account = session.account;
  if (account === null) return undefined;
  const { plan, operator, sender, signal } = session.run;
  const act = async (name: 'login' | 'logout' | 'kick'): Promise<void> => {
    const action = name === 'login' ? plan.app.login : plan.app[name];
    if (action === undefined) {
      throw new LabError(
        'PLAN_INVALID',
        `The plan has no app.${name} action, which the ${name === 'logout' ? 'logged-out' : 'kicked-offline'} scenario needs.`,
        {
          hint: `Add "${name}" to "app" in the plan (a shell template, a deep link or an operator prompt).`,
          zh: {
            message: `计划中没有 app.${name} 操作，而${name === 'logout' ? '已退出登录' : '被踢下线'}场景需要它。`,
            hint: `请在计划的 "app" 中添加 "${name}"（shell 模板、深层链接或操作员提示）。`,
          },
        },
      );
    }
    const values = { package: plan.app.package, account: account.account, serial: session.phone.serial };
    await runAppAction(name, action, values, session.io, operator, {
      timeoutMs: plan.timeouts.stepMs,
      signal,
    });
    session.lastAccountAction = name;
  };
  const presence = sender.presence?.bind(sender);
  const statusOnce = async (): Promise<AccountStatus> => {
    if (!presence) return 'unknown';
    const seen = await presence(account.account);
    if (seen === 'offline') return session.lastAccountAction === 'kick' ? 'kicked' : 'logged-out';
    return seen === 'unknown' ? 'unknown' : 'logged-in';
  };
  return {
    login: () => act('login'),
    logout: () => act('logout'),
    kick: () => act('kick'),
    ...(presence
      ? {
          // The backend learns of a logout or kick a moment later: wait for it to settle.
          status: async (): Promise<AccountStatus> => {
            const want =
              session.lastAccountAction === 'login' || session.lastAccountAction === null
                ? 'logged-in'
                : 'offline';
            const deadline = session.run.deps.clock.now() + PRESENCE_SETTLE_MS;
            let status = await statusOnce();
            while (
              (want === 'logged-in') !== (status === 'logged-in') &&
              status !== 'unknown' &&
              session.run.deps.clock.now() < deadline
            ) {
              await new Promise((r) => setTimeout(r, PRESENCE_POLL_MS));
              status = await statusOnce();
            }
            return status;
          },
        }
      : {}),
  };
}
