/**
 * Export and import of the whole local index and the preferences as one index file, a piece at a time
 * (the transfer port carries the pieces; see protocol-transfer.ts). An export is read in id order from
 * a cursor the page keeps, so a worker stopped part-way resumes where it was, with no article twice. An
 * import is an ImportSession: checked as it arrives, written in one transaction at the end.
 */
import { articleJson, INDEX_FILE_TAIL, indexFileHead } from '../core/index-file/index';
import type { ParallaxDatabase } from '../db/database';
import { META_LAST_IMPORT_ID, readMeta } from '../db/meta';
import type { ImportResult } from '../messaging/protocol-index';
import type { ExportPiece, ImportChoices } from '../messaging/protocol-transfer';
import { ImportSession, type ImportDeps } from './import-session';

export { IndexFileError } from '../core/index-file/index';
export type { ImportableIndex } from './import-session';

export interface IndexTransferDeps extends ImportDeps {
  db: ParallaxDatabase;
  /** Written into exported files' `generator`. */
  generator?: string;
  /** Characters an export piece reaches before it is sent (default 1 MiB). */
  pieceChars?: number;
}

/** Rows read at a time while an export piece fills. */
const EXPORT_BATCH = 500;

/** What `index/import` does with a file: like a restore, but no feed of the file is turned on. */
export const RESTORE_CHOICES: ImportChoices = { replaceFeeds: true, replacePreferences: true, enableFeeds: [] };

export class IndexTransfer {
  /** Commits run one at a time: two imports must not both find the same article new. */
  private writing: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: IndexTransferDeps) {}

  /** A new import; its pieces are pushed as they arrive, then it is finished and committed. */
  openImport(): ImportSession {
    return new ImportSession(this.deps);
  }

  /** Commits a checked import after any commit in progress. */
  commit(session: ImportSession, ...args: Parameters<ImportSession['commit']>): Promise<ImportResult> {
    const result = this.writing.then(() => session.commit(...args));
    this.writing = result.catch(() => undefined);
    return result;
  }

  /** Whether the import with this id was written (its id is stored in the same transaction). */
  async wasWritten(id: string): Promise<boolean> {
    return (await readMeta(this.deps.db, META_LAST_IMPORT_ID)) === id;
  }

  /** Imports a whole file's text at once (`index/import`, tools and tests). */
  async importText(text: string, choices: ImportChoices = RESTORE_CHOICES): Promise<ImportResult> {
    const session = this.openImport();
    session.push(text);
    await session.finish();
    return this.commit(session, choices);
  }

  /**
   * The file up to its first article: preferences and feed settings (demo articles are shipped, not
   * exported), and how many articles follow.
   */
  async exportHead(): Promise<ExportPiece & { total: number }> {
    const { db } = this.deps;
    const [preferences, feeds, all, demo] = await Promise.all([
      db.getPreferences(),
      db.feeds.toArray(),
      db.articles.count(),
      db.articles.where('origin').equals('demo').count(),
    ]);
    const head = indexFileHead({
      exportedAt: this.deps.now(),
      generator: this.deps.generator ?? 'Parallax extension',
      preferences,
      feeds: feeds.map((f) => ({ url: f.url, outletId: f.outletId, section: f.section, enabled: f.enabled })),
    });
    return { text: head, last: null, count: 0, done: false, total: all - demo };
  }

  /** The whole file as one text, piece after piece (tools and tests; the options page streams it). */
  async exportText(): Promise<string> {
    const head = await this.exportHead();
    const parts = [head.text];
    let piece: ExportPiece = head;
    let written = 0;
    do {
      piece = await this.exportRows(piece.last, written);
      parts.push(piece.text);
      written += piece.count;
    } while (!piece.done);
    return parts.join('');
  }

  /** The articles after `after` in id order, about one piece's worth; the last piece closes the file. */
  async exportRows(after: string | null, written: number): Promise<ExportPiece> {
    const { db } = this.deps;
    const limit = this.deps.pieceChars ?? 1024 * 1024;
    const parts: string[] = [];
    let chars = 0;
    let count = 0;
    let last = after;
    let done = false;
    while (chars < limit) {
      const rows = await (last === null ? db.articles.orderBy('id') : db.articles.where('id').above(last)).limit(EXPORT_BATCH).toArray();
      for (const row of rows) {
        if (row.origin === 'demo') continue;
        const json = articleJson(row);
        parts.push(written + count > 0 ? `,${json}` : json);
        chars += json.length + 1;
        count++;
      }
      if (rows.length > 0) last = rows[rows.length - 1].id;
      if (rows.length < EXPORT_BATCH) {
        done = true;
        break;
      }
    }
    if (done) parts.push(INDEX_FILE_TAIL);
    return { text: parts.join(''), last, count, done };
  }
}
