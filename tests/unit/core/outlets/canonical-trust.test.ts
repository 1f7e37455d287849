import { describe, expect, it } from 'vitest';
import { trustedCanonical } from '../../../../src/core/outlets/canonical-trust';
import { loadRegistry } from '../../../../src/core/outlets/index';

const registry = loadRegistry();
const outletOf = (url: string) => registry.resolve(url)?.id ?? null;
const GUARDIAN = 'https://www.theguardian.com/world/2026/jan/16/japan-us-missiles';

describe('trusting a page’s canonical claim', () => {
  it('keeps a claim on the page’s own registrable domain', () => {
    expect(trustedCanonical('https://amp.theguardian.com/world/x', GUARDIAN, outletOf)).toBe(GUARDIAN);
    expect(trustedCanonical(`${GUARDIAN}?page=2`, GUARDIAN, outletOf)).toBe(GUARDIAN);
  });

  it('keeps a claim on another domain of the same outlet (a known alias)', () => {
    const huffpost = 'https://www.huffpost.com/entry/riverside-night-bus-trial_n_6a1b2c3d4e5f';
    expect(trustedCanonical('https://www.huffingtonpost.com/entry/riverside_n_6a1b', huffpost, outletOf)).toBe(huffpost);
  });

  it('drops a claim naming another outlet, whatever the page says it is', () => {
    expect(trustedCanonical(GUARDIAN, 'https://www.foxnews.com/politics/forged-1', outletOf)).toBeNull();
    // Neither host known: only the registrable domain can vouch.
    expect(trustedCanonical('https://blog.example.net/post/1', 'https://news.example.org/post/1', outletOf)).toBeNull();
    // Same outlet unknown on either side never counts as "the same outlet".
    expect(trustedCanonical('https://unknown-a.example/x', 'https://unknown-b.example/x', () => null)).toBeNull();
  });

  it('unwraps an AMP cache page to its publisher', () => {
    const page = 'https://www-theguardian-com.cdn.ampproject.org/c/s/www.theguardian.com/world/x';
    expect(trustedCanonical(page, GUARDIAN, outletOf)).toBe(GUARDIAN);
    expect(trustedCanonical(page, 'https://www.foxnews.com/x', outletOf)).toBeNull();
  });

  it('keeps the claim of a page served from this machine (the demo site, a saved copy)', () => {
    expect(trustedCanonical('http://127.0.0.1:8080/demo/a', GUARDIAN, outletOf)).toBe(GUARDIAN);
    expect(trustedCanonical('http://localhost:8080/demo/a', GUARDIAN, outletOf)).toBe(GUARDIAN);
  });

  it('has nothing to trust without a claim or with an unreadable one', () => {
    expect(trustedCanonical(GUARDIAN, null, outletOf)).toBeNull();
    expect(trustedCanonical(GUARDIAN, 'not a url', outletOf)).toBeNull();
  });
});
