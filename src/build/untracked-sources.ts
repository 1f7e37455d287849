/**
 * What the sources zip must leave out: every file and folder git does not track (ignored or untracked,
 * such as test artifacts, scratch files and local builds), as exclude patterns for WXT's `zip.excludeSources`.
 * The stores' reviewers rebuild from that zip; it holds the project's sources and nothing else.
 */
import { execFileSync } from 'node:child_process';

const GLOB_SPECIAL = /[*?[\]{}()!+@\\]/g;

/** Exclude patterns (relative to `root`) for everything under it that git does not track. Throws outside a git checkout. */
export function untrackedSourcePatterns(root: string): string[] {
  let listing: string;
  try {
    listing = execFileSync('git', ['ls-files', '--others', '--directory', '-z'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    throw new Error(`the sources zip ships git-tracked files only, and git could not list them in ${root}: ${(error as Error).message}`);
  }
  return listing
    .split('\0')
    .filter((path) => path !== '')
    .map((path) => {
      const literal = path.replace(GLOB_SPECIAL, '\\$&');
      // A folder git does not track at all is listed once, with a trailing slash.
      return literal.endsWith('/') ? `${literal}**` : literal;
    });
}
