/** The extractive summary: central sentences, not repeating each other, from more than one side, deterministic. */
import { describe, expect, it } from 'vitest';
import { extractSummary, splitSentences, type SummarySource } from '../../../../src/core/story-page';
import type { LeanSide } from '../../../../src/core/types';

function source(id: string, side: LeanSide | null, description: string | undefined, minutes = 0): SummarySource {
  return {
    articleId: id,
    url: `https://${id}.example/story`,
    outletName: id.toUpperCase(),
    side,
    published: Date.UTC(2026, 0, 16) + minutes * 60_000,
    description,
  };
}

const MISSILES = [
  source(
    'left1',
    'L',
    'Japan and the United States agreed to expand joint production of missiles and military drills in southwest Japan. The talks took place in Washington.',
    0,
  ),
  source('left2', 'L', 'Japan and the United States agreed to expand joint production of missiles and drills in southwest Japan.', 5),
  source(
    'center',
    'C',
    'Defense chiefs of both countries pledged deeper cooperation on missile production as China steps up military pressure.',
    10,
  ),
  source('right', 'R', 'Hegseth said joint missile production with Japan would deter China and strengthen deterrence in the Pacific.', 15),
  source('offtopic', 'L', 'Subscribe to our newsletter for the latest headlines delivered daily to your inbox.', 20),
  source('none', 'C', undefined, 25),
];

describe('extractSummary', () => {
  it('takes the most central sentence first, links each sentence to its article, and skips what is off the story', () => {
    const summary = extractSummary(MISSILES);
    expect(summary.length).toBeGreaterThanOrEqual(2);
    expect(summary.length).toBeLessThanOrEqual(3);
    expect(summary[0].text).toContain('agreed to expand joint production of missiles');
    for (const s of summary) {
      const from = MISSILES.find((m) => m.articleId === s.articleId)!;
      expect(from.description).toContain(s.text);
      expect(s.url).toBe(from.url);
      expect(s.outletName).toBe(from.outletName);
    }
    expect(summary.map((s) => s.articleId)).not.toContain('offtopic');
  });

  it('does not repeat itself: a near copy of a chosen sentence is left out', () => {
    const ids = extractSummary(MISSILES).map((s) => s.articleId);
    expect(ids.filter((id) => id === 'left1' || id === 'left2')).toHaveLength(1);
  });

  it('draws from more than one side when the coverage has more than one', () => {
    const sides = new Set(extractSummary(MISSILES).map((s) => s.side));
    expect(sides.size).toBeGreaterThan(1);
    // Even when one side wrote most of the central sentences.
    const leftHeavy = [
      ...MISSILES.slice(0, 2),
      source('left3', 'L', 'Japan and America agreed on Friday to expand joint production of missiles in Japan.', 1),
      MISSILES[3],
    ];
    const [first, second] = extractSummary(leftHeavy);
    expect(first.side).toBe('L');
    expect(second.side).toBe('R');
  });

  it('is deterministic: the same sentences whatever the order of the coverage', () => {
    const once = extractSummary(MISSILES);
    expect(extractSummary([...MISSILES].reverse())).toEqual(once);
    expect(extractSummary([MISSILES[3], MISSILES[0], MISSILES[2], MISSILES[1]])).toEqual(once);
  });

  it('works in scripts without spaces between words, and in right-to-left scripts', () => {
    const japanese = extractSummary([
      source('ja1', 'C', '日本と米国はミサイルの共同生産を拡大することで合意した。防衛相がワシントンで会談した。'),
      source('ja2', 'L', '日米の防衛相はミサイルの共同生産と南西諸島での共同訓練の拡大で合意した。'),
    ]);
    expect(japanese.length).toBeGreaterThan(0);
    expect(japanese[0].text).toMatch(/ミサイルの共同生産/);
    const arabic = extractSummary([
      source('ar1', 'C', 'اتفقت اليابان والولايات المتحدة على توسيع الإنتاج المشترك للصواريخ والتدريبات العسكرية.'),
      source('ar2', 'L', 'وزيرا الدفاع في اليابان والولايات المتحدة يتفقان على توسيع الإنتاج المشترك للصواريخ في واشنطن.'),
    ]);
    expect(arabic.length).toBeGreaterThan(0);
    expect(arabic[0].text).toContain('الإنتاج المشترك للصواريخ');
  });

  it('is empty when no outlet gave a usable description', () => {
    expect(extractSummary([source('a', 'L', undefined), source('b', 'R', 'Watch the video.')])).toEqual([]);
  });
});

describe('splitSentences', () => {
  it('drops feed furniture ("The post … appeared first on …", "Read more")', () => {
    expect(splitSentences('Storm hits Texas. Thousands lose power. The post Storm hits appeared first on Example News.')).toEqual([
      'Storm hits Texas.',
      'Thousands lose power.',
    ]);
    expect(splitSentences('Storm hits Texas. Read more at example.com')).toEqual(['Storm hits Texas.']);
  });

  it('keeps trademark signs as written, and normalises other compatibility characters', () => {
    expect(splitSentences('The FDA approves ALPROLIX™ for adults. Its maker, ﬁrst to market℠, is pleased.')).toEqual([
      'The FDA approves ALPROLIX™ for adults.',
      'Its maker, first to market℠, is pleased.',
    ]);
  });
});
