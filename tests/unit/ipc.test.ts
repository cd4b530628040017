import { describe, expect, it } from 'vitest';
import type { Dispatch } from '../../src/main/dispatch';
import { registerIpcHandlers, type IpcMainLike, type IpcSender } from '../../src/main/ipc/register';
import { APP_ORIGIN, isTrustedSender } from '../../src/main/security';
import { CONTRACT_METHODS } from '../../src/shared/contract';

// Electron's ipcMain is the one thing here that cannot run without the Electron
// binary, so it is replaced by a map of channels; the dispatcher is real in dispatch.test.ts.
function fakeIpcMain() {
  const handlers = new Map<string, (event: IpcSender, args: unknown) => Promise<unknown>>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
  };
  return { ipcMain, handlers };
}

describe('IPC binding', () => {
  const calls: [string, unknown][] = [];
  const dispatch: Dispatch = async (method, args) => {
    calls.push([method, args]);
    return { ok: true, value: method };
  };
  const trusted = (url: string | undefined, main: boolean) =>
    isTrustedSender(url, main, [APP_ORIGIN]);

  it('gives every contract method its own channel', () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const channels = registerIpcHandlers(ipcMain, dispatch, trusted);
    expect(channels).toEqual(CONTRACT_METHODS.map((m) => `cairn:${m}`));
    expect([...handlers.keys()]).toEqual(channels);
  });

  it('dispatches a call from the app page and refuses one from a subframe or another origin', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    registerIpcHandlers(ipcMain, dispatch, trusted);
    const search = handlers.get('cairn:search')!;
    expect(
      await search(
        { senderFrame: { url: `${APP_ORIGIN}/index.html`, parent: null } },
        { query: 'x' },
      ),
    ).toEqual({ ok: true, value: 'search' });
    for (const senderFrame of [
      { url: `${APP_ORIGIN}/index.html`, parent: {} },
      { url: 'https://evil.example/', parent: null },
      null,
    ]) {
      expect(await search({ senderFrame }, { query: 'x' })).toEqual({
        ok: false,
        error: { code: 'unauthorized', message: 'This page may not use Cairn.' },
      });
    }
    expect(calls).toEqual([['search', { query: 'x' }]]);
  });
});
