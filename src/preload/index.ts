// The sandboxed preload: it exposes exactly the contract on `window.cairn`, one
// function per method, each sending on its own channel. Never ipcRenderer itself.
import { contextBridge, ipcRenderer } from 'electron';
import { ipcChannel, perMethod } from '../shared/contract';
import { isMenuCommand, MENU_CHANNEL, type MenuCommand } from '../shared/menu-commands';

const bridge = perMethod(
  (method) => (args: unknown) => ipcRenderer.invoke(ipcChannel(method), args),
);

contextBridge.exposeInMainWorld('cairn', Object.freeze(bridge));

// File menu commands from main: only the known ids pass, and the page never sees the event.
contextBridge.exposeInMainWorld(
  'cairnMenu',
  Object.freeze({
    onCommand(listener: (command: MenuCommand) => void) {
      ipcRenderer.on(MENU_CHANNEL, (_event, command: unknown) => {
        if (isMenuCommand(command)) listener(command);
      });
    },
  }),
);
