/**
 * Every message between the content script, the extension pages and the worker, as Zod schemas. The
 * worker validates each request before acting on it: a content script runs inside pages we do not
 * control, so nothing it sends is trusted.
 */
import { z } from 'zod';
import { DETECTION_LIMITS } from '../core/detect/limits';
import { PreferencesPatchSchema } from '../core/preferences';
import { INDEX_REQUEST_SCHEMAS } from './protocol-index';
import { OPTIONS_REQUEST_SCHEMAS } from './protocol-options';

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
  /** Content script: the page is an article; answer what the badge shows. */
  z.object({ type: z.literal('article/seen'), pageUrl, detection: DetectionSchema }),
  /** The full story view for an article (benchmarks and tools; the popup asks with popup/story). */
  z.object({ type: z.literal('story/view'), pageUrl, detection: DetectionSchema }),
  /** Popup: the page in a tab (null: the active tab) and its story view, in one round trip. → PopupStory */
  z.object({ type: z.literal('popup/story'), tabId: z.number().int().nonnegative().nullable() }),
  /** Popup: the reader says this article is not part of that story. */
  z.object({ type: z.literal('story/unlink'), pageUrl, detection: DetectionSchema, storyId: text(200).min(1) }),
  /** Badge: stop showing on this host. */
  z.object({ type: z.literal('badge/dismiss-site'), host: text(253).min(1) }),
  /** Badge: open the details of the article in this tab. */
  z.object({ type: z.literal('popup/open') }),
  z.object({ type: z.literal('prefs/get') }),
  z.object({ type: z.literal('prefs/update'), patch: PreferencesPatchSchema }),
  z.object({ type: z.literal('outlets/list') }),
  z.object({ type: z.literal('index/status') }),
  ...INDEX_REQUEST_SCHEMAS,
  ...OPTIONS_REQUEST_SCHEMAS,
]);

export type Request = z.infer<typeof RequestSchema>;
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

/** A readable, bounded description of why a message was refused. */
export function describeInvalid(error: z.ZodError): string {
  const first = error.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'message'}: ${i.message}`);
  return `Invalid message (${first.join('; ')})`;
}
