// The layout worker: computes a layout off the main thread, so the window never freezes
// while fcose or elkjs work through a few thousand concepts.
import { computeLayout, type LayoutInput } from './layout-engine';
import type { LayoutName } from '../../../shared/layouts';

export interface LayoutRequest {
  name: LayoutName;
  input: LayoutInput;
}

self.onmessage = async (event: MessageEvent<LayoutRequest>) => {
  try {
    const positions = await computeLayout(event.data.name, event.data.input);
    self.postMessage({ positions });
  } catch (error) {
    self.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
};
