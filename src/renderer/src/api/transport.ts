import type { CairnMethod } from '../../../shared/contract';
import type { Envelope } from '../../../shared/errors';
import type { MenuCommand } from '../../../shared/menu-commands';

/** Sends one contract call and returns its envelope; IPC and HTTP implement it. */
export type Transport = (method: CairnMethod, args: unknown) => Promise<Envelope<unknown>>;

/** What the preload exposes on `window.cairn` in the desktop app: one function per method. */
export type PreloadBridge = Record<CairnMethod, (args: unknown) => Promise<Envelope<unknown>>>;

/** The desktop app's File menu, passed on by the preload (absent in browser mode). */
interface MenuBridge {
  onCommand(listener: (command: MenuCommand) => void): void;
}

declare global {
  interface Window {
    cairn?: PreloadBridge;
    cairnMenu?: MenuBridge;
  }
}

export function ipcTransport(bridge: PreloadBridge): Transport {
  return (method, args) => bridge[method](args);
}

const TOKEN_KEY = 'cairn.token';

/**
 * Browser mode: `cairn serve` prints a URL with a per-run token. The token is
 * moved from the address bar into session storage, so it does not linger in
 * history or get copied along with the URL, and is sent with every call.
 */
export function takeBrowserToken(
  location: Location,
  storage: Storage,
  history: History,
): string | null {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    storage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return storage.getItem(TOKEN_KEY);
}

export function httpTransport(token: string, fetchImpl: typeof fetch = fetch): Transport {
  return async (method, args) => {
    let response: Response;
    try {
      response = await fetchImpl(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(args ?? {}),
      });
    } catch {
      return {
        ok: false,
        error: { code: 'io', message: 'Cairn is not reachable: is `cairn serve` still running?' },
      };
    }
    try {
      return (await response.json()) as Envelope<unknown>;
    } catch {
      return {
        ok: false,
        error: {
          code: 'internal',
          message: `Cairn answered ${response.status} without a readable reply.`,
        },
      };
    }
  };
}
