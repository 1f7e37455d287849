/** A story's members signature: what its kept digest is checked against. */
import { describe, expect, it } from 'vitest';
import { membersSignature, textSignature } from '../../../../src/core/story-page';

describe('members signature', () => {
  it('is the same for the same articles in any order, and differs when one is added, removed or replaced', () => {
    const members = ['https://a.example/1', 'https://b.example/2', 'https://c.example/3'];
    const signature = membersSignature(members);
    expect(membersSignature([...members].reverse())).toBe(signature);
    expect(membersSignature([...members, 'https://d.example/4'])).not.toBe(signature);
    expect(membersSignature(members.slice(1))).not.toBe(signature);
    expect(membersSignature([members[0], members[1], 'https://c.example/4'])).not.toBe(signature);
    // Joined differently, the same characters are other members.
    expect(membersSignature(['ab', 'c'])).not.toBe(membersSignature(['a', 'bc']));
  });

  it('gives a text a short, stable signature', () => {
    expect(textSignature('x'.repeat(100_000))).toMatch(/^[0-9a-z]+\.[0-9a-z]+$/);
    expect(textSignature('settings A')).toBe(textSignature('settings A'));
    expect(textSignature('settings A')).not.toBe(textSignature('settings B'));
  });
});
