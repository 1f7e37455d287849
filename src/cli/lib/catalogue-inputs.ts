/**
 * The files the outlet catalogue is built from and written to: the hand-kept outlets in the
 * repository, the source datasets in ../shared/data beside it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readAllSides2019, readAllSidesRows } from '../../core/outlets/catalogue/allsides';
import type { CatalogueInputs } from '../../core/outlets/catalogue/build';
import { readKiteFeeds } from '../../core/outlets/catalogue/kite-feeds';
import { readKiteMedia } from '../../core/outlets/catalogue/kite-media';
import { parseOutlets } from '../../core/outlets/index';

const REPOSITORY = fileURLToPath(new URL('../../../', import.meta.url));

export const CATALOGUE_FILES = {
  curated: join(REPOSITORY, 'src/core/outlets/data/curated.json'),
  outlets: join(REPOSITORY, 'src/core/outlets/data/outlets.json'),
  ratings: join(REPOSITORY, 'src/core/ratings/data/allsides.json'),
};

/** ../shared/data beside the repository, where CI and the team keep the source datasets. */
export const DEFAULT_DATA_DIR = join(REPOSITORY, '../shared/data');

/** Paths of the source datasets under a data folder. */
export function datasetPaths(dataDir: string) {
  return {
    allsides: join(dataDir, 'ratings/allsides-2020-opinionated/allsides_data.json'),
    allsides2019: join(dataDir, 'ratings/allsides-2019-allsider/allsides_data.csv'),
    media: join(dataDir, 'kite/media_data.json'),
    feeds: join(dataDir, 'kite/kite_feeds.json'),
  };
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`${path}: cannot read (${error instanceof Error ? error.message : String(error)})`);
  }
}

function readJson(path: string): unknown {
  const text = readText(path);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${path}: not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** Reads and checks every input; throws an Error naming the file and what is wrong with it. */
export function readCatalogueInputs(dataDir: string = DEFAULT_DATA_DIR, curatedPath: string = CATALOGUE_FILES.curated): CatalogueInputs {
  const paths = datasetPaths(dataDir);
  const within = <T>(path: string, read: () => T): T => {
    try {
      return read();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(message.startsWith(path) ? message : `${path}: ${message}`);
    }
  };
  return {
    curated: within(curatedPath, () => parseOutlets(readJson(curatedPath))),
    allsides: within(paths.allsides, () => readAllSidesRows(readJson(paths.allsides))),
    allsides2019: within(paths.allsides2019, () => readAllSides2019(readText(paths.allsides2019))),
    media: within(paths.media, () => readKiteMedia(readJson(paths.media))),
    categories: within(paths.feeds, () => readKiteFeeds(readJson(paths.feeds))),
  };
}
