import { describe, expect, it } from 'vitest';
import { parseMoment } from './as-of';

describe('--as-of moments', () => {
  it('reads a date, a local time, and a time with its zone', () => {
    expect(parseMoment('2026-11-30').getTime()).toBe(new Date(2026, 10, 30).getTime());
    expect(parseMoment('2026-11-30T12:00').getTime()).toBe(new Date(2026, 10, 30, 12).getTime());
    expect(parseMoment('2026-11-30T12:00Z').toISOString()).toBe('2026-11-30T12:00:00.000Z');
    expect(parseMoment('2026-11-30T12:00:30.5+01:00').toISOString()).toBe(
      '2026-11-30T11:00:30.500Z',
    );
  });

  it('refuses what is not a moment, impossible days included', () => {
    for (const text of ['last week', '2026-02-30', '2026-13-01T00:00', '2026-11-30 12:00', '']) {
      expect(() => parseMoment(text), text).toThrow(/^--as-of takes a moment such as/);
    }
  });
});
