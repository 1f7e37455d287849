/**
 * Kagi's media ownership data (media_data.json): one news organisation per entry, with its domains,
 * seat, owner and kind of ownership. Each organisation joins the outlet its domains already belong
 * to, or becomes one outlet of its own.
 */
import { z } from 'zod';
import { describeZodError, isOwnableHost, type Outlet } from '../schema';
import { bareHost } from '../../url';
import { type CatalogueIndex, notOutletReason } from './hosts';
import { countryOfName } from './places';
import { KITE_MEDIA_URL } from './sources';
import type { CatalogueDecision } from './decisions';

export interface KiteOrganisation {
  organization: string;
  country: string;
  domains: string[];
  owner: string;
  typology: string;
}

const organisationSchema = z.looseObject({
  organization: z.string().min(1),
  country: z.string(),
  domains: z.array(z.string()),
  owner: z.string().optional(),
  typology: z.string().optional(),
});

export function readKiteMedia(data: unknown): KiteOrganisation[] {
  const parsed = z.array(organisationSchema).safeParse(data);
  if (!parsed.success) throw new Error(`Kite media data: ${describeZodError(parsed.error)}`);
  return parsed.data.map((entry) => ({
    organization: entry.organization.trim(),
    country: entry.country,
    domains: entry.domains,
    owner: (entry.owner ?? '').trim(),
    typology: (entry.typology ?? '').trim(),
  }));
}

/** Longest owner text the outlet card shows; Kagi's longer ones are paragraphs, not names. */
const MAX_OWNER_CHARS = 160;

interface OwnershipFacts {
  country: string | null;
  owner: string | null;
  typology: string | null;
}

function addHost(index: CatalogueIndex, outlet: Outlet, host: string): void {
  outlet.domains.push(host);
  index.claim(host, outlet);
  // Hosts published at the outlet's own source need no note; the others are Kagi's.
  if (outlet.source === KITE_MEDIA_URL) return;
  outlet.from ??= {};
  outlet.from.hosts ??= {};
  (outlet.from.hosts['kite-media'] ??= []).push(host);
}

/** Fills the ownership facts an outlet lacks; facts it already has (from its own source) stay. */
function addFacts(outlet: Outlet, facts: OwnershipFacts): void {
  const own = outlet.source === KITE_MEDIA_URL;
  const note = (fact: 'country' | 'owner' | 'typology') => {
    if (own) return;
    outlet.from ??= {};
    outlet.from[fact] = 'kite-media';
  };
  if (outlet.country === undefined && facts.country !== null) {
    outlet.country = facts.country;
    note('country');
  }
  if (outlet.owner === undefined && facts.owner !== null) {
    outlet.owner = facts.owner;
    note('owner');
  }
  if (outlet.typology === undefined && facts.typology !== null) {
    outlet.typology = facts.typology;
    note('typology');
  }
}

/** The first label of a host: "libe" for libe.fr, "aljazeera" for aljazeera.net. */
function labelOf(host: string): string {
  return host
    .replace(/^(?:www|english|en)\./, '')
    .split('.')[0]
    .replace(/-/g, '');
}

function folded(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\b(?:the|le|la|les|l|der|die|das|sarl|sas|inc|ltd|llc|gmbh|ag)\b/g, '')
    .replace(/[^a-z0-9]+/g, '');
}

function sameName(a: string, b: string): boolean {
  return folded(a) !== '' && folded(a) === folded(b);
}

/**
 * The host is named as one of the outlet's: its label extends one of the outlet's own ("reutersagency"
 * of reuters.com), equals one ("aljazeera.net"), or is a long part of the outlet's name
 * ("frankfurterallgemeine" of Frankfurter Allgemeine Zeitung). `domains` are the outlet's own, before
 * this organisation added any.
 */
function namedLike(host: string, outlet: Outlet, domains: readonly string[]): boolean {
  const label = labelOf(host);
  if (label.length >= 8 && folded(outlet.name).includes(label)) return true;
  return domains.some((domain) => {
    const own = labelOf(domain);
    return own.length >= 4 && label.startsWith(own);
  });
}

/** Entries with the same organisation name are one organisation (the data lists "CMI France" twice). */
function sameNameMerged(organisations: readonly KiteOrganisation[]): KiteOrganisation[] {
  const byName = new Map<string, KiteOrganisation>();
  for (const organisation of organisations) {
    const first = byName.get(organisation.organization);
    if (first === undefined) byName.set(organisation.organization, { ...organisation, domains: [...organisation.domains] });
    else first.domains.push(...organisation.domains.filter((domain) => !first.domains.includes(domain)));
  }
  return [...byName.values()];
}

/**
 * Joins each organisation to the catalogue: the outlets its domains belong to get its ownership facts
 * (those they lack); a domain no outlet claims joins the outlet it is named like, or the one the
 * organisation is; the rest (a group's other titles, such as Nine Publishing's) make one outlet named
 * after the organisation.
 */
export function mergeKiteMedia(index: CatalogueIndex, organisations: readonly KiteOrganisation[], decisions: CatalogueDecision[]): void {
  for (const organisation of sameNameMerged(organisations)) {
    const subject = organisation.organization;
    const hosts: string[] = [];
    for (const raw of organisation.domains) {
      const host = bareHost(raw.trim().toLowerCase());
      if (!isOwnableHost(host)) {
        decisions.push({ step: 'media', subject, outcome: 'domain-left-out', detail: `"${raw}" is not a host name` });
        continue;
      }
      const notOutlet = notOutletReason(host);
      if (notOutlet !== null) {
        decisions.push({ step: 'media', subject, outcome: 'domain-left-out', detail: `${host}: ${notOutlet}` });
        continue;
      }
      if (!hosts.includes(host)) hosts.push(host);
    }
    if (hosts.length === 0) {
      decisions.push({ step: 'media', subject, outcome: 'left-out', detail: 'no domain of its own' });
      continue;
    }
    const owner = organisation.owner !== '' && organisation.owner.length <= MAX_OWNER_CHARS ? organisation.owner : null;
    if (organisation.owner.length > MAX_OWNER_CHARS) {
      decisions.push({
        step: 'media',
        subject,
        outcome: 'owner-left-out',
        detail: `a ${organisation.owner.length}-character text, not a name`,
      });
    }
    const facts: OwnershipFacts = {
      country: countryOfName(organisation.country),
      owner,
      typology: organisation.typology === '' ? null : organisation.typology,
    };
    const matched: Outlet[] = [];
    const unclaimed: string[] = [];
    for (const host of hosts) {
      const outlet = index.resolve(host);
      if (outlet === null) unclaimed.push(host);
      else if (!matched.includes(outlet)) matched.push(outlet);
    }
    for (const outlet of matched) addFacts(outlet, facts);
    // A domain named like a matched outlet is that outlet's ("libe.fr" of Libération); the others are
    // the organisation's other titles, and make one outlet of its own.
    const isThatOutlet = matched.find((outlet) => sameName(outlet.name, subject));
    const ownDomains = new Map(matched.map((outlet) => [outlet, [...outlet.domains]]));
    const rest: string[] = [];
    for (const host of unclaimed) {
      const owner = isThatOutlet ?? matched.find((outlet) => namedLike(host, outlet, ownDomains.get(outlet) ?? []));
      if (owner === undefined) rest.push(host);
      else addHost(index, owner, host);
    }
    if (matched.length > 0) {
      decisions.push({ step: 'media', subject, outcome: 'joined', detail: matched.map((outlet) => outlet.id).join(', ') });
    }
    // A subdomain of another of its domains ("guadeloupe.franceantilles.fr") is that domain's already.
    const domains = rest.filter((host) => !rest.some((other) => host.endsWith(`.${other}`)));
    if (domains.length === 0) continue;
    const outlet: Outlet = {
      id: index.freeId(subject, domains[0]),
      name: subject,
      domains,
      source: KITE_MEDIA_URL,
      feeds: [],
    };
    addFacts(outlet, facts);
    index.add(outlet);
    decisions.push({ step: 'media', subject, outcome: 'new-outlet', detail: outlet.id });
  }
}
