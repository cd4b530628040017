import type { Page } from '@playwright/test';

// What the scale bench reads from a page: frame times while a person pans, and the JS
// heap. Both pages, Cairn's and the naive one, are measured by these same functions.

export interface PanFrames {
  /** Mean milliseconds between animation frames while the drag ran. */
  meanMs: number;
  /** The slowest frame, in milliseconds. */
  worstMs: number;
  frames: number;
}

const STEPS = 60;

/**
 * Drags the view from `start` by a real mouse, STEPS moves of 6 px, recording every
 * animation frame meanwhile. A frame the renderer takes long to draw delays the next
 * one, so the mean interval is the mean frame time (at best the display's 16.7 ms).
 */
export async function panFrames(page: Page, start: { x: number; y: number }): Promise<PanFrames> {
  await page.evaluate(() => {
    const w = window as unknown as { benchFrames: number[]; benchRecording: boolean };
    w.benchFrames = [];
    w.benchRecording = true;
    const tick = (time: number) => {
      if (!w.benchRecording) return;
      w.benchFrames.push(time);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let step = 1; step <= STEPS; step++) {
    await page.mouse.move(start.x + step * 6, start.y + step * 3);
  }
  await page.mouse.up();
  // One more frame so that the last move's drawing is counted.
  const frames = await page.evaluate(
    () =>
      new Promise<number[]>((resolve) =>
        requestAnimationFrame(() => {
          const w = window as unknown as { benchFrames: number[]; benchRecording: boolean };
          w.benchRecording = false;
          resolve(w.benchFrames);
        }),
      ),
  );
  const intervals = frames.slice(1).map((time, i) => time - frames[i]!);
  const total = intervals.reduce((sum, ms) => sum + ms, 0);
  return {
    meanMs: intervals.length ? total / intervals.length : NaN,
    worstMs: Math.max(0, ...intervals),
    frames: intervals.length,
  };
}

/** The JS heap in use after a full garbage collection, in MB. */
export async function heapAfterCollection(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
    return used / 1024 / 1024;
  } finally {
    await cdp.detach();
  }
}

/** The current pan of a Cytoscape view, for checking that a drag panned it. */
export function naivePan(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() =>
    (window as unknown as { cy: { pan(): { x: number; y: number } } }).cy.pan(),
  );
}
