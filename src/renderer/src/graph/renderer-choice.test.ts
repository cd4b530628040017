import { describe, expect, it } from 'vitest';
import { chooseRenderer } from './renderer-choice';

describe('which renderer draws the map', () => {
  it('WebGL where a GPU draws it', () => {
    expect(chooseRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11)', null)).toBe(
      'webgl',
    );
    expect(chooseRenderer('Apple M2', null)).toBe('webgl');
    expect(chooseRenderer('Mesa Intel(R) UHD Graphics 620 (KBL GT2)', null)).toBe('webgl');
  });

  it('the canvas without WebGL, or where WebGL draws in software', () => {
    expect(chooseRenderer(null, null)).toBe('canvas');
    expect(
      chooseRenderer(
        'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
        null,
      ),
    ).toBe('canvas');
    expect(chooseRenderer('llvmpipe (LLVM 15.0.6, 256 bits)', null)).toBe('canvas');
    expect(chooseRenderer('Microsoft Basic Render Driver', null)).toBe('canvas');
  });

  it('what the user asked for, when it is one of the two', () => {
    expect(chooseRenderer('llvmpipe', 'webgl')).toBe('webgl');
    expect(chooseRenderer('Apple M2', 'canvas')).toBe('canvas');
    expect(chooseRenderer('Apple M2', 'svg')).toBe('webgl');
    expect(chooseRenderer(null, '')).toBe('canvas');
  });
});
