/** Validation issues in the words of a reader of the file: "articles[42].published: expected a number". */
import type { z } from 'zod';

/** `articles[42].published` from a Zod path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? 'file' : out;
}

export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  return typeof value === 'object' ? 'an object' : `${typeof value}`;
}

const A_OR_AN = (word: string) => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);

/** One issue as "path: what was expected" — in the words a reader of the file understands. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const where = formatPath(issue.path);
  if (issue.code === 'invalid_type') {
    const received = 'input' in issue ? `, received ${typeName(issue.input)}` : '';
    const missing = 'input' in issue && issue.input === undefined;
    return missing ? `${where}: missing (expected ${A_OR_AN(issue.expected)})` : `${where}: expected ${A_OR_AN(issue.expected)}${received}`;
  }
  return `${where}: ${issue.message.replace(/^Invalid input: /, '')}`;
}
