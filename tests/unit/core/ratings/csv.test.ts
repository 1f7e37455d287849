import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../../src/core/ratings/csv';

describe('readCsv', () => {
  it("reads quoted fields with commas, doubled quotes and line breaks, and keeps each record's first line", () => {
    const result = readCsv('\uFEFFoutlet,note\r\ncnn,"a, b"\r\n"fox-news","say ""hi""\nthen more"\n\nbbc-news,\n');
    expect(result).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ['outlet', 'note'] },
        { line: 2, fields: ['cnn', 'a, b'] },
        { line: 3, fields: ['fox-news', 'say "hi"\nthen more'] },
        { line: 6, fields: ['bbc-news', ''] },
      ],
    });
  });

  it('reads a last record without a final line break', () => {
    expect(readCsv('a,b\nc,d')).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['c', 'd'] },
      ],
    });
  });

  it('names the line of a malformed quote', () => {
    expect(readCsv('a,b\nc,d"e\n')).toEqual({ ok: false, line: 2, message: expect.stringMatching(/quote inside an unquoted field/) });
    expect(readCsv('a,b\n"c"x,d\n')).toEqual({ ok: false, line: 2, message: expect.stringMatching(/after a closing quote/) });
    expect(readCsv('a,b\nc,"d\n\n')).toEqual({ ok: false, line: 2, message: expect.stringMatching(/never closed/) });
  });
});
