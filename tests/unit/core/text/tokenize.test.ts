import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../../src/core/text/index';

describe('tokenize', () => {
  it('case-folds, drops stop words and folds plurals and possessives in English', () => {
    expect(tokenize("McDonald's sales dip as the shares of companies fall")).toEqual([
      'mcdonald',
      'sale',
      'dip',
      'share',
      'company',
      'fall',
    ]);
    expect(tokenize('launches launched launching hiked hikes')).toEqual(['launch', 'launch', 'launch', 'hike', 'hike']);
  });

  it('keeps numbers and acronyms that collide with stop words', () => {
    expect(tokenize('US stocks fall 2.5% as WHO warns')).toEqual(['us', 'stock', 'fall', '2.5', 'who', 'warn']);
    expect(tokenize('Talks in the U.S. stall')).toEqual(['talk', 'us', 'stall']);
  });

  it('folds accents of Latin letters and handles French elision and German sharp s', () => {
    expect(tokenize("L'économie française ralentit")).toEqual(['economie', 'francaise', 'ralentit']);
    expect(tokenize('Die Straße ist gesperrt')).toEqual(['strasse', 'gesperrt']);
    expect(tokenize('ÉCONOMIE')).toEqual(tokenize('economie'));
  });

  it('applies Unicode NFKC normalisation (full-width letters and digits)', () => {
    expect(tokenize('ＡＢＣ ２０２４')).toEqual(['abc', '2024']);
  });

  it('keeps a trademarked name the word it is, not glued to the sign', () => {
    // NFKC spells ™ and ℠ as letters ("TM", "SM"): a press release's "ALPROLIX™" would not meet "Alprolix".
    expect(tokenize('FDA approves ALPROLIX™ for children')).toEqual(tokenize('FDA approves Alprolix for children'));
    expect(tokenize('SkyMiles℠ and Kindle™ deals')).toEqual(['skymile', 'kindle', 'deal']);
  });

  it('segments Japanese and Chinese into words', () => {
    const japanese = tokenize('日本銀行が金融緩和を決定した', 'ja');
    expect(japanese).toContain('日本');
    expect(japanese).toContain('金融');
    expect(japanese).not.toContain('が');
    const chinese = tokenize('中国经济增长放缓', 'zh');
    expect(chinese).toContain('中国');
    expect(chinese).toContain('经济');
  });

  it('segments Thai into words', () => {
    const thai = tokenize('ธนาคารแห่งประเทศไทยลดดอกเบี้ย', 'th');
    expect(thai.length).toBeGreaterThan(2);
    expect(thai).toContain('ดอกเบี้ย');
  });

  it('keeps the marks of non-Latin scripts', () => {
    expect(tokenize('नमस्ते दुनिया')).toEqual(['नमस्ते', 'दुनिया']);
  });

  it('gives nothing for punctuation-only or empty text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' -- !! ... ')).toEqual([]);
  });
});
