import { describe, expect, it } from 'vitest';
import { extractPhrases, isPhraseKey } from '../../../../src/core/text/index';

const names = (text: string, lang?: string) => extractPhrases(text, lang).names.map((phrase) => phrase.key);
const pairs = (text: string) => extractPhrases(text).pairs.map((phrase) => phrase.key);

describe('extractPhrases', () => {
  it('makes capitalised multiword names terms of their own in sentence-case headlines', () => {
    expect(names('Brazil prepares for World Cup as protests grow')).toEqual(['world cup']);
    expect(names("NASA's New Horizons probe nears Pluto")).toEqual(['new horizon']);
    expect(names('Bank of America settles with US over mortgages')).toEqual(['bank of america']);
    expect(names('Apple unveils iPhone 6 and Apple Watch')).toEqual(['iphone 6', 'apple watch']);
  });

  it('treats quoted titles as names, whatever their case', () => {
    expect(names("'Fed Up' sums up obesity epidemic in one word: sugar")).toEqual(['fed up']);
    expect(names('Documentary “fed up” takes on the sugar industry')).toEqual(['fed up']);
    expect(names('Erdogan wants to "wipe out" Twitter')).toEqual(['wipe out']);
  });

  it('ends a name at a possessive and shows it without the ending', () => {
    const phrases = extractPhrases("Katie Couric's Fed Up documentary takes on sugar").names;
    expect(phrases.map((phrase) => phrase.key)).toEqual(['katie couric', 'fed up']);
    expect(phrases[0].surface).toBe('Katie Couric');
  });

  it('finds no names in Title Case or all-capitals headlines, only pairs to look up', () => {
    expect(names('Samsung Galaxy S5 Zoom Specs Leak Online')).toEqual([]);
    expect(pairs('Samsung Galaxy S5 Zoom Specs Leak Online')).toContain('samsung galaxy');
    expect(names('WORLD CUP FEVER GRIPS BRAZIL')).toEqual([]);
    expect(pairs('WORLD CUP FEVER GRIPS BRAZIL')).toContain('world cup');
  });

  it('does not take a lower-case common phrase for a name, but offers it as a pair', () => {
    expect(names('Vessyl smart cup tracks what you drink')).toEqual([]);
    expect(pairs('Vessyl smart cup tracks what you drink')).toContain('smart cup');
    // Pairs never start with a stop word nor end in a lower-case one.
    expect(pairs('Shares fall in the morning')).not.toContain('fall in');
  });

  it('works in other cased scripts: Cyrillic, Greek, French with accents', () => {
    expect(names('Вчера президент Владимир Путин посетил Крым')).toEqual(['владимир путин']);
    expect(names('Ο Κυριάκος Μητσοτάκης συνάντησε τον πρόεδρο')).toEqual(['κυριάκος μητσοτάκης']);
    expect(names('Le président François Hollande visite la Banque de France')).toEqual(['francois hollande', 'banque de france']);
  });

  it('uses quotation marks, not case, in scripts without case', () => {
    expect(names('電影《流浪地球》票房破紀錄', 'zh')).toHaveLength(1);
    expect(names('映画『君の名は。』が公開', 'ja')).toHaveLength(1);
    expect(names('«Игра престолов» получила премию')).toEqual(['игра престолов']);
    expect(names('فيلم جديد عن كأس العالم')).toEqual([]);
    expect(names('अमित शाह ने कहा')).toEqual([]);
  });

  it('keeps Latin names inside an unspaced script', () => {
    expect(names('アップル、Apple Watchを発表', 'ja')).toEqual(['apple watch']);
  });

  it('tells phrase keys from word keys', () => {
    for (const phrase of [...extractPhrases('Film «Fed Up» and 《流浪地球》 at Cannes Film Festival').names]) {
      expect(isPhraseKey(phrase.key)).toBe(true);
    }
    expect(isPhraseKey('fed')).toBe(false);
    expect(isPhraseKey('流浪')).toBe(false);
  });
});
