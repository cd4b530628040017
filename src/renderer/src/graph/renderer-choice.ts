// Which of Cytoscape's two renderers draws the map: its canvas, or its WebGL mode (3.31+),
// which draws many thousands of elements faster where a GPU does the drawing. Where the
// only WebGL is a software rasteriser (SwiftShader, llvmpipe: a machine without a GPU,
// or Chromium with --disable-gpu), WebGL would draw on the CPU what the canvas draws
// there anyway, with its limits (docs/benchmarks.md measures both paths), so the canvas
// stays. `?renderer=webgl` or `?renderer=canvas` in browser mode chooses, to measure.

export type MapRenderer = 'canvas' | 'webgl';

/** Software rasterisers by the names their WebGL renderer string carries. */
const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software|basic render driver/i;

/**
 * The renderer for a machine whose WebGL reports `glRenderer` (null: no WebGL at all),
 * unless the user asked for one.
 */
export function chooseRenderer(glRenderer: string | null, asked: string | null): MapRenderer {
  if (asked === 'webgl' || asked === 'canvas') return asked;
  if (glRenderer === null || SOFTWARE_GL.test(glRenderer)) return 'canvas';
  return 'webgl';
}

/** What this machine's WebGL says it runs on, or null without WebGL. */
function webglRenderer(): string | null {
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return null;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = info
      ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL)
      : gl.getParameter(gl.RENDERER);
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return typeof name === 'string' ? name : '';
  } catch {
    return null;
  }
}

let chosen: MapRenderer | null = null;

/** The renderer this window draws with, chosen once. */
export function mapRenderer(): MapRenderer {
  chosen ??= chooseRenderer(
    webglRenderer(),
    new URLSearchParams(window.location.search).get('renderer'),
  );
  return chosen;
}
