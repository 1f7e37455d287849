import { describe, expect, it } from 'vitest';
import { registrySourceLookup } from '../../../../src/background/source-lookup';
import { chipOutletFor } from '../../../../src/core/links/chip-outlet';

const lookup = registrySourceLookup();
const NO_OVERRIDES = { leanOverrides: {} };

describe('chipOutletFor', () => {
  it('answers a rated outlet with its lean, provider, rating date and owner', () => {
    expect(chipOutletFor('www.theguardian.com', lookup, NO_OVERRIDES)).toEqual({
      name: 'The Guardian',
      lean: 'lean-left',
      provider: 'AllSides Media Bias Ratings',
      ratedAt: '2023-07',
      owner: 'Guardian Media Group (Scott Trust)',
    });
  });

  it('finds an outlet by a subdomain or an edition of its domain', () => {
    expect(chipOutletFor('edition.cnn.com', lookup, NO_OVERRIDES)?.name).toBe('CNN');
    expect(chipOutletFor('feeds.bbc.co.uk', lookup, NO_OVERRIDES)?.lean).toBe('center');
  });

  it('answers a known but unrated outlet with no lean and no provider', () => {
    const chip = chipOutletFor('www.macrumors.com', lookup, NO_OVERRIDES);
    expect(chip).toMatchObject({ name: 'MacRumors', lean: null, provider: null, ratedAt: null });
  });

  it("uses the reader's own lean for an outlet, without the provider's name", () => {
    const chip = chipOutletFor('www.foxnews.com', lookup, { leanOverrides: { 'fox-news': 'center' } });
    expect(chip).toMatchObject({ name: 'Fox News', lean: 'center', provider: null, ratedAt: null });
  });

  it('answers null for a host no outlet claims, a look-alike, a bare name or a service host', () => {
    for (const host of ['www.example.org', 'theguardian.com.evil.example', 'localhost', 'mail.yahoo.com']) {
      expect(chipOutletFor(host, lookup, NO_OVERRIDES)).toBeNull();
    }
  });
});
