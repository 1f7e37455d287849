import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serialiseOutlets } from '../../../../src/core/outlets/catalogue/build';
import { loadRegistry, registryOfShippedText, type Outlet } from '../../../../src/core/outlets/index';

describe('registryOfShippedText', () => {
  it('answers as the parsed catalogue does, for every outlet and host of the shipped file', () => {
    const parsed = loadRegistry();
    const fromText = registryOfShippedText(readFileSync('src/core/outlets/data/outlets.json', 'utf8'));
    expect(fromText.size).toBe(parsed.size);
    for (const outlet of parsed.all()) {
      expect(fromText.get(outlet.id)).toEqual(outlet);
      for (const host of [...outlet.domains, ...(outlet.aliases ?? [])])
        expect(fromText.resolve(`https://${host}/x`)?.id, host).toBe(outlet.id);
    }
    expect(fromText.matchPatterns()).toEqual(parsed.matchPatterns());
  });

  it('reads names with quotes and backslashes, and a line written in another key order', () => {
    const tricky: Outlet = {
      id: 'quoted',
      name: 'The "Daily" \\ Domains":[',
      domains: ['quoted.example'],
      aliases: ['q.example'],
      feeds: [],
    };
    const reordered = '{"name":"Reordered","id":"reordered","domains":["reordered.example"],"feeds":[]}';
    const text = serialiseOutlets([tricky]).replace('\n]\n', `,\n${reordered}\n]\n`);
    const registry = registryOfShippedText(text);
    expect(registry.resolve('https://www.q.example/')).toEqual(tricky);
    expect(registry.resolve('reordered.example')?.name).toBe('Reordered');
    expect(registry.withCustom([{ id: 'quoted', name: 'Mine', domains: ['mine.example'], feeds: [] }]).get('quoted')?.name).toBe('Mine');
  });
});
