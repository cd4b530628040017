import { describe, expect, it } from 'vitest';
import { LAYOUT_NAMES } from '../../../shared/layouts';
import { computeLayout, type LayoutInput } from './layout-engine';

/** A small typed graph: a cluster chain and a storage pair, two categories. */
function input(fixed: string[] = []): LayoutInput {
  const ids = ['pod', 'node', 'cluster', 'kubelet', 'etcd', 'disk', 'api'];
  const category = (id: string) => (['etcd', 'disk'].includes(id) ? 'storage' : 'k8s');
  return {
    concepts: ids.map((id, i) => ({
      id,
      category: category(id),
      degree: 1,
      x: fixed.includes(id) ? 1000 + i : null,
      y: fixed.includes(id) ? -500 : null,
      fixed: fixed.includes(id),
    })),
    links: [
      { source: 'pod', target: 'node' },
      { source: 'node', target: 'cluster' },
      { source: 'kubelet', target: 'node' },
      { source: 'etcd', target: 'disk' },
      { source: 'api', target: 'etcd' },
    ],
  };
}

function distance(a: { x: number; y: number }, b: { x: number; y: number }) {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

describe('the layouts', () => {
  it.each(LAYOUT_NAMES)('%s places every free concept, apart from each other', async (name) => {
    const out = await computeLayout(name, input());
    expect(out.map((p) => p.id).sort()).toEqual(
      ['api', 'cluster', 'disk', 'etcd', 'kubelet', 'node', 'pod'].sort(),
    );
    for (const p of out) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
    for (let i = 0; i < out.length; i++) {
      for (let j = i + 1; j < out.length; j++) {
        expect(distance(out[i]!, out[j]!), `${out[i]!.id} and ${out[j]!.id}`).toBeGreaterThan(10);
      }
    }
  });

  it.each(LAYOUT_NAMES)('%s leaves a fixed (pinned) concept out of what it moves', async (name) => {
    const out = await computeLayout(name, input(['etcd']));
    expect(out.map((p) => p.id)).not.toContain('etcd');
    expect(out).toHaveLength(6);
  });

  it('hierarchy puts what a concept runs on or is part of above it', async () => {
    const out = new Map((await computeLayout('hierarchy', input())).map((p) => [p.id, p]));
    expect(out.get('cluster')!.y).toBeLessThan(out.get('node')!.y);
    expect(out.get('node')!.y).toBeLessThan(out.get('pod')!.y);
  });

  it('by category keeps each category together, apart from the others', async () => {
    const out = new Map((await computeLayout('categories', input())).map((p) => [p.id, p]));
    const storage = distance(out.get('etcd')!, out.get('disk')!);
    expect(storage).toBeLessThan(distance(out.get('etcd')!, out.get('pod')!));
    expect(distance(out.get('pod')!, out.get('node')!)).toBeLessThan(
      distance(out.get('pod')!, out.get('disk')!),
    );
  });

  it('concentric around a focus puts it in the middle and its neighbours on the first ring', async () => {
    const out = new Map(
      (await computeLayout('concentric', { ...input(), focus: ['node'] })).map((p) => [p.id, p]),
    );
    const centre = out.get('node')!;
    const ring1 = ['pod', 'cluster', 'kubelet'].map((id) => distance(out.get(id)!, centre));
    const far = distance(out.get('etcd')!, centre);
    for (const r of ring1) expect(r).toBeLessThan(far);
  });

  it('force keeps linked concepts closer than unlinked ones on average', async () => {
    const out = new Map((await computeLayout('force', input())).map((p) => [p.id, p]));
    const linked = distance(out.get('pod')!, out.get('node')!);
    const unlinked = distance(out.get('pod')!, out.get('disk')!);
    expect(linked).toBeLessThan(unlinked);
  });
});
