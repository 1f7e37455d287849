/**
 * Outlets as the registry holds them: each one's id and hosts at hand, the rest decoded when first
 * asked for. A woken worker reads the shipped catalogue (thousands of outlets) as text and indexes
 * its hosts without parsing every outlet, then decodes only the outlets a page or a story needs.
 */
import type { Outlet } from './schema';

export interface OutletEntry {
  readonly id: string;
  /** Domains, then aliases. */
  readonly hosts: readonly string[];
  outlet(): Outlet;
}

/** An entry for an outlet already decoded. */
export function entryOf(outlet: Outlet): OutletEntry {
  return { id: outlet.id, hosts: [...outlet.domains, ...(outlet.aliases ?? [])], outlet: () => outlet };
}

/**
 * The start of an outlet's line as the catalogue build writes it: id, name, domains and aliases first.
 * Host names hold no quote, comma or bracket, so their lists split without a JSON parser.
 */
const LINE_START = /^\{"id":"([a-z0-9-]+)","name":"(?:[^"\\]|\\.)*","domains":\[([^\]]*)\](?:,"aliases":\[([^\]]*)\])?/;

function hostList(list: string | undefined): string[] {
  return list === undefined || list === '' ? [] : list.split(',').map((quoted) => quoted.slice(1, -1));
}

/**
 * The entries of a shipped catalogue file, one outlet a line (`[`, then `{…},` lines, then `]`).
 * Each outlet is parsed when first asked for; a line that does not start as the build writes it is
 * parsed at once.
 */
export function entriesOfShippedText(text: string): OutletEntry[] {
  const entries: OutletEntry[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.endsWith(',') ? raw.slice(0, -1) : raw;
    if (line === '[' || line === ']' || line.trim() === '') continue;
    const start = LINE_START.exec(line);
    if (start === null) {
      entries.push(entryOf(JSON.parse(line) as Outlet));
      continue;
    }
    let decoded: Outlet | null = null;
    entries.push({
      id: start[1],
      hosts: [...hostList(start[2]), ...hostList(start[3])],
      outlet: () => (decoded ??= JSON.parse(line) as Outlet),
    });
  }
  return entries;
}
