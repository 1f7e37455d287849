import { describe, expect, it } from 'vitest';
import { isLocalNetworkUrl } from '../../../../src/core/url/local-network';

describe('local network addresses', () => {
  it('are loopback, private, link-local and mDNS hosts, however the address is written', () => {
    const local = [
      'http://127.0.0.1/rss',
      'http://127.8.9.10:8080/rss',
      'http://localhost/feed',
      'http://app.localhost/feed',
      'http://[::1]/feed',
      'http://[::]/feed',
      'http://[::ffff:127.0.0.1]/feed',
      'http://10.1.2.3/feed',
      'http://172.16.0.1/feed',
      'http://172.31.255.255/feed',
      'http://192.168.0.1/feed',
      'http://169.254.169.254/latest/meta-data',
      'http://[fc00::1]/feed',
      'http://[fd12:3456::1]/feed',
      'http://[fe80::1]/feed',
      'http://printer.local/feed',
      'http://PRINTER.LOCAL./feed',
      'http://0.0.0.0/feed',
      'http://2130706433/feed',
      'http://0x7f.1/feed',
      'http://017700000001/feed',
      'not a url',
    ];
    for (const url of local) expect(isLocalNetworkUrl(url), url).toBe(true);
  });

  it('are not public hosts, including ones that merely look alike', () => {
    const outside = [
      'https://www.lefttimes.com/rss',
      'http://172.32.0.1/feed',
      'http://172.15.0.1/feed',
      'http://192.169.0.1/feed',
      'http://8.8.8.8/feed',
      'http://[2001:db8::1]/feed',
      'http://[fec0::1]/feed',
      'https://localhost.example.com/feed',
      'https://local.news/feed',
      'https://10.example/feed',
    ];
    for (const url of outside) expect(isLocalNetworkUrl(url), url).toBe(false);
  });
});
