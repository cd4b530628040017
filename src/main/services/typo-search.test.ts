import { describe, expect, it } from 'vitest';
import { labelSimilarity, trigrams } from './typo-search';

describe('how alike a label is to what was typed', () => {
  it('cuts words into three-letter pieces', () => {
    expect([...trigrams('Etcd')]).toEqual(['etc', 'tcd']);
    expect(trigrams('ab').size).toBe(0);
  });

  it('scores a misspelt word by the pieces it shares with the closest word of the label', () => {
    expect(labelSimilarity('kubernets', 'Kubernetes')).toBeCloseTo(6 / 9, 5);
    expect(labelSimilarity('kubernets', 'Kubernetes cluster')).toBeCloseTo(6 / 9, 5);
    expect(labelSimilarity('etcdd', 'etcd')).toBeCloseTo(2 / 3, 5);
    expect(labelSimilarity('promethus', 'Prometheus')).toBeCloseTo(5 / 10, 5);
    expect(labelSimilarity('kubernets', 'Terraform')).toBe(0);
  });

  it('counts a short word only where the label has it as it is', () => {
    expect(labelSimilarity('etcd or x', 'etcd')).toBeCloseTo(1 / 3, 5);
    expect(labelSimilarity('CI pipeline', 'CI/CD pipeline')).toBe(1);
  });
});
