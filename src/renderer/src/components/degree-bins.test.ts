import { describe, expect, it } from 'vitest';
import { binLabel, degreeBins } from './degree-bins';

describe('degree chart bins', () => {
  it('gives each small degree a bar and groups large ones in doubling ranges', () => {
    const bins = degreeBins([
      { degree: 0, concepts: 2 },
      { degree: 3, concepts: 5 },
      { degree: 10, concepts: 1 },
      { degree: 11, concepts: 4 },
      { degree: 20, concepts: 1 },
      { degree: 21, concepts: 3 },
      { degree: 40, concepts: 2 },
      { degree: 1000, concepts: 1 },
    ]);
    expect(bins.map((b) => [binLabel(b), b.concepts])).toEqual([
      ['0', 2],
      ['3', 5],
      ['10', 1],
      ['11–20', 5],
      ['21–40', 5],
      ['641–1280', 1],
    ]);
  });
});
