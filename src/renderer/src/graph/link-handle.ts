import type { Core, NodeSingular } from 'cytoscape';
import edgehandles from 'cytoscape-edgehandles';
import cytoscape from 'cytoscape';
import { nodeOf } from './elements';

cytoscape.use(edgehandles);

/**
 * The small knob beside the selected concept: drag it onto another concept to link
 * them. Cytoscape-edgehandles draws the preview edge; the link exists only once the
 * user has named its relation (`onDrawn` opens that dialog).
 */
export class LinkHandle {
  private readonly knob: HTMLDivElement;
  private handles: edgehandles.EdgeHandlesInstance;
  private conceptId: string | null = null;

  constructor(
    private readonly cy: Core,
    container: HTMLElement,
    onDrawn: (source: NodeSingular, target: NodeSingular) => void,
  ) {
    this.handles = cy.edgehandles({
      canConnect: (source, target) =>
        !source.same(target) && !target.hasClass('filtered') && !target.hasClass('eh-ghost'),
      edgeParams: () => ({ data: { relation: '', kind: 'typed', origin: 'user' } }),
      hoverDelay: 80,
      snap: true,
      snapThreshold: 24,
    });
    cy.on('ehcomplete', (_event, ...extra: unknown[]) => {
      const [source, target, added] = extra as [NodeSingular, NodeSingular, { remove(): void }];
      added.remove();
      onDrawn(source, target);
    });
    this.knob = document.createElement('div');
    this.knob.className = 'link-handle';
    this.knob.title = 'Drag onto another concept to link them';
    this.knob.setAttribute('aria-hidden', 'true');
    this.knob.hidden = true;
    this.knob.addEventListener('mousedown', (event) => this.startDrag(event));
    // Cytoscape keeps its own container child; the knob rides on top of it.
    container.appendChild(this.knob);
    cy.on('pan zoom resize', () => this.place());
    cy.on('position', 'node', (event) => {
      if (this.conceptId && (event.target as NodeSingular).same(nodeOf(cy, this.conceptId))) {
        this.place();
      }
    });
  }

  /** Puts the knob beside this concept (or hides it, for none). */
  attach(conceptId: string | null): void {
    this.conceptId = conceptId;
    this.place();
  }

  place(): void {
    const node = this.conceptId ? nodeOf(this.cy, this.conceptId) : undefined;
    if (!node || node.empty() || node.hasClass('filtered')) {
      this.knob.hidden = true;
      return;
    }
    const { x, y } = node.renderedPosition();
    const left = x + node.renderedOuterWidth() / 2 + 6;
    const inside = left > 0 && left < this.cy.width() - 8 && y > 8 && y < this.cy.height() - 8;
    this.knob.hidden = !inside;
    this.knob.style.transform = `translate(${Math.round(left)}px, ${Math.round(y)}px)`;
  }

  /** The concept a link being drawn would end on, once the drag rests over it. */
  target(): NodeSingular | null {
    const target = this.cy.nodes('.eh-target, .eh-hover').first();
    return target.nonempty() ? target : null;
  }

  destroy(): void {
    this.handles.destroy();
    this.knob.remove();
  }

  private startDrag(event: MouseEvent): void {
    if (event.button !== 0 || !this.conceptId) return;
    const node = nodeOf(this.cy, this.conceptId);
    if (node.empty()) return;
    // Cytoscape must not take this press for a pan of the background.
    event.preventDefault();
    event.stopPropagation();
    this.knob.classList.add('is-dragging');
    this.handles.start(node);
    const finish = () => {
      window.removeEventListener('mouseup', finish, true);
      this.knob.classList.remove('is-dragging');
      this.handles.stop();
    };
    window.addEventListener('mouseup', finish, true);
  }
}
