/** The import's reader: an index file read in pieces gives what the whole-file check gives, row by row. */
import { describe, expect, it } from 'vitest';
import { IndexFileError, IndexFileReader, validateIndexFile, type IndexFileRead } from '../../../../src/core/index-file/index';
import { sampleFile } from '../../support/index-file';

/** Reads `text` in pieces of `size` characters. */
function readInPieces(text: string, size: number, maxArticles?: number): IndexFileRead {
  const reader = new IndexFileReader({ maxArticles });
  for (let i = 0; i < text.length; i += size) reader.push(text.slice(i, i + size));
  return reader.finish();
}

function errorsOf(read: () => unknown): string[] {
  try {
    read();
  } catch (error) {
    if (error instanceof IndexFileError) return error.errors;
    throw error;
  }
  throw new Error('the file was accepted');
}

const tricky = {
  ...sampleFile(4),
  articles: sampleFile(4).articles.map((a, i) => ({
    ...a,
    title: ['He said \\"no\\" {[', 'back\\\\slash\\\\', 'quote " and \\ mixed "}]', 'ünïcödé — 東京 🚀'][i],
    description: '\\\\\\"',
  })),
};

describe('reading an index file in pieces', () => {
  it('gives the same rows whatever the size of the pieces, strings with quotes and backslashes included', () => {
    const text = JSON.stringify(tricky, null, 1);
    const whole = readInPieces(text, text.length);
    expect(whole.articles).toEqual(tricky.articles);
    expect(whole.feeds).toEqual(tricky.feeds);
    expect(whole.preferences).toEqual(tricky.preferences);
    for (const size of [1, 2, 3, 7, 64, 1000]) expect(readInPieces(text, size), `pieces of ${size}`).toEqual(whole);
  });

  it('names the same rows as the whole-file check', () => {
    const file = JSON.parse(JSON.stringify(sampleFile(50)));
    delete file.articles[3].title;
    file.articles[7].id = 'javascript:alert(1)';
    file.articles[42].published = 'yesterday';
    file.articles[10] = 0;
    file.articles[11] = null;
    file.feeds[0].enabled = 'yes';
    file.preferences = { retentionDays: 0 };
    const whole = validateIndexFile(file);
    if (whole.ok) throw new Error('accepted');
    expect(errorsOf(() => readInPieces(JSON.stringify(file), 100))).toEqual(whole.errors);
  });

  it('refuses at once a file that is not an index file, or of another version', () => {
    expect(errorsOf(() => new IndexFileReader().push('{"format": "other", "articles": ['))).toEqual([
      'format: expected "parallax-index" (not a Parallax index file)',
    ]);
    expect(errorsOf(() => new IndexFileReader().push('{"format":"parallax-index","version":2,'))[0]).toMatch(
      /^version: expected 1, received 2/,
    );
    expect(errorsOf(() => new IndexFileReader().push('[1, 2]'))[0]).toMatch(
      /^file: expected a JSON object, found "\[" \(not a Parallax index file\)/,
    );
    expect(errorsOf(() => readInPieces('{"version": 1}', 5))).toEqual(['format: expected "parallax-index" (not a Parallax index file)']);
  });

  it('refuses broken JSON with where it broke, and a file that ends early', () => {
    const text = JSON.stringify(sampleFile(3));
    expect(errorsOf(() => readInPieces(text.replace('"articles":[', '"articles":[{}}'), 50))[0]).toMatch(
      /^file: not valid JSON \(expected "," or "\]", found "}" at character \d+\)$/,
    );
    expect(errorsOf(() => readInPieces(text.replace('"title":"Article 1"', '"title":"Article 1",,'), 50))[0]).toMatch(
      /^articles\[1\]: not valid JSON \(/,
    );
    expect(errorsOf(() => readInPieces(text.slice(0, -1), 50))).toEqual(['file: not valid JSON (the file ends too early)']);
    expect(errorsOf(() => readInPieces(`${text} x`, 50))[0]).toMatch(/text after the end of the file/);
    expect(errorsOf(() => readInPieces(text.replace('"feeds":', '"articles":[],"feeds":'), 50))).toEqual([
      'articles: appears twice in the file',
    ]);
  });

  it('refuses a file with more articles than the index keeps before reading the rest', () => {
    const text = JSON.stringify(sampleFile(30));
    const reader = new IndexFileReader({ maxArticles: 20 });
    expect(errorsOf(() => reader.push(text))).toEqual([
      "articles: more than 20 articles; Parallax's index keeps at most 20, so this file cannot be imported",
    ]);
    expect(readInPieces(text, 1000, 30).articles).toHaveLength(30);
  });

  it('leaves out feeds on this machine or its local network, and says which', () => {
    const file = sampleFile(1);
    const local = ['http://127.0.0.1:8080/rss', 'http://192.168.1.1/feed', 'https://printer.local/feed', 'http://[::1]/rss'];
    const text = JSON.stringify({ ...file, feeds: [...file.feeds, ...local.map((url) => ({ ...file.feeds[0], url }))] });
    const read = readInPieces(text, 33);
    expect(read.feeds).toEqual(file.feeds);
    expect(read.leftOut).toEqual([
      'http://127.0.0.1:8080/rss',
      'http://192.168.1.1/feed',
      'https://printer.local/feed',
      'http://[::1]/rss',
    ]);
  });

  it('accepts empty lists and ignores members it does not know', () => {
    const file = { ...sampleFile(0), feeds: [], note: { nested: ['x'] } };
    const read = readInPieces(JSON.stringify(file), 4);
    expect(read.articles).toEqual([]);
    expect(read.feeds).toEqual([]);
  });

  it('refuses a row far larger than any valid one without holding it whole', () => {
    const file = sampleFile(1);
    const huge = JSON.stringify({ ...file, articles: [{ ...file.articles[0], title: 'x'.repeat(300_000) }] });
    expect(errorsOf(() => readInPieces(huge, 65_536))[0]).toMatch(/^articles\[0\]: larger than 262,144 characters/);
  });
});

describe('URL checks of repeated values', () => {
  it('still refuse an empty or bad URL right after a valid one', () => {
    const file = JSON.parse(JSON.stringify(sampleFile(4)));
    file.articles[1].id = '';
    file.articles[1].url = '';
    file.articles[2].feedUrl = 'ftp://x';
    file.articles[3].url = file.articles[2].id;
    const whole = validateIndexFile(file);
    if (whole.ok) throw new Error('accepted');
    expect(whole.errors).toEqual([
      'articles[1].id: expected a canonical http(s) URL (as canonicalizeUrl gives)',
      'articles[1].url: expected an absolute http(s) URL',
      'articles[2].feedUrl: expected an absolute http(s) URL',
    ]);
    expect(errorsOf(() => readInPieces(JSON.stringify(file), 50))).toEqual(whole.errors);
  });
});
