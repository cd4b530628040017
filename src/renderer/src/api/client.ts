import { contractClient, type CairnApi } from '../../../shared/contract';
import type { ErrorInfo } from '../../../shared/errors';
import { httpTransport, ipcTransport, takeBrowserToken, type Transport } from './transport';

/** A failed call: `message` is one sentence to show the user as it is. */
export class ApiError extends Error {
  readonly code: ErrorInfo['code'];
  constructor(info: ErrorInfo) {
    super(info.message);
    this.name = 'ApiError';
    this.code = info.code;
  }
}

/** The renderer's typed Promise client, derived from the contract. */
function createClient(transport: Transport): CairnApi {
  return contractClient(async (method, args) => {
    const envelope = await transport(method, args ?? {});
    if (!envelope.ok) throw new ApiError(envelope.error);
    return envelope.value;
  });
}

/** IPC through the preload inside Electron, HTTP with the run's token in browser mode. */
export function connect(): CairnApi {
  if (window.cairn) return createClient(ipcTransport(window.cairn));
  const token = takeBrowserToken(window.location, window.sessionStorage, window.history);
  if (!token) {
    const missing: Transport = async () => ({
      ok: false,
      error: {
        code: 'unauthorized',
        message:
          'Open Cairn with the link that `cairn serve` printed: it carries the access token.',
      },
    });
    return createClient(missing);
  }
  return createClient(httpTransport(token));
}
