/**
 * The sandboxed preload: the only renderer-side ipc user. It exposes `window.pushlab`
 * (PushLabBridge) and nothing else. Bundled as CommonJS with only `electron` external.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { createBridge } from './bridge';

const bridge = createBridge({
  invoke: (ipcChannel, ...args) => ipcRenderer.invoke(ipcChannel, ...args),
  listen: (ipcChannel, listener) => {
    const wrapped = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(ipcChannel, wrapped);
    return () => {
      ipcRenderer.removeListener(ipcChannel, wrapped);
    };
  },
  getPathForFile: (file) => webUtils.getPathForFile(file),
});

contextBridge.exposeInMainWorld('pushlab', bridge);
