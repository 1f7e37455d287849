/**
 * A copy of the built extension whose manifest declares some sites as granted. Headless Chromium cannot
 * answer a permission prompt, so a site the reader would grant with a prompt is declared instead: the
 * browser then holds exactly the grant the prompt would give, and everything after it runs for real.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR } from '../../src/demo/browser';

export function grantedBuild(origins: readonly string[]): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'parallax-granted-')), 'chrome-mv3');
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...origins];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}
