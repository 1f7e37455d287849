/**
 * Saved-page folders for the evaluations: a pages-dev style folder (`<id>.html.gz` plus `truth.jsonl`
 * with each page's URL) and plain folders of `.html` / `.html.gz` files. Node-only.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from './jsonl';

export interface TruthLine {
  id: string;
  url: string;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** `truth.jsonl` of a pages folder: one `{"id", "url"}` per page; throws an InputError naming file and line. */
export function readTruth(dir: string): TruthLine[] {
  const path = join(dir, 'truth.jsonl');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(`${path}: cannot read: ${message(error)}`);
  }
  const lines: TruthLine[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new InputError(`${path}:${index + 1}: invalid JSON`);
    }
    if (
      typeof parsed !== 'object' ||
      parsed === null ||
      !('id' in parsed) ||
      !('url' in parsed) ||
      typeof parsed.id !== 'string' ||
      typeof parsed.url !== 'string'
    ) {
      throw new InputError(`${path}:${index + 1}: expected {"id": string, "url": string}`);
    }
    lines.push({ id: parsed.id, url: parsed.url });
  });
  return lines;
}

/** The saved page of a truth line. */
export function truthPageFile(dir: string, line: TruthLine): string {
  return join(dir, `${line.id}.html.gz`);
}

/** The `.html` and `.html.gz` files of a folder, sorted; throws an InputError when it cannot be listed. */
export function htmlFilesIn(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith('.html') || name.endsWith('.html.gz'))
      .sort()
      .map((name) => join(dir, name));
  } catch (error) {
    throw new InputError(`${dir}: cannot list: ${message(error)}`);
  }
}
