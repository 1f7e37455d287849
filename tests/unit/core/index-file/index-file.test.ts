import { describe, expect, it } from 'vitest';
import { readIndexFileText, validateIndexFile } from '../../../../src/core/index-file/index';
import { sampleFile } from '../../support/index-file';

const mutated = (
  change: (file: Record<string, unknown> & { articles: Record<string, unknown>[]; feeds: Record<string, unknown>[] }) => void,
) => {
  const file = JSON.parse(JSON.stringify(sampleFile(50))) as Record<string, unknown> & {
    articles: Record<string, unknown>[];
    feeds: Record<string, unknown>[];
  };
  change(file);
  return file;
};

describe('index file', () => {
  it('is a versioned JSON document that validates after a JSON round trip', () => {
    const file = sampleFile();
    expect(file).toMatchObject({ format: 'parallax-index', version: 1, exportedAt: '2026-11-20T12:00:00.000Z' });
    const read = readIndexFileText(JSON.stringify(file));
    expect(read).toEqual({ ok: true, file });
  });

  it('names the row and the field of an invalid article', () => {
    const result = validateIndexFile(mutated((f) => (f.articles[42].published = 'yesterday')));
    expect(result).toEqual({ ok: false, errors: ['articles[42].published: expected a number, received string'] });
  });

  it('reports missing fields, bad URLs and bad feed rows with their paths', () => {
    const result = validateIndexFile(
      mutated((f) => {
        delete f.articles[3].title;
        f.articles[7].id = 'javascript:alert(1)';
        f.feeds[0].enabled = 'yes';
      }),
    );
    if (result.ok) throw new Error('accepted an invalid file');
    expect(result.errors).toEqual([
      'feeds[0].enabled: expected a boolean, received string',
      'articles[3].title: missing (expected a string)',
      'articles[7].id: expected a canonical http(s) URL (as canonicalizeUrl gives)',
    ]);
  });

  it('refuses another format or version with one clear error', () => {
    expect(validateIndexFile({ format: 'something', version: 1 })).toEqual({
      ok: false,
      errors: ['format: expected "parallax-index" (not a Parallax index file)'],
    });
    const v2 = validateIndexFile({ ...sampleFile(), version: 2 });
    expect(v2.ok).toBe(false);
    if (!v2.ok) expect(v2.errors[0]).toMatch(/^version: expected 1, received 2/);
    expect(readIndexFileText('{"format":').ok).toBe(false);
  });

  it('validates preferences and refuses duplicate feed URLs', () => {
    const result = validateIndexFile(
      mutated((f) => {
        f.preferences = { retentionDays: 0 };
        f.feeds.push({ ...f.feeds[0] });
      }),
    );
    if (result.ok) throw new Error('accepted an invalid file');
    expect(result.errors.some((e) => e.startsWith('preferences.retentionDays: '))).toBe(true);
    expect(result.errors).toContain('feeds[1].url: duplicate feed URL (also feeds[0])');
  });

  it('bounds the number of errors listed', () => {
    const result = validateIndexFile(
      mutated((f) =>
        f.articles.forEach((a) => {
          a.published = null;
        }),
      ),
      5,
    );
    if (result.ok) throw new Error('accepted an invalid file');
    expect(result.errors).toHaveLength(6);
    expect(result.errors[5]).toBe('… and 45 more');
  });
});
