import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../src/cli/lib/jsonl';
import { htmlFilesIn, readTruth, truthPageFile } from '../../../../src/cli/lib/pages-dir';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-pages-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('pages folders', () => {
  it('reads truth.jsonl lines and names each page’s file', () => {
    const dir = folder({ 'truth.jsonl': '{"id":"a1","url":"https://www.cnn.com/x","extra":1}\n\n{"id":"b2","url":"https://bbc.com/y"}\n' });
    const truth = readTruth(dir);
    expect(truth).toEqual([
      { id: 'a1', url: 'https://www.cnn.com/x' },
      { id: 'b2', url: 'https://bbc.com/y' },
    ]);
    expect(truthPageFile(dir, truth[0])).toBe(join(dir, 'a1.html.gz'));
  });

  it('names the file and line of a bad truth line', () => {
    const dir = folder({ 'truth.jsonl': '{"id":"a1","url":"https://x.example/"}\n{"id":3}\n' });
    expect(() => readTruth(dir)).toThrow(InputError);
    expect(() => readTruth(dir)).toThrow(/truth\.jsonl:2: expected/);
    expect(() => readTruth(join(dir, 'missing'))).toThrow(/cannot read/);
  });

  it('lists the .html and .html.gz files of a folder, sorted', () => {
    const dir = folder({ 'b.html': '', 'a.html.gz': '', 'notes.txt': '' });
    expect(htmlFilesIn(dir)).toEqual([join(dir, 'a.html.gz'), join(dir, 'b.html')]);
  });
});
