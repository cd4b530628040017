import type { ConceptFacts, KeyStep } from '../graph/key-focus';
import type { Direction } from '../graph/neighbour-direction';
import type { FlowContext } from './flow-context';

const ARROWS: Readonly<Record<string, Direction>> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};
const TOWARDS: Readonly<Record<Direction, string>> = {
  left: 'to the left',
  right: 'to the right',
  up: 'above',
  down: 'below',
};

/**
 * The map by keyboard: the arrow keys step along links to the neighbour in their
 * direction, Enter opens the concept's details, Space adds it to the selection or takes
 * it out. Each step is said to screen readers: "etcd, Kubernetes control plane, 5
 * outgoing, 1 incoming", and the link it came along.
 */
export class MapKeysFlow {
  /** The selection when the keyboard last looked: a new one is where it starts from. */
  private seenSelection: string | null = null;

  constructor(private readonly ctx: FlowContext) {}

  /** A key pressed while the map has focus; true when it was the map's to handle. */
  handle(event: { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean }): boolean {
    if (event.altKey || event.ctrlKey || event.metaKey) return false;
    const direction = ARROWS[event.key];
    if (direction) {
      this.move(direction);
      return true;
    }
    if (event.key === 'Enter') return this.open();
    if (event.key === ' ') return this.toggle();
    if (event.key === 'Escape') this.ctx.graph.current?.keyFocus?.show(null);
    return false;
  }

  private move(direction: Direction): void {
    const keys = this.ctx.graph.current?.keyFocus;
    if (!keys) return;
    const from = this.from();
    if (!from) {
      const start = keys.start();
      keys.show(start);
      this.say(start ? this.describe(start) : 'No concept is on screen.');
      return;
    }
    const step = keys.step(from, direction);
    if (!step) {
      keys.show(from);
      const label = keys.facts(from)?.label ?? 'this concept';
      this.say(`No linked concept ${TOWARDS[direction]} ${label}. ${this.describe(from)}`);
      return;
    }
    keys.show(step.to, step.linkId);
    this.say(`${this.describe(step.to)}. ${this.along(from, step)}`);
  }

  private open(): boolean {
    const id = this.ctx.graph.current?.keyFocus?.id;
    if (!id) return false;
    this.seenSelection = id;
    this.ctx.selection.navigateTo(id, { centre: false });
    return true;
  }

  private toggle(): boolean {
    const id = this.ctx.graph.current?.keyFocus?.id;
    if (!id) return false;
    const wasSelected = this.ctx.store.getState().selection.includes(id);
    this.ctx.selection.toggle(id);
    const label = this.ctx.graph.current?.keyFocus?.facts(id)?.label ?? id;
    this.say(wasSelected ? `${label} taken out of the selection.` : `${label} selected.`);
    return true;
  }

  /** Where a step starts: a concept selected since the last key, else the ring, else the selection. */
  private from(): string | null {
    const { selectedId } = this.ctx.store.getState();
    const keys = this.ctx.graph.current?.keyFocus;
    if (selectedId !== this.seenSelection) {
      this.seenSelection = selectedId;
      if (selectedId) return selectedId;
    }
    return keys?.id ?? selectedId;
  }

  private describe(id: string): string {
    const facts = this.ctx.graph.current?.keyFocus?.facts(id);
    return facts ? describeConcept(facts, this.categoryLabel(facts.category)) : id;
  }

  private along(from: string, step: KeyStep): string {
    const keys = this.ctx.graph.current?.keyFocus;
    const left = keys?.facts(from)?.label ?? from;
    const reached = keys?.facts(step.to)?.label ?? step.to;
    return step.forward
      ? `Link: ${left} ${step.relation} ${reached}`
      : `Link: ${reached} ${step.relation} ${left}`;
  }

  private categoryLabel(id: string): string {
    return this.ctx.store.getState().summary?.categories.find((c) => c.id === id)?.label ?? id;
  }

  private say(text: string): void {
    const { announcement } = this.ctx.store.getState();
    this.ctx.store.setState({ announcement: { text, seq: announcement.seq + 1 } });
  }
}

/** "etcd, Kubernetes control plane, 5 outgoing, 1 incoming". */
export function describeConcept(facts: ConceptFacts, category: string): string {
  return `${facts.label}, ${category}, ${facts.outDegree} outgoing, ${facts.inDegree} incoming`;
}
