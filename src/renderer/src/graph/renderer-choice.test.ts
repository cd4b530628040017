import { describe, expect, it } from 'vitest';
import { chooseRenderer } from './renderer-choice';

describe('which renderer draws the map', () => {
  it('the canvas, unless WebGL is asked for', () => {
    expect(chooseRenderer(null)).toBe('canvas');
    expect(chooseRenderer('')).toBe('canvas');
    expect(chooseRenderer('canvas')).toBe('canvas');
    expect(chooseRenderer('svg')).toBe('canvas');
    expect(chooseRenderer('WEBGL')).toBe('canvas');
    expect(chooseRenderer('webgl')).toBe('webgl');
  });
});
