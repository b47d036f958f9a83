/**
 * The only main-side file that touches ipcMain: one invoke handler for every request channel,
 * and the core's events pushed to the window. The logic lives in ipc-dispatch.ts.
 */
import { ipcMain } from 'electron';
import type { WebContents } from 'electron';
import type { LabCore } from '../lab/api';
import type { Logger } from '../lab/util/logger';
import { IPC_INVOKE } from '../../shared/ipc';
import { createInvokeDispatcher, forwardCoreEvents } from './ipc-dispatch';
import { isAppUrl } from './security-policy';
import type { AppLocation } from './security-policy';

/** What the IPC wiring needs from index.ts. */
export interface IpcWiringOptions {
  readonly location: AppLocation;
  /** The web contents of PushLab's own window(s), or none while no window is open. */
  readonly targets: () => readonly WebContents[];
  readonly logger: Logger;
}

/** Registers the invoke handler and event forwarding; returns a function that removes both. */
export function wireIpc(core: LabCore, options: IpcWiringOptions): () => void {
  const dispatch = createInvokeDispatcher(core, {
    isTrustedSender: (url) => isAppUrl(url, options.location),
    logger: options.logger,
  });

  ipcMain.handle(IPC_INVOKE, (event, channel: unknown, args: unknown) => {
    const frame = event.senderFrame;
    const ours = options.targets().some((contents) => contents.id === event.sender.id);
    return dispatch({
      senderUrl: ours && frame ? frame.url : null,
      isMainFrame: frame !== null && frame.parent === null,
      channel,
      args,
    });
  });

  const unsubscribe = forwardCoreEvents(
    core,
    (ipcChannel, payload) => {
      for (const contents of options.targets()) {
        if (!contents.isDestroyed()) contents.send(ipcChannel, payload);
      }
    },
    options.logger,
  );

  return () => {
    unsubscribe();
    ipcMain.removeHandler(IPC_INVOKE);
  };
}
