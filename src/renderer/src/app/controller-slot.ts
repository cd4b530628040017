import type { GraphController } from '../graph/GraphController';

/**
 * The GraphController once GraphView has mounted one. Flows that can do without it use
 * `current`; flows that must draw wait for it with `whenReady`.
 */
export class ControllerSlot {
  private controller: GraphController | null = null;
  private waiters: ((controller: GraphController) => void)[] = [];

  get current(): GraphController | null {
    return this.controller;
  }

  whenReady(): Promise<GraphController> {
    if (this.controller) return Promise.resolve(this.controller);
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  fill(controller: GraphController): void {
    this.controller = controller;
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((resolve) => resolve(controller));
  }

  /** Empties the slot unless a newer controller has taken it already. */
  release(controller: GraphController): void {
    if (this.controller === controller) this.controller = null;
  }
}
