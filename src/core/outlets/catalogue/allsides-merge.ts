/**
 * AllSides rows into the catalogue: rows on a known outlet's site join it; the other sites' rows
 * become one outlet per registrable domain (per host when none of the rows is on the domain itself).
 * Then every outlet gets its rating from the rows on its site.
 */
import type { OutletRating } from '../../ratings/schema';
import type { Outlet } from '../schema';
import { type AllSidesRow, CHOSEN_PROFILE, chooseRating, classifyRow, type EarlierRating, outletNameOf, type SiteRow } from './allsides';
import { type CatalogueIndex, isInstitutionHost } from './hosts';
import type { CatalogueDecision } from './decisions';

interface PendingRow extends SiteRow {
  host: string;
  domain: string;
  path: string;
}

/** A landing page of one of the site's editions: "/en/", "/eng", "/news". */
const EDITION_PATH = /^\/(?:[a-z]{2}|eng|english|news)\/?$/i;

/** The name is the domain's: "Gallup" of gallup.com, "Fox 13" of fox13now.com. */
function namesDomain(name: string, domain: string): boolean {
  const folded = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[^a-z0-9]+/g, '');
  const label = domain.split('.')[0].replace(/-/g, '');
  return folded.length >= 4 && label.length >= 4 && (folded.startsWith(label) || label.startsWith(folded.slice(0, 5)));
}

/**
 * The outlet a group of rows on one site makes: named by its home page row, else by its only row's
 * name when that is the site's own (an edition's page, or a name the domain spells), else by its
 * domain (a group site such as vtcng.com, whose rows name its papers one by one, is none of them).
 */
function outletOfRows(index: CatalogueIndex, claim: string, rows: readonly PendingRow[]): Outlet {
  const home = rows.filter((site) => site.home).map((site) => site.row);
  const names = new Set(rows.map((site) => outletNameOf(site.row.name).toLowerCase()));
  const own = names.size === 1 ? rows.find((site) => EDITION_PATH.test(site.path) || namesDomain(site.row.name, claim)) : undefined;
  const naming = home.find((row) => !/opinion|fact check|podcast/i.test(row.name)) ?? home[0] ?? own?.row ?? null;
  if (naming === null) {
    return { id: index.freeId(claim), name: claim, domains: [claim], nameFromDomain: true, source: rows[0].row.profileUrl, feeds: [] };
  }
  const name = outletNameOf(naming.name);
  return { id: index.freeId(name, `${name} ${claim}`, claim), name, domains: [claim], source: naming.profileUrl, feeds: [] };
}

/**
 * Adds AllSides' outlets to `index` and returns the ratings of every outlet it holds, in catalogue
 * order. Rows of people and columns (author pages, social profiles) make no outlet and rate none.
 */
export function mergeAllSides(
  index: CatalogueIndex,
  rows: readonly AllSidesRow[],
  earlier: ReadonlyMap<string, EarlierRating> | null,
  decisions: CatalogueDecision[],
): OutletRating[] {
  const rowsOf = new Map<Outlet, SiteRow[]>();
  const attach = (outlet: Outlet, site: SiteRow) => {
    const list = rowsOf.get(outlet) ?? [];
    list.push(site);
    rowsOf.set(outlet, list);
  };
  const chosenFor = new Map(Object.entries(CHOSEN_PROFILE).map(([outletId, profile]) => [profile, outletId]));
  const pendingByDomain = new Map<string, PendingRow[]>();
  for (const row of rows) {
    const kind = classifyRow(row);
    if (kind.kind === 'no-url') continue;
    if (kind.kind === 'left-out') {
      decisions.push({ step: 'allsides', subject: row.name, outcome: 'left-out', detail: `${kind.reason}: ${row.url}` });
      continue;
    }
    const chosenOutlet = chosenFor.get(row.profileUrl);
    const known =
      chosenOutlet !== undefined ? (index.outlets.find((outlet) => outlet.id === chosenOutlet) ?? null) : index.resolve(kind.host);
    if (known !== null) {
      attach(known, { row, home: kind.home });
      continue;
    }
    const list = pendingByDomain.get(kind.domain) ?? [];
    list.push({ row, home: kind.home, host: kind.host, domain: kind.domain, path: kind.url.pathname });
    pendingByDomain.set(kind.domain, list);
  }

  for (const [domain, pending] of pendingByDomain) {
    // One outlet per registrable domain when a row is on the domain itself; else one per host.
    const onDomain = pending.some((site) => site.host === domain);
    const groups = new Map<string, PendingRow[]>();
    for (const site of pending) {
      const claim = onDomain ? domain : site.host;
      groups.set(claim, [...(groups.get(claim) ?? []), site]);
    }
    for (const [claim, group] of groups) {
      // A university's or a government's site is a source only where AllSides gives it a lean.
      if (isInstitutionHost(claim) && chooseRating('', group, rows, null).rating === null) {
        decisions.push({
          step: 'allsides',
          subject: group[0].row.name,
          outcome: 'left-out',
          detail: `an institution's site with no AllSides lean: ${claim}`,
        });
        continue;
      }
      const outlet = index.add(outletOfRows(index, claim, group));
      for (const site of group) attach(outlet, site);
      decisions.push({
        step: 'allsides',
        subject: outlet.name,
        outcome: 'new-outlet',
        detail: `${outlet.id} (${claim}, ${group.length} rows)`,
      });
    }
  }

  const ratings: OutletRating[] = [];
  for (const outlet of index.outlets) {
    const sites = rowsOf.get(outlet) ?? [];
    if (sites.length === 0 && CHOSEN_PROFILE[outlet.id] === undefined) continue;
    const choice = chooseRating(outlet.id, sites, rows, earlier);
    if (choice.rating !== null) ratings.push(choice.rating);
    decisions.push({
      step: 'allsides',
      subject: outlet.id,
      outcome: choice.rating !== null ? `rated ${choice.rating.lean}` : 'unrated',
      detail: choice.rating !== null ? (choice.chosen?.name ?? '') : choice.reason,
    });
  }
  return ratings;
}
