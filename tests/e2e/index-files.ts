/** Index files for the E2E tests, built as Parallax writes them. */
import { buildIndexFile, type IndexFileFeed } from '../../src/core/index-file/index';
import { DEFAULT_PREFERENCES, type Preferences } from '../../src/core/preferences';

export interface FileSpec {
  /** Articles, each on its own page of `host`. */
  articles: number;
  /** Makes ids distinct between files. */
  prefix?: string;
  /** Characters of description per article (to make the file larger). */
  description?: number;
  feeds?: IndexFileFeed[];
  preferences?: Partial<Preferences>;
}

export function indexFileText(spec: FileSpec): string {
  const now = Date.now();
  const prefix = spec.prefix ?? 'a';
  return JSON.stringify(
    buildIndexFile({
      exportedAt: now,
      generator: 'Parallax extension',
      preferences: { ...DEFAULT_PREFERENCES, retentionDays: 365, ...spec.preferences },
      feeds: spec.feeds ?? [],
      articles: Array.from({ length: spec.articles }, (_, i) => {
        const host = `www.outlet${i % 40}.example.com`;
        const id = `https://${host}/${prefix}/${i}/minister-${i % 300}-talks`;
        const description = spec.description
          ? `Talks on topic ${i % 700} went on. `.repeat(Math.ceil(spec.description / 32)).slice(0, spec.description)
          : undefined;
        return {
          id,
          url: id,
          title: `Minister ${i % 300} says talks on topic ${i % 700} continue in city ${i % 40}`,
          ...(description ? { description } : {}),
          host,
          published: now - 3_600_000 - i * 30_000,
        };
      }),
    }),
  );
}
