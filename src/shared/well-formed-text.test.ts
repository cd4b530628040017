import { describe, expect, it } from 'vitest';
import { describeLoneSurrogate, findLoneSurrogate } from './well-formed-text';

describe('lone surrogates', () => {
  it('finds half of a pair on its own, wherever it is in the arguments', () => {
    expect(findLoneSurrogate({ label: 'ok', tags: ['a', 'b\uD800c'] })).toEqual({
      path: ['tags', '1'],
      codeUnit: 0xd800,
      index: 1,
    });
    expect(findLoneSurrogate({ note: 'x\uDC00' })).toMatchObject({ path: ['note'], index: 1 });
    expect(findLoneSurrogate({ ['\uDBFF']: 1 })).toMatchObject({ path: [], codeUnit: 0xdbff });
  });

  it('passes whole pairs, other text and other values', () => {
    expect(findLoneSurrogate({ label: '🪨 rock', n: 3, ok: true, none: null })).toBeNull();
    expect(findLoneSurrogate(['\uD83E\uDEA8'])).toBeNull();
  });

  it('says where, in one sentence', () => {
    expect(
      describeLoneSurrogate({ path: ['label'], codeUnit: 0xd800, index: 0 }, 'createConcept'),
    ).toBe(
      'The label of createConcept holds half of a surrogate pair (U+D800 at position 1), which is not a character.',
    );
  });
});
