/**
 * Story digests kept from one stories-page list to the next, and from one worker to the next: each story's
 * digest with the signature of its members (membersSignature), under the signature of everything else a
 * digest depends on (the reader's outlets, ratings and preferences). After a refresh only the stories
 * that gained or lost articles are digested again; after a worker start the digests come from the
 * session store (memory only, gone when the browser closes) instead of reading and digesting every
 * article of the window again, which takes seconds on a big index.
 */
import type { StoryDigest } from '../core/story-page';
import type { SessionArea } from '../messaging/kept-story';

const KEY = 'story-digests';
/** Changes whenever a digest's shape or the way it is computed does: digests kept by another build are dropped. */
const FORMAT = 1;
/** Digests kept beyond those of the window just listed (another window, stories that left it). */
const MAX_ENTRIES = 20_000;

interface Entry {
  members: string;
  digest: StoryDigest | null;
}

interface Stored {
  format: number;
  /** The build that stored them: another build may ship other outlets and ratings. */
  build: string;
  context: string;
  entries: [storyId: string, members: string, digest: StoryDigest | null][];
}

/** Written by this module, but perhaps by an older build: only the expected shape is used. */
function isStored(value: unknown): value is Stored {
  const stored = value as Partial<Stored> | undefined;
  return (
    stored?.format === FORMAT &&
    typeof stored.build === 'string' &&
    typeof stored.context === 'string' &&
    Array.isArray(stored.entries) &&
    stored.entries.every(
      (e) =>
        Array.isArray(e) &&
        typeof e[0] === 'string' &&
        typeof e[1] === 'string' &&
        (e[2] === null || (typeof e[2] === 'object' && typeof e[2].headline === 'string')),
    )
  );
}

/** The digests kept for one context, as a list computation uses them. */
export interface KeptDigests {
  /** The story's kept digest when its members are still `members` (null: none of them visible); undefined: none kept. */
  get(storyId: string, members: string): StoryDigest | null | undefined;
  put(storyId: string, members: string, digest: StoryDigest | null): void;
  /** Stores what is kept for the next worker; `listed` are the window's stories, kept first. */
  save(listed: readonly string[]): Promise<void>;
}

export class StoryDigestCache {
  private context = '';
  private entries = new Map<string, Entry>();
  private loaded: Promise<void> | null = null;
  /** Bumped by forget(): a computation that started before it neither keeps nor stores anything. */
  private generation = 0;

  /** `area`: the session store, null to keep digests in memory only (tests, Node); `build`: the extension's version. */
  constructor(
    private readonly area: SessionArea | null,
    private readonly build = '',
  ) {}

  /** The digests kept for `context` (the signature of outlets, ratings and preferences); others are dropped. */
  async open(context: string): Promise<KeptDigests> {
    this.loaded ??= this.load();
    await this.loaded;
    if (this.context !== context) {
      this.context = context;
      this.entries = new Map();
    }
    const generation = this.generation;
    const current = () => generation === this.generation && this.context === context;
    let changed = false;
    return {
      get: (storyId, members) => {
        const entry = this.entries.get(storyId);
        return entry?.members === members ? entry.digest : undefined;
      },
      put: (storyId, members, digest) => {
        if (!current()) return;
        this.entries.set(storyId, { members, digest });
        changed = true;
      },
      save: async (listed) => {
        // Nothing new: what the session store holds is current (writing it costs the worker a copy of it all).
        if (!changed || !current()) return;
        this.prune(listed);
        await this.store();
      },
    };
  }

  /** Forgets every kept digest, here and in the session store (a setting changed, or the data was cleared). */
  async forget(): Promise<void> {
    this.generation++;
    this.context = '';
    this.entries = new Map();
    this.loaded = Promise.resolve();
    await this.area?.remove(KEY);
  }

  private async load(): Promise<void> {
    const generation = this.generation;
    const stored = (await this.area?.get(KEY).catch((): Record<string, unknown> => ({})))?.[KEY];
    if (!isStored(stored) || stored.build !== this.build || generation !== this.generation) return;
    this.context = stored.context;
    this.entries = new Map(stored.entries.map(([storyId, members, digest]) => [storyId, { members, digest }]));
  }

  /** Over the limit, keeps the window's stories and drops the others. */
  private prune(listed: readonly string[]): void {
    if (this.entries.size <= MAX_ENTRIES) return;
    const kept = new Map<string, Entry>();
    for (const storyId of listed) {
      const entry = this.entries.get(storyId);
      if (entry) kept.set(storyId, entry);
    }
    this.entries = kept;
  }

  private async store(): Promise<void> {
    if (!this.area) return;
    const stored: Stored = {
      format: FORMAT,
      build: this.build,
      context: this.context,
      entries: [...this.entries].map(([storyId, { members, digest }]) => [storyId, members, digest]),
    };
    // A full session store costs the next worker its head start, nothing else.
    await this.area.set({ [KEY]: stored }).catch(() => undefined);
  }
}
