import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, refuseDeepJson } from '../../src/main/services/import/json-depth';

describe('refuseDeepJson', () => {
  it('lets JSON up to the limit through', () => {
    expect(() =>
      refuseDeepJson('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH), 'g.json'),
    ).not.toThrow();
  });

  it('names the line where the limit is passed', () => {
    const text = '{\n"a":\n' + '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH) + '}';
    expect(() => refuseDeepJson(text, 'g.json')).toThrow(
      'g.json, line 3: the JSON is nested more than 1,000 levels deep; Cairn reads at most 1,000.',
    );
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const brackets = '['.repeat(5000);
    expect(() =>
      refuseDeepJson(`{"label": "${brackets} \\" ${brackets}", "x": "\\\\"}`, 'g.json'),
    ).not.toThrow();
  });
});
