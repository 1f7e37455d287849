/**
 * The shipped outlet and rating files are the catalogue build's output over the committed inputs:
 * curated.json here and the source datasets in ../shared/data beside the repository (CI has them).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCatalogue, serialiseOutlets, serialiseRatings } from '../../../../../src/core/outlets/catalogue/build';
import { CATALOGUE_FILES, readCatalogueInputs } from '../../../../../src/cli/lib/catalogue-inputs';

describe('shipped catalogue', () => {
  const built = buildCatalogue(readCatalogueInputs());

  it('equals the build output byte for byte (run `npm run outlets:build -- --write` after changing an input)', () => {
    expect(readFileSync(CATALOGUE_FILES.outlets, 'utf8') === serialiseOutlets(built.outlets)).toBe(true);
    expect(readFileSync(CATALOGUE_FILES.ratings, 'utf8') === serialiseRatings(built.ratings)).toBe(true);
  });

  it('keeps every hand-kept outlet and all its facts first, in order', () => {
    const curated = JSON.parse(readFileSync(CATALOGUE_FILES.curated, 'utf8')) as { id: string; name: string; source?: string }[];
    expect(built.outlets.slice(0, curated.length).map((outlet) => [outlet.id, outlet.name, outlet.source])).toEqual(
      curated.map((outlet) => [outlet.id, outlet.name, outlet.source]),
    );
  });
});
