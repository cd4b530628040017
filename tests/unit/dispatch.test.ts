import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/main/dispatch';
import { createHandlers } from '../../src/main/services';
import { CONTRACT_METHODS } from '../../src/shared/contract';
import { contractSchemas } from '../../src/shared/contract-schemas';
import { openTempGraph } from './helpers';

const appInfo = {
  version: 'test',
  databasePath: '/tmp/x.sqlite',
  graphName: 'x.sqlite',
  mode: 'browser' as const,
  readOnly: false,
};

function dispatcher() {
  const { db } = openTempGraph();
  const logged: unknown[] = [];
  return {
    dispatch: createDispatcher(createHandlers(db, appInfo), (e) => logged.push(e)),
    logged,
    db,
  };
}

describe('the dispatcher at the process boundary', () => {
  it('has a schema for every method of the contract', () => {
    expect(Object.keys(contractSchemas).sort()).toEqual([...CONTRACT_METHODS].sort());
  });

  it('calls a service with valid arguments', async () => {
    const { dispatch } = dispatcher();
    const result = await dispatch('getConcept', { id: 'etcd' });
    expect(result.ok).toBe(true);
    expect(result.ok && (result.value as { concept: { label: string } }).concept.label).toBe(
      'etcd',
    );
  });

  it.each([
    ['getConcept', { id: 42 }, 'Invalid id for getConcept'],
    ['getConcept', {}, 'Invalid id for getConcept'],
    ['getConcept', { id: 'etcd', extra: 1 }, 'Invalid arguments for getConcept'],
    ['getNeighbourhood', { id: 'etcd', depth: 99 }, 'Invalid depth for getNeighbourhood'],
    ['search', { query: 'x'.repeat(10_000) }, 'Invalid query for search'],
    [
      'savePositions',
      { positions: [{ id: 'etcd', x: Number.NaN, y: 0 }] },
      'Invalid positions.0.x for savePositions',
    ],
    ['getGraph', 'not an object', 'Invalid arguments for getGraph'],
  ])('refuses %s(%j) with one sentence naming the field', async (method, args, message) => {
    const { dispatch } = dispatcher();
    const result = await dispatch(method, args);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('invalid-argument');
    expect(!result.ok && result.error.message).toContain(message);
  });

  it('says in one sentence that the file is damaged when SQLite finds a bad page', async () => {
    // A big graph is not read in full when it opens, so a damaged page may first be met
    // by a service: the error is better-sqlite3's own, as it throws it.
    const { db } = openTempGraph();
    const logged: unknown[] = [];
    const handlers = {
      ...createHandlers(db, appInfo),
      getConcept: () => {
        throw new BetterSqlite3.SqliteError('database disk image is malformed', 'SQLITE_CORRUPT');
      },
    };
    const result = await createDispatcher(handlers, (e) => logged.push(e))('getConcept', {
      id: 'etcd',
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('corrupt-database');
    expect(!result.ok && result.error.message).toMatch(
      /^The graph file is damaged where getConcept had to read it: [^\n]+\.$/,
    );
    expect(logged).toHaveLength(1);
  });

  it('refuses text holding half of a surrogate pair, and writes nothing', async () => {
    const { dispatch, db } = dispatcher();
    const before = db.prepare('SELECT count(*) AS n FROM concepts').get();
    const result = await dispatch('createConcept', { label: 'Rock \uD83E', category: 'Stone' });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid-argument',
        message:
          'The label of createConcept holds half of a surrogate pair (U+D83E at position 6), which is not a character.',
      },
    });
    expect(db.prepare('SELECT count(*) AS n FROM concepts').get()).toEqual(before);
  });

  it.each(['__proto__', 'constructor', 'toString', 'dropEverything'])(
    'refuses the unknown method %s',
    async (method) => {
      const { dispatch } = dispatcher();
      const result = await dispatch(method, {});
      expect(result).toEqual({
        ok: false,
        error: { code: 'invalid-argument', message: `Unknown method "${method}".` },
      });
    },
  );

  it('passes a service error through as its sentence', async () => {
    const { dispatch } = dispatcher();
    expect(await dispatch('getConcept', { id: 'missing' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'There is no concept with the id "missing".' },
    });
  });

  it('hides an unexpected error behind a sentence and logs it', async () => {
    const { dispatch, logged, db } = dispatcher();
    db.close();
    const result = await dispatch('getStats', {});
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message: 'Cairn could not complete getStats; the details are in the log.',
      },
    });
    expect(logged).toHaveLength(1);
  });
});
