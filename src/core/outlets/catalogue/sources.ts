/**
 * The public sources the outlet catalogue is built from, pinned to the commits that were read, and
 * the attribution their licences ask for.
 */
import type { RatingProvider } from '../../ratings/schema';

/** kagisearch/kite-public, the commit the copies in ../shared/data/kite were taken from (2026-05-12). */
export const KITE_COMMIT = 'c4fc3b579c3bbdcce5277d1956347131283170e5';
export const KITE_REPOSITORY = 'https://github.com/kagisearch/kite-public';
/** Kagi's feed catalogue: the `source` of every feed taken from it. */
export const KITE_FEEDS_URL = `${KITE_REPOSITORY}/blob/${KITE_COMMIT}/kite_feeds.json`;
/** Kagi's media ownership data: the `source` of the outlets it names. */
export const KITE_MEDIA_URL = `${KITE_REPOSITORY}/blob/${KITE_COMMIT}/media_data.json`;
export const KITE_LICENCE = 'CC BY-NC 4.0';
export const KITE_ATTRIBUTION = 'Feed catalogue and media ownership data: Kagi News, kagisearch/kite-public, CC BY-NC 4.0';

/**
 * Datasets an outlet's fact can come from when it is not its `source` page (the outlet's `from`
 * field names them by these keys).
 */
export const CATALOGUE_DATASETS = {
  'kite-media': KITE_MEDIA_URL,
  'kite-feeds': KITE_FEEDS_URL,
} as const;
export type CatalogueDataset = keyof typeof CATALOGUE_DATASETS;

/** wjohnsto/opinionated: the commit (2023-07-31) whose allsides_data.json is the copy in ../shared/data/ratings. */
export const ALLSIDES_COPY_COMMIT = '86625282b301cd5fed60c5f49e9dc81fa945d6c6';

export const ALLSIDES_PROVIDER: RatingProvider = {
  id: 'allsides',
  name: 'AllSides Media Bias Ratings',
  licence: 'CC BY-NC 4.0',
  licenceUrl: 'https://creativecommons.org/licenses/by-nc/4.0/',
  sourceUrl: 'https://www.allsides.com/media-bias/media-bias-ratings',
  // The copy was first published in April 2020 and last updated in July 2023 (see the data README).
  date: '2023-07',
  attribution:
    'AllSides Media Bias Ratings™ by AllSides.com are licensed under a Creative Commons Attribution-NonCommercial 4.0 International License (copy published in the Opinionated browser add-on, github.com/wjohnsto/opinionated, 2020–2023). They may be used for research or noncommercial purposes with attribution.',
};
