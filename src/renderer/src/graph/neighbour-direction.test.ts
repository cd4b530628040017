import { describe, expect, it } from 'vitest';
import { neighbourInDirection } from './neighbour-direction';

const centre = { id: 'c', x: 0, y: 0 };
const around = [
  { id: 'east', x: 10, y: 1 },
  { id: 'far-east', x: 40, y: 0 },
  { id: 'north', x: 1, y: -10 },
  { id: 'south-west', x: -10, y: 8 },
];

describe('the neighbour an arrow key goes to', () => {
  it('takes the one most in the arrow direction, screen y downwards', () => {
    expect(neighbourInDirection(centre, around, 'right')).toBe('far-east');
    expect(neighbourInDirection(centre, around, 'up')).toBe('north');
    expect(neighbourInDirection(centre, around, 'down')).toBe('south-west');
    expect(neighbourInDirection(centre, around, 'left')).toBe('south-west');
  });

  it('takes the nearer of two in the same direction, and none when nothing lies that way', () => {
    const two = [
      { id: 'near', x: 5, y: 0 },
      { id: 'far', x: 50, y: 0 },
    ];
    expect(neighbourInDirection(centre, two, 'right')).toBe('near');
    expect(neighbourInDirection(centre, two, 'left')).toBeNull();
    expect(neighbourInDirection(centre, [], 'up')).toBeNull();
  });
});
