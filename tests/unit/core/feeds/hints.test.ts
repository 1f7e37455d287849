import { describe, expect, it } from 'vitest';
import { parseTextOk } from '../../support/feeds';

const rss = (channelExtra: string, ns = '') =>
  `<?xml version="1.0"?><rss version="2.0"${ns}><channel><title>T</title>${channelExtra}<item><title>A</title><link>https://a.example/1</link></item></channel></rss>`;
const SY = ' xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"';

describe('update hints', () => {
  it('reads RSS ttl in minutes', () => {
    expect(parseTextOk(rss('<ttl>60</ttl>')).feed.updateMinutes).toBe(60);
  });

  it('reads sy:updatePeriod and sy:updateFrequency as minutes between updates', () => {
    expect(
      parseTextOk(rss('<sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency>', SY)).feed.updateMinutes,
    ).toBe(30);
    expect(parseTextOk(rss('<sy:updatePeriod> daily </sy:updatePeriod>', SY)).feed.updateMinutes).toBe(1440);
  });

  it('reads the syndication module in an Atom feed too', () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"${SY}><title>T</title><sy:updatePeriod>weekly</sy:updatePeriod><entry><title>A</title><link href="https://a.example/1"/><id>1</id></entry></feed>`;
    expect(parseTextOk(atom).feed.updateMinutes).toBe(10_080);
  });

  it('has no hint when the feed gives none, or gives nonsense', () => {
    expect(parseTextOk(rss('')).feed.updateMinutes).toBeUndefined();
    expect(parseTextOk(rss('<ttl>soon</ttl>')).feed.updateMinutes).toBeUndefined();
    expect(parseTextOk(rss('<ttl>-5</ttl>')).feed.updateMinutes).toBeUndefined();
    expect(parseTextOk(rss('<sy:updatePeriod>fortnightly</sy:updatePeriod>', SY)).feed.updateMinutes).toBeUndefined();
  });
});
