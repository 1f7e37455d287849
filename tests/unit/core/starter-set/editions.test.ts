import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../../../src/core/outlets';
import { preselectEdition, sectionRank, SECTION_RANK, starterEditions, type EditionSummary } from '../../../../src/core/starter-set';

const edition = (country: string, lang: string): EditionSummary => ({ country, lang, feeds: 80, outlets: 60 });
const EDITIONS = [edition('US', 'en'), edition('DE', 'de'), edition('GB', 'en'), edition('AT', 'de')];

describe('preselectEdition', () => {
  it('takes the region of the browser’s language when it is an edition', () => {
    expect(preselectEdition(['en-GB', 'en'], EDITIONS)).toBe('GB');
    expect(preselectEdition(['de-AT'], EDITIONS)).toBe('AT');
  });

  it('else the first edition in that language, else the first edition', () => {
    expect(preselectEdition(['de-CH'], EDITIONS)).toBe('DE');
    expect(preselectEdition(['ja-JP', 'fr'], EDITIONS)).toBe('US');
    expect(preselectEdition([], [])).toBeNull();
  });
});

describe('sectionRank', () => {
  it('ranks front pages, then desks, then topics, then local editions', () => {
    expect(sectionRank('Top stories', 'US')).toBe(SECTION_RANK.general);
    expect(sectionRank('UK', 'GB')).toBe(SECTION_RANK.general);
    expect(sectionRank('Startseite', 'DE')).toBe(SECTION_RANK.general);
    expect(sectionRank('Homelessness', 'US')).toBe(SECTION_RANK.topic);
    expect(sectionRank('World', 'US')).toBe(SECTION_RANK.desk);
    expect(sectionRank('Climate Change', 'US')).toBe(SECTION_RANK.topic);
    expect(sectionRank('Climate Change', 'US', ['science'])).toBe(SECTION_RANK.desk);
    expect(sectionRank('USA | Boston', 'US')).toBe(SECTION_RANK.local);
    expect(sectionRank('North Carolina', 'US')).toBe(SECTION_RANK.topic);
  });
});

describe('starterEditions', () => {
  it('lists the shipped catalogue’s editions of at least 40 feeds, with their main language', () => {
    const editions = starterEditions(loadRegistry().all());
    expect(editions.length).toBeGreaterThanOrEqual(10);
    expect(editions.every((e) => e.feeds >= 40)).toBe(true);
    expect(editions.find((e) => e.country === 'US')).toMatchObject({ lang: 'en' });
    expect(editions.find((e) => e.country === 'DE')).toMatchObject({ lang: 'de' });
  });
});
