import { CONTRACT_METHODS, ipcChannel } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';
import type { Dispatch } from '../dispatch';

/** The part of an IPC event Cairn looks at: who sent it. */
export interface IpcSender {
  senderFrame: { url: string; parent: unknown } | null;
}

/** The part of Electron's `ipcMain` Cairn uses, so binding is testable without Electron. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: IpcSender, args: unknown) => Promise<Envelope<unknown>>,
  ): void;
}

/**
 * Binds every contract method to its own channel. A call from any frame but the
 * app's own top-level page is refused before its arguments are even looked at.
 */
export function registerIpcHandlers(
  ipcMain: IpcMainLike,
  dispatch: Dispatch,
  isTrusted: (frameUrl: string | undefined, isMainFrame: boolean) => boolean,
): string[] {
  return CONTRACT_METHODS.map((method) => {
    const channel = ipcChannel(method);
    ipcMain.handle(channel, async (event, args) => {
      const frame = event.senderFrame;
      if (!isTrusted(frame?.url, frame !== null && frame.parent === null)) {
        return {
          ok: false,
          error: { code: 'unauthorized', message: 'This page may not use Cairn.' },
        };
      }
      return dispatch(method, args);
    });
    return channel;
  });
}
