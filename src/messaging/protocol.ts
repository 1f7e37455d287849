/**
 * Every message between the content script, the extension pages and the worker: each request as a Zod
 * schema, and the type of its reply in `Replies`. The worker validates each request before acting on it:
 * a content script runs inside pages we do not control, so nothing it sends is trusted.
 *
 * Adding a request:
 * 1. its schema in `RequestSchema` below, or in `INDEX_REQUEST_SCHEMAS` / `OPTIONS_REQUEST_SCHEMAS`
 *    (protocol-index.ts, protocol-options.ts), whose requests only Parallax's own pages may send; one
 *    below that a content script must not send also goes in the router's `EXTENSION_PAGE_ONLY`;
 * 2. its reply type in the map beside the schema (`CoreReplies`, `IndexReplies` or `OptionsReplies`):
 *    without it the type check fails at `ReplyOf`;
 * 3. its handler in one of src/background/*-handlers.ts, typed against that reply: without it the type
 *    check fails where services.ts creates the router.
 * Pages and the content script then call `ask({ type: ... })` (client.ts), typed by the same map. A new
 * family of requests can have a protocol-*.ts of its own, like protocol-index.ts: its schemas spread
 * into `RequestSchema`, its reply map into `Replies`, its handlers into services.ts's router.
 * What may not fit in one message (the whole index, exported or imported) goes over the transfer port
 * instead: protocol-transfer.ts, with the same three steps.
 */
import { z } from 'zod';
import { DETECTION_LIMITS } from '../core/detect/limits';
import type { Preferences } from '../core/preferences';
import { PreferencesPatchSchema } from '../core/preferences';
import type { BadgeInfo, StoryView } from '../core/story-view';
import type { Lean7, LeanSide } from '../core/types';
import type { PopupStory } from './page';
import { CHIPS_REQUEST_SCHEMAS, type ChipsReplies } from './protocol-chips';
import { INDEX_REQUEST_SCHEMAS, type IndexReplies } from './protocol-index';
import { OPTIONS_REQUEST_SCHEMAS, type OptionsReplies } from './protocol-options';
import { STORIES_REQUEST_SCHEMAS, type StoriesReplies } from './protocol-stories';
import { WELCOME_REQUEST_SCHEMAS, type WelcomeReplies } from './protocol-welcome';

const text = (max: number) => z.string().max(max);
const nullableText = (max: number) => text(max).nullable();

const L = DETECTION_LIMITS;
export const DetectionSchema = z.object({
  isArticle: z.boolean(),
  reasons: z.array(text(L.reason)).max(L.reasons),
  title: nullableText(L.title),
  canonicalUrl: nullableText(L.canonicalUrl),
  siteName: nullableText(L.siteName),
  byline: nullableText(L.byline),
  published: nullableText(L.published),
  modified: nullableText(L.modified),
  description: nullableText(L.description),
  lang: nullableText(L.lang),
});

const pageUrl = z.url({ protocol: /^https?$/ }).max(4096);

export const RequestSchema = z.discriminatedUnion('type', [
  /** Content script, as an outlet's article page starts loading: start the worker and its story index. */
  z.object({ type: z.literal('worker/wake') }),
  /** Content script: the page is an article; answer what the badge shows. */
  z.object({ type: z.literal('article/seen'), pageUrl, detection: DetectionSchema }),
  /** The full story view for an article (benchmarks and tools; the popup asks with popup/story). */
  z.object({ type: z.literal('story/view'), pageUrl, detection: DetectionSchema }),
  /** Popup: the page in a tab (null: the active tab) and its story view, in one round trip. */
  z.object({ type: z.literal('popup/story'), tabId: z.number().int().nonnegative().nullable() }),
  /** Popup: the reader says this article is not part of that story. */
  z.object({ type: z.literal('story/unlink'), pageUrl, detection: DetectionSchema, storyId: text(200).min(1) }),
  /** Badge: stop showing on this host. */
  z.object({ type: z.literal('badge/dismiss-site'), host: text(253).min(1) }),
  /** Badge: open the details of the article in this tab. */
  z.object({ type: z.literal('popup/open') }),
  /** Pages: the reader's preferences. */
  z.object({ type: z.literal('prefs/get') }),
  /** Options: change some preferences. */
  z.object({ type: z.literal('prefs/update'), patch: PreferencesPatchSchema }),
  /** Options: every outlet with its rating, and the shipped providers. */
  z.object({ type: z.literal('outlets/list') }),
  /** Pages and benchmarks: articles and stories held. */
  z.object({ type: z.literal('index/status') }),
  ...INDEX_REQUEST_SCHEMAS,
  ...OPTIONS_REQUEST_SCHEMAS,
  ...STORIES_REQUEST_SCHEMAS,
  ...WELCOME_REQUEST_SCHEMAS,
  ...CHIPS_REQUEST_SCHEMAS,
]);

export type Request = z.infer<typeof RequestSchema>;
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

/** What the worker answers to each of the requests above. */
export interface CoreReplies {
  'worker/wake': null;
  'article/seen': BadgeInfo;
  'story/view': StoryView;
  'popup/story': PopupStory;
  'story/unlink': null;
  'badge/dismiss-site': null;
  'popup/open': null;
  'prefs/get': Preferences;
  /** The preferences as stored after the patch. */
  'prefs/update': Preferences;
  'outlets/list': OutletList;
  'index/status': IndexStatus;
}

/** Every request's reply. A request type missing here is a compile error in `ReplyOf`. */
export interface Replies extends CoreReplies, IndexReplies, OptionsReplies, StoriesReplies, WelcomeReplies, ChipsReplies {}
export type ReplyOf<T extends RequestType> = Replies[T];

/** The envelope every answer travels in: the handler's value, or why there is none. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

export interface IndexStatus {
  articles: number;
  stories: number;
}

/** The reader's outlets (shipped and their own) with their ratings, and the shipped rating providers. */
export interface OutletList {
  outlets: OutletSummary[];
  providers: ProviderSummary[];
}

export interface OutletSummary {
  id: string;
  name: string;
  domains: string[];
  /** Former and sister domains, short links: the outlet's too, so a search by any of them finds it. */
  aliases: string[];
  lean: Lean7 | null;
  side: LeanSide | null;
  provider: string | null;
}

export interface ProviderSummary {
  id: string;
  name: string;
  date: string;
  licence: string;
  licenceUrl: string;
  sourceUrl: string;
  attribution: string;
}

/** A readable, bounded description of why a message was refused. */
export function describeInvalid(error: z.ZodError): string {
  const first = error.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'message'}: ${i.message}`);
  return `Invalid message (${first.join('; ')})`;
}
