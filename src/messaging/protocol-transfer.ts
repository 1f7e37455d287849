/**
 * Export and import of the whole index travel over a port (`runtime.connect`, name `TRANSFER_PORT`), in
 * pieces far below the browser's 64 MiB message limit: the options page sends an imported file's text a
 * piece at a time and asks for an export a piece at a time. One request is in flight at a time; the
 * worker answers each with one `TransferAnswer` (and `phase` messages while it writes an import). A port
 * whose worker stopped disconnects: the page then knows at once, and says so, instead of Chrome's
 * "message channel closed". Only Parallax's own pages may connect (checked by the worker).
 *
 * Adding a request: its schema in `TRANSFER_REQUEST_SCHEMAS`, its answer in `TransferReplies` (the type
 * check fails at `TransferReplyOf` without it), its case in src/background/transfer-port.ts.
 */
import { z } from 'zod';
import type { Preferences } from '../core/preferences';
import type { ImportResult } from './protocol-index';

export const TRANSFER_PORT = 'parallax/index-transfer';
/** Characters of file text per import request (the page reads the file in pieces of this many bytes). */
export const TRANSFER_PIECE_CHARS = 2 * 1024 * 1024;

const feedUrl = z.string().min(1).max(4096);

export const ImportChoicesSchema = z.object({
  /** Replace the feed list with the file's (its feeds stay off unless listed in `enableFeeds`). */
  replaceFeeds: z.boolean(),
  replacePreferences: z.boolean(),
  /** Feeds of the file the reader chose to turn on; each is turned on only if its site is granted. */
  enableFeeds: z.array(feedUrl).max(10_000),
});
export type ImportChoices = z.infer<typeof ImportChoicesSchema>;

export const TRANSFER_REQUEST_SCHEMAS = [
  /** The next piece of the file being imported. */
  z.object({ kind: z.literal('import/piece'), text: z.string().max(TRANSFER_PIECE_CHARS) }),
  /** The file has ended: check it whole and answer what importing it would change. Nothing is written. */
  z.object({ kind: z.literal('import/end') }),
  /** Write the checked file, all or nothing, as the reader chose. */
  z.object({ kind: z.literal('import/commit'), choices: ImportChoicesSchema }),
  /** Whether the import with this id was written (asked after losing the worker during a commit). */
  z.object({ kind: z.literal('import/outcome'), id: z.string().min(1).max(64) }),
  /** The export's start: the file's text up to its first article, and how many articles follow. */
  z.object({ kind: z.literal('export/head') }),
  /** The next articles after `after` (an article id; null: from the first), `written` being written so far. */
  z.object({ kind: z.literal('export/rows'), after: z.string().max(4096).nullable(), written: z.number().int().min(0) }),
  /** Keeps the worker awake while the reader looks at an import's preview. */
  z.object({ kind: z.literal('ping') }),
] as const;

export const TransferRequestSchema = z.discriminatedUnion('kind', TRANSFER_REQUEST_SCHEMAS);
export type TransferRequest = z.infer<typeof TransferRequestSchema>;
export type TransferKind = TransferRequest['kind'];
export type TransferRequestOf<K extends TransferKind> = Extract<TransferRequest, { kind: K }>;

/** What the worker answers to each transfer request. */
export interface TransferReplies {
  /** Articles read so far. */
  'import/piece': { articles: number };
  'import/end': ImportPreview;
  'import/commit': ImportResult;
  'import/outcome': { written: boolean };
  'export/head': ExportPiece & { total: number };
  'export/rows': ExportPiece;
  ping: null;
}
export type TransferReplyOf<K extends TransferKind> = TransferReplies[K];

export type ImportPhase = 'writing' | 'settling';

/** Worker → page on the port. */
export type TransferAnswer =
  | { kind: 'reply'; data: unknown }
  /** The file cannot be imported; each line names a row or a field. The import is over. */
  | { kind: 'refused'; errors: string[] }
  | { kind: 'failed'; error: string }
  /** Progress of a commit: writing the articles, then revising the stories. */
  | { kind: 'phase'; phase: ImportPhase };

export interface ExportPiece {
  text: string;
  /** The last article id this piece went through (the next request's `after`). */
  last: string | null;
  /** Articles in this piece. */
  count: number;
  /** The file's end is in this piece. */
  done: boolean;
}

/** What importing a checked file would change, for the reader to confirm. */
export interface ImportPreview {
  /** The import's id, to ask for its outcome. */
  id: string;
  exportedAt: string;
  generator: string | null;
  articles: {
    inFile: number;
    /** Not held yet (the others stay as they are). */
    new: number;
    /** Held before the import. */
    held: number;
    /** Over the index's size cap afterwards: the oldest this many go at the next cleanup. */
    overCap: number;
    /** A few of the newest new articles. */
    sample: { title: string; host: string | null }[];
  };
  feeds: {
    inFile: number;
    held: number;
    /** Held feeds the file lacks: gone if the feeds are replaced. */
    removed: number;
    removedSample: string[];
    /** Feeds of the file not held yet. */
    added: number;
    addedSample: string[];
    /** On in the file but not here: they stay off unless the reader turns them on and grants their sites. */
    toTurnOn: { url: string; site: string }[];
    /** Feeds on this machine or its local network: never taken from a file. */
    leftOut: string[];
  };
  /** The file's preferences (the page compares them with the reader's). */
  preferences: Preferences;
}
