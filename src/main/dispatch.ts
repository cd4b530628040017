import type { CairnHandlers, CairnMethod } from '../shared/contract';
import { isContractMethod } from '../shared/contract';
import { contractSchemas, describeIssue } from '../shared/contract-schemas';
import { CairnError, type Envelope } from '../shared/errors';
import { describeLoneSurrogate, findLoneSurrogate } from '../shared/well-formed-text';
import { damagedWhileReading } from './db/connection';

export type Dispatch = (method: string, args: unknown) => Promise<Envelope<unknown>>;

/**
 * The single entry from any transport into the services: it checks the method
 * name, refuses text that is not Unicode, validates the arguments with the shared
 * schemas, and turns every failure into an envelope with one sentence. Unexpected errors are logged here and never
 * reach the caller with their stack.
 */
export function createDispatcher(
  handlers: CairnHandlers,
  logError: (error: unknown) => void = (error) => console.error(error),
): Dispatch {
  return async (method, args) => {
    if (!isContractMethod(method)) {
      return fail(new CairnError('invalid-argument', `Unknown method "${method.slice(0, 60)}".`));
    }
    // Before the schemas, which would otherwise hand such text on to SQLite as it is.
    const loneSurrogate = findLoneSurrogate(args);
    if (loneSurrogate) {
      return fail(new CairnError('invalid-argument', describeLoneSurrogate(loneSurrogate, method)));
    }
    const parsed = contractSchemas[method].safeParse(args ?? {});
    if (!parsed.success) {
      return fail(new CairnError('invalid-argument', describeIssue(method, parsed.error)));
    }
    try {
      const handler = handlers[method] as (a: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof CairnError) return fail(error);
      logError(error);
      // A big graph is not read in full when it opens: a damaged page may first show here.
      const damaged = damagedWhileReading(error, method);
      if (damaged) return fail(damaged);
      return fail(
        new CairnError(
          'internal',
          `Cairn could not complete ${method as CairnMethod}; the details are in the log.`,
        ),
      );
    }
  };
}

function fail(error: CairnError): Envelope<never> {
  return { ok: false, error: error.toInfo() };
}
