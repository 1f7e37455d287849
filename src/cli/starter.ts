/**
 * `npm run starter`: the first run's starter set of each edition, as the welcome page offers it, from the
 * shipped catalogue and ratings: its size, outlets, balance and, with --feeds, the feeds themselves.
 */
import { loadRegistry } from '../core/outlets/index';
import { foldLean, ratingFor } from '../core/ratings/index';
import { STARTER_TOPIC_IDS, starterEditions, starterSet, type StarterTopic } from '../core/starter-set/index';

const HELP = `Usage: npm run --silent starter -- [EDITION...] [--topics a,b] [--feeds]

Prints one JSON line per edition (ISO country code; default: every edition the welcome page lists):
feeds, outlets, the Left / Center / Right feed counts and shares of the rated feeds, unrated feeds,
whether the set is balanced (each side 25-40 %) and, when not, the sides that are short.
  --topics a,b  topics the reader ticked (${STARTER_TOPIC_IDS.join(', ')})
  --feeds       also list each feed: outlet, section, side, URL
`;

function main(argv: string[]): void {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(HELP);
    return;
  }
  const topicsAt = argv.indexOf('--topics');
  const topics = (topicsAt >= 0 ? (argv[topicsAt + 1] ?? '').split(',') : []).filter((t) => t !== '');
  const unknown = topics.filter((t) => !(STARTER_TOPIC_IDS as string[]).includes(t));
  if (unknown.length > 0) {
    process.stderr.write(`starter: unknown topic ${unknown.join(', ')}\n${HELP}`);
    process.exit(2);
  }
  const outlets = loadRegistry().all();
  const sideOf = (id: string) => {
    const found = ratingFor(id);
    return found ? foldLean(found.rating.lean) : null;
  };
  const named = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--topics').map((a) => a.toUpperCase());
  const editions = named.length > 0 ? named : starterEditions(outlets).map((e) => e.country);
  for (const edition of editions) {
    const set = starterSet(outlets, sideOf, edition, { topics: topics as StarterTopic[] });
    const rated = set.counts.L + set.counts.C + set.counts.R;
    const share = (n: number) => (rated === 0 ? 0 : Math.round((1000 * n) / rated) / 10);
    const line = {
      edition,
      feeds: set.feeds.length,
      outlets: set.outlets,
      counts: set.counts,
      sharesPercent: { L: share(set.counts.L), C: share(set.counts.C), R: share(set.counts.R) },
      balanced: set.balanced,
      ...(set.balanced ? {} : { shortSides: set.shortSides }),
      ...(argv.includes('--feeds') ? { feeds: set.feeds.map((f) => [f.outletId, f.section, f.side, f.url]) } : {}),
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
}

main(process.argv.slice(2));
