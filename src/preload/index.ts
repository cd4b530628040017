// The sandboxed preload: it exposes exactly the contract on `window.cairn`, one
// function per method, each sending on its own channel. Never ipcRenderer itself.
import { contextBridge, ipcRenderer } from 'electron';
import { CONTRACT_METHODS, ipcChannel } from '../shared/contract';

const bridge = Object.fromEntries(
  CONTRACT_METHODS.map((method) => [
    method,
    (args: unknown) => ipcRenderer.invoke(ipcChannel(method), args),
  ]),
);

contextBridge.exposeInMainWorld('cairn', Object.freeze(bridge));
