import { describe, expect, it } from 'vitest';
import {
  CONCEPT_LABEL_CHARS,
  conceptCanvasLabel,
  relationCanvasLabel,
  shortened,
} from './canvas-label';

describe('labels as the map draws them', () => {
  it('leaves ordinary labels as they are', () => {
    for (const label of ['etcd', 'API server', 'Kubernetes control plane', 'data(label)', ''])
      expect(conceptCanvasLabel(label)).toBe(label);
    expect(relationCanvasLabel('stores data for')).toBe('stores data for');
  });

  it('cuts a long label to three lines with an ellipsis', () => {
    const label = 'The quick brown fox jumps over the lazy dog and keeps on running far away';
    const drawn = conceptCanvasLabel(label);
    expect(drawn).toBe('The quick brown fox jumps over the lazy dog and…');
    expect(Array.from(drawn.replace('…', '')).length).toBeLessThanOrEqual(CONCEPT_LABEL_CHARS);
  });

  it('breaks a word longer than a line where Cytoscape can wrap it, invisibly', () => {
    const drawn = conceptCanvasLabel('W'.repeat(200));
    expect(drawn.split('\u200b')).toEqual(['W'.repeat(16), 'W'.repeat(16), 'W'.repeat(16) + '…']);
    expect(conceptCanvasLabel('sha256:0123456789abcdef0123')).toBe(
      'sha256:012345678\u200b9abcdef0123',
    );
  });

  it('never splits a character made of two code units', () => {
    const label = '🦀'.repeat(60);
    const drawn = shortened(label, 10);
    expect(drawn).toBe('🦀'.repeat(10) + '…');
    expect(conceptCanvasLabel(label).replaceAll('\u200b', '').replace('…', '')).toBe(
      '🦀'.repeat(CONCEPT_LABEL_CHARS),
    );
  });

  it('keeps a relation to one short line', () => {
    expect(relationCanvasLabel('r'.repeat(60))).toBe('r'.repeat(32) + '…');
  });
});
