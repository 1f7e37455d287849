/**
 * `npm run permissions`: what installing Parallax asks of the reader, measured in Chromium: the install
 * warnings Chrome shows, the article script's match patterns and the manifest's size, for the built
 * manifest and for the ways the same reach could be declared.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OutletRegistry, parseOutlets, serviceHostGlobs } from '../core/outlets/index';
import { EXTENSION_DIR, installWarnings, launchWithExtension } from '../demo/browser';

const HELP = `Usage: npm run --silent permissions -- [--outlets FILE] [--limit N] [--variants] [--load-times ROUNDS]

Prints one JSON line per manifest: its install warnings as Chromium words them, the article script's
match and exclude patterns, and the manifest's size in bytes. Needs a build (npm run build) and
Debian's Chromium.
  --outlets FILE  the article script's patterns computed from this outlet list (outlets.json format,
                  e.g. a bigger catalogue) instead of the built ones
  --limit N       only the first N outlet patterns (to chart a cost against their number)
  --variants      also the alternatives: patterns as required host permissions for runtime registration
                  (scripting.registerContentScripts), as optional host permissions, non-news hosts
                  excluded by exclude_matches instead of exclude_globs, and with the tabs permission
  --load-times R  also start Chromium R times with a copy of the build carrying each manifest, and give
                  the time from launch to the extension's worker running (median and every run)
`;

interface ContentScript {
  matches: string[];
  exclude_matches?: string[];
  exclude_globs?: string[];
  js?: string[];
}
interface Manifest {
  permissions: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts: ContentScript[];
}

const LOOPBACK = ['http://127.0.0.1/*', 'http://localhost/*'];

function fail(message: string): never {
  process.stderr.write(`permissions: ${message}\n`);
  process.exit(2);
}

/** The built manifest with the article script's outlet patterns replaced by `patterns`. */
function withPatterns(built: Manifest, patterns: string[]): Manifest {
  return {
    ...built,
    content_scripts: built.content_scripts.map((script) =>
      script.matches.includes(LOOPBACK[0]) ? { ...script, matches: [...LOOPBACK, ...patterns], exclude_globs: serviceHostGlobs() } : script,
    ),
  };
}

function outletPatterns(manifest: Manifest): string[] {
  return manifest.content_scripts.flatMap((script) => script.matches).filter((pattern) => !LOOPBACK.includes(pattern));
}

/** The same reach declared the other ways, for comparison. */
function variants(manifest: Manifest): Record<string, Manifest> {
  const patterns = outletPatterns(manifest);
  const loopbackScript = (script: ContentScript): ContentScript => ({ js: script.js, matches: [...LOOPBACK] });
  const labels = [...new Set(serviceHostGlobs().map((glob) => glob.replace(/^https?:\/\/|\.\*$/g, '')))];
  return {
    'dynamic-required-hosts': {
      ...manifest,
      host_permissions: [...LOOPBACK, ...patterns],
      content_scripts: manifest.content_scripts.map(loopbackScript),
    },
    'dynamic-optional-hosts': {
      ...manifest,
      optional_host_permissions: [...(manifest.optional_host_permissions ?? []), ...patterns],
      content_scripts: manifest.content_scripts.map(loopbackScript),
    },
    'static-exclude-matches': {
      ...manifest,
      content_scripts: manifest.content_scripts.map(({ exclude_globs: _globs, ...script }) => ({
        ...script,
        exclude_matches: patterns.flatMap((pattern) => labels.map((label) => pattern.replace('*://*.', `*://${label}.`))),
      })),
    },
    'static-with-tabs': { ...manifest, permissions: [...new Set([...manifest.permissions, 'tabs'])] },
  };
}

function summarize(name: string, manifest: Manifest, warnings: string[]) {
  const scripts = manifest.content_scripts;
  return {
    manifest: name,
    permissions: manifest.permissions,
    hostPermissions: manifest.host_permissions?.length ?? 0,
    optionalHostPermissions: manifest.optional_host_permissions?.length ?? 0,
    scriptMatches: scripts.reduce((sum, s) => sum + s.matches.length, 0),
    scriptExcludeMatches: scripts.reduce((sum, s) => sum + (s.exclude_matches?.length ?? 0), 0),
    scriptExcludeGlobs: scripts.reduce((sum, s) => sum + (s.exclude_globs?.length ?? 0), 0),
    manifestBytes: Buffer.byteLength(JSON.stringify(manifest)),
    warnings,
  };
}

/** Milliseconds from launching Chromium to the extension's worker running, with a copy of the build carrying `manifest`. */
async function loadTimes(manifest: Manifest, rounds: number): Promise<{ medianMs: number; runsMs: number[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-manifest-'));
  try {
    cpSync(EXTENSION_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    const runsMs: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const started = Date.now();
      const browser = await launchWithExtension({ headless: true, extensionDir: dir });
      runsMs.push(Date.now() - started);
      await browser.context.close();
    }
    return { medianMs: [...runsMs].sort((a, b) => a - b)[Math.floor(runsMs.length / 2)], runsMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(argv: string[]): Promise<void> {
  if (argv.includes('-h') || argv.includes('--help')) {
    process.stdout.write(HELP);
    return;
  }
  let outletsFile: string | null = null;
  let limit = Number.POSITIVE_INFINITY;
  let withVariants = false;
  let rounds = 0;
  const count = (flag: string, value: string | undefined) =>
    value !== undefined && /^\d+$/.test(value) ? Number(value) : fail(`${flag} needs a whole number`);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--outlets') outletsFile = argv[++i] ?? fail('--outlets needs a file');
    else if (argv[i] === '--limit') limit = count('--limit', argv[++i]);
    else if (argv[i] === '--variants') withVariants = true;
    else if (argv[i] === '--load-times') rounds = count('--load-times', argv[++i]);
    else fail(`unexpected argument ${argv[i]} (see --help)`);
  }
  let built: Manifest;
  try {
    built = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    fail(`no built extension in ${EXTENSION_DIR}: run \`npm run build\` first`);
  }
  let name = 'built';
  let manifest = built;
  if (outletsFile !== null) {
    let outlets: ReturnType<typeof parseOutlets>;
    try {
      outlets = parseOutlets(JSON.parse(readFileSync(outletsFile, 'utf8')));
    } catch (error) {
      fail(`${outletsFile}: ${error instanceof Error ? error.message : String(error)}`);
    }
    manifest = withPatterns(built, new OutletRegistry(outlets).matchPatterns());
    name = `outlets:${outlets.length}`;
  }
  if (Number.isFinite(limit)) {
    manifest = withPatterns(built, outletPatterns(manifest).slice(0, limit));
    name += `, first ${limit} patterns`;
  }
  const manifests: Record<string, Manifest> = { [`static (${name})`]: manifest, ...(withVariants ? variants(manifest) : {}) };
  const summaries: ReturnType<typeof summarize>[] = [];
  const browser = await launchWithExtension({ headless: true });
  try {
    for (const [variant, m] of Object.entries(manifests)) summaries.push(summarize(variant, m, await installWarnings(browser, m)));
  } finally {
    await browser.context.close();
  }
  // One Chromium at a time: the timings are taken after the warnings' browser has closed.
  for (const [index, m] of Object.values(manifests).entries()) {
    const summary = summaries[index];
    console.log(JSON.stringify(rounds > 0 ? { ...summary, launchToWorker: await loadTimes(m, rounds) } : summary));
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`permissions: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
