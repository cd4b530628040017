import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultGraphSchema, findGraphProblems } from '../../src/main/seed/default-graph-schema';
import { readDefaultGraph } from '../../src/main/seed/load-default-graph';
import { REPO_ROOT, tempDir } from './helpers';

const graph = readDefaultGraph(path.join(REPO_ROOT, 'data', 'default-graph.json'));
const labelOf = (id: string) => graph.concepts.find((c) => c.id === id)?.label;
const hasLink = (source: string, relation: string, target: string) =>
  graph.links.some(
    (l) => labelOf(l.source) === source && l.relation === relation && labelOf(l.target) === target,
  );

describe('the default graph (data/default-graph.json)', () => {
  it('passes the schema and has no dangling, duplicate or self links', () => {
    expect(defaultGraphSchema.safeParse(graph).success).toBe(true);
    expect(findGraphProblems(graph)).toEqual([]);
  });

  it('holds at least 80 concepts and 120 typed relations', () => {
    expect(graph.concepts.length).toBeGreaterThanOrEqual(80);
    expect(graph.links.length).toBeGreaterThanOrEqual(120);
  });

  it('describes, categorises and sources every concept, and uses every category', () => {
    for (const concept of graph.concepts) {
      expect(concept.description.length, concept.id).toBeGreaterThan(20);
      expect(concept.section.length, concept.id).toBeGreaterThan(0);
    }
    const used = new Set(graph.concepts.map((c) => c.category));
    expect(graph.categories.filter((c) => !used.has(c.id))).toEqual([]);
  });

  it('covers the areas the notes are about', () => {
    const ids = graph.categories.map((c) => c.id);
    for (const area of [
      'containers',
      'kubernetes-control-plane',
      'kubernetes-nodes',
      'rpc',
      'service-discovery',
      'service-mesh',
      'networking',
      'storage',
      'runtime',
      'monitoring',
      'logging',
      'tracing',
      'security',
      'infrastructure-as-code',
      'openstack',
      'career',
    ]) {
      expect(ids).toContain(area);
    }
  });

  it('states the relations the notes are known for', () => {
    expect(hasLink('Pod', 'runs on', labelOf('node') ?? 'Node')).toBe(true);
    expect(hasLink('etcd', 'stores data for', 'API server')).toBe(true);
    expect(hasLink('Notary', 'implements', 'TUF')).toBe(true);
  });

  it('keeps the relation vocabulary small and documented', () => {
    const relations = new Set(graph.links.map((l) => l.relation));
    expect(relations.size).toBeLessThanOrEqual(25);
    const vocabulary = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'vocabulary.md'), 'utf8');
    for (const relation of relations) expect(vocabulary, relation).toContain(relation);
  });

  it('refuses a graph file with a dangling link, naming it', () => {
    const broken = structuredClone(graph);
    broken.links.push({
      source: 'pod',
      target: 'no-such-thing',
      relation: 'runs on',
      section: 'x',
    });
    const file = path.join(tempDir(), 'default-graph.json');
    fs.writeFileSync(file, JSON.stringify(broken));
    expect(() => readDefaultGraph(file)).toThrow(/unknown concept "no-such-thing"/);
  });

  it('refuses a graph file with a missing field, naming the field', () => {
    const broken = structuredClone(graph) as unknown as { concepts: Record<string, unknown>[] };
    delete broken.concepts[3]!.description;
    const file = path.join(tempDir(), 'default-graph.json');
    fs.writeFileSync(file, JSON.stringify(broken));
    expect(() => readDefaultGraph(file)).toThrow(/concepts\.3\.description/);
  });
});
