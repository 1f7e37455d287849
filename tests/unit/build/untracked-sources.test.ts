import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { untrackedSourcePatterns } from '../../../src/build/untracked-sources';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-sources-'));
  dirs.push(dir);
  execFileSync('git', ['init', '-q'], { cwd: dir });
  return dir;
}

describe('the sources zip’s exclusions', () => {
  it('name every file and folder git does not track, ignored or not, and nothing tracked', () => {
    const dir = repo();
    mkdirSync(join(dir, 'src'));
    mkdirSync(join(dir, 'artifacts/run'), { recursive: true });
    writeFileSync(join(dir, '.gitignore'), 'artifacts/\n');
    writeFileSync(join(dir, 'src/kept.ts'), '');
    writeFileSync(join(dir, 'src/stray.ts'), '');
    writeFileSync(join(dir, 'src/[id].ts'), '');
    writeFileSync(join(dir, 'artifacts/run/shot.png'), '');
    execFileSync('git', ['add', '.gitignore', 'src/kept.ts'], { cwd: dir });
    expect(untrackedSourcePatterns(dir).sort()).toEqual(['artifacts/**', 'src/\\[id\\].ts', 'src/stray.ts']);
  });

  it('refuse to guess outside a git checkout', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-no-git-'));
    dirs.push(dir);
    expect(() => untrackedSourcePatterns(dir)).toThrow(/git-tracked files only/);
  });
});
