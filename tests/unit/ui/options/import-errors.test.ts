import { describe, expect, it } from 'vitest';
import { IndexFileError } from '../../../../src/background/index-transfer';
import { importErrorLines } from '../../../../src/ui/options/import-errors';

describe('index import errors on the page', () => {
  it('lists each row the worker named, and how many more there are', () => {
    const rows = Array.from({ length: 7 }, (_, i) => `articles[${i}].published: expected a number`);
    expect(importErrorLines(new IndexFileError(rows).message)).toEqual({ lines: rows.slice(0, 5), more: 2 });
  });

  it('keeps any other message whole', () => {
    expect(importErrorLines('Parallax’s background worker did not answer.')).toEqual({
      lines: ['Parallax’s background worker did not answer.'],
      more: 0,
    });
    expect(importErrorLines(new IndexFileError(['file: not valid JSON (Unexpected token)']).message)).toEqual({
      lines: ['file: not valid JSON (Unexpected token)'],
      more: 0,
    });
  });
});
