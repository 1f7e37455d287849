/**
 * Addresses on the reader's own machine or local network: loopback (127.0.0.0/8, ::1, localhost), the
 * private ranges (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16, fe80::/10), 0.0.0.0/8
 * (which reaches the machine itself) and mDNS names (*.local). A URL that came from a file must never
 * make Parallax request such an address: it could reach a router's or a local service's admin page.
 * Hosts are read through WHATWG URL, which already turns "0x7f.1" or "2130706433" into "127.0.0.1".
 */

function ipv4(host: string): number[] | null {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return null;
  const bytes = parts.map(Number);
  return bytes.every((b) => b <= 255) ? bytes : null;
}

function isLocalIpv4([a, b]: number[]): boolean {
  return a === 127 || a === 10 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
}

/** The eight 16-bit groups of an IPv6 address as WHATWG URL writes it (no brackets), or null. */
function ipv6Groups(host: string): number[] | null {
  if (!host.includes(':')) return null;
  const [head, tail = null, ...rest] = host.split('::');
  if (rest.length > 0) return null;
  const groups = (text: string) =>
    text === '' ? [] : text.split(':').map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? Number.parseInt(g, 16) : Number.NaN));
  const left = groups(head);
  const right = tail === null ? [] : groups(tail);
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (tail === null && missing !== 0)) return null;
  const all = [...left, ...new Array<number>(missing).fill(0), ...right];
  return all.some(Number.isNaN) ? null : all;
}

function isLocalIpv6(g: number[]): boolean {
  const zeros = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeros(7) && (g[7] === 1 || g[7] === 0)) return true; // ::1 and ::
  if (zeros(5) && g[5] === 0xffff) return isLocalIpv4([g[6] >> 8, g[6] & 0xff]); // ::ffff:a.b.c.d
  return (g[0] & 0xfe00) === 0xfc00 || (g[0] & 0xffc0) === 0xfe80;
}

/** Whether a host name (as `new URL().hostname` gives it) is on this machine or its local network. */
export function isLocalNetworkHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host === 'local' || host.endsWith('.local')) return true;
  const v4 = ipv4(host);
  if (v4) return isLocalIpv4(v4);
  const v6 = ipv6Groups(host.replace(/^\[|\]$/g, ''));
  return v6 !== null && isLocalIpv6(v6);
}

/** Whether an http(s) URL points at this machine or its local network (an unreadable URL counts as such). */
export function isLocalNetworkUrl(url: string): boolean {
  try {
    return isLocalNetworkHost(new URL(url).hostname);
  } catch {
    return true;
  }
}
