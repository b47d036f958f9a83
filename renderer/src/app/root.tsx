/**
 * Everything the App needs around it: the language and the stores for one bridge.
 */
import type { PushLabBridge } from '../../../shared/ipc';
import { App } from './app';
import { I18nProvider } from './i18n-context';
import { StoresProvider } from './stores-context';

export function Root({ bridge }: { bridge: PushLabBridge }) {
  return (
    <I18nProvider>
      <StoresProvider bridge={bridge}>
        <App />
      </StoresProvider>
    </I18nProvider>
  );
}
