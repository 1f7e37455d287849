/**
 * The chips script's work on a page: collects the links it has not seen, sends them to the worker once
 * per pass (which resolves them and says which lead to a known outlet's article), and puts a chip beside
 * each of those. Resolving and classifying addresses is the worker's work, on its own thread: the page's
 * thread only walks the new nodes and places chips. New content is handled in batches, once per
 * animation frame, from a MutationObserver; when nothing is added nothing runs, and a link is looked at
 * once.
 */
import {
  CHIP_HREF_MAX,
  CHIP_KNOWN_MAX_HOSTS,
  CHIP_LINKS_MAX,
  CHIP_TEXT_MAX,
  type ChipLink,
  type PageLink,
} from '../../core/links/chip-links';
import type { LinkChip } from '../../core/links/chip-outlet';
import type { SiteRule } from '../../core/links/site-rules';
import { CHIP_TAG, type ChipMaker, chipMaker } from '../../ui/link-chip/chip';
import { placeChips } from './chip-place';

/** The worker's answer for a batch of links. */
export interface ChipLinksReply {
  chips: ChipLink[];
  outlets: Record<string, LinkChip>;
}

export interface LinkChipsDeps {
  /** Which of these links get a chip (one message), with the outlets of hosts not in `known`. */
  links(links: PageLink[], known: string[]): Promise<ChipLinksReply>;
  rule: SiteRule | null;
}

/** What the script has done so far: read by the benchmark, and by tests. */
export interface LinkChipsStats {
  passes: number;
  links: number;
  /** Messages sent to the worker. */
  lookups: number;
  chips: number;
  /** Main-thread time spent finding links, sending them and placing chips (the wait for the worker not included). */
  busyMs: number;
  /** Of which placing the chips (DOM work only). */
  placeMs: number;
}

/** Resolves after the next frame has been laid out (a task queued from the frame's callback runs after it). */
const afterLayout = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

export class LinkChips {
  readonly stats: LinkChipsStats = { passes: 0, links: 0, lookups: 0, chips: 0, busyMs: 0, placeMs: 0 };
  /** Links already looked at: never twice, whatever the page does to them. */
  private readonly seen = new WeakSet<Element>();
  /** Host → what makes its outlet's chips; filled from the worker's answers. */
  private readonly outlets = new Map<string, ChipMaker>();
  private pending: Element[] = [];
  private frame = 0;
  private observer: MutationObserver | null = null;
  private root: Element = document.documentElement;
  private stopped = false;

  constructor(private readonly deps: LinkChipsDeps) {}

  /** Annotates what the page holds now, then what it adds. */
  start(root: Element = document.documentElement): void {
    this.root = root;
    this.observer = new MutationObserver((records) => this.added(records));
    this.observer.observe(root, { childList: true, subtree: true });
    this.queue(root);
  }

  stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
    cancelAnimationFrame(this.frame);
  }

  private added(records: MutationRecord[]): void {
    for (const record of records) {
      for (const node of record.addedNodes) {
        // Text, comments and our own chips hold no links.
        if (node.nodeType === Node.ELEMENT_NODE && (node as Element).localName !== CHIP_TAG) this.queue(node as Element);
      }
    }
  }

  private queue(element: Element): void {
    this.pending.push(element);
    if (this.frame === 0) this.frame = requestAnimationFrame(() => void this.pass());
  }

  /** One pass over what was added since the last: collect, ask once, place. */
  private async pass(): Promise<void> {
    this.frame = 0;
    const roots = this.pending;
    this.pending = [];
    this.stats.passes += 1;
    const { anchors, links } = this.collect(roots);
    for (let from = 0; from < links.length && !this.stopped; from += CHIP_LINKS_MAX) {
      let started = performance.now();
      const asked = this.deps.links(links.slice(from, from + CHIP_LINKS_MAX), [...this.outlets.keys()].slice(0, CHIP_KNOWN_MAX_HOSTS));
      this.stats.lookups += 1;
      this.stats.busyMs += performance.now() - started;
      let reply: ChipLinksReply;
      try {
        reply = await asked;
      } catch {
        return; // The worker is updating or the extension was reloaded: these links stay as they are.
      }
      // Placing reads the page's layout: read it once the browser has laid out this frame's changes itself,
      // rather than forcing that layout early (and then again after the chips).
      await afterLayout();
      if (this.stopped) return;
      started = performance.now();
      const articles = this.articleLinks(reply, anchors, from);
      const placing = performance.now();
      this.place(articles);
      const ended = performance.now();
      this.stats.busyMs += ended - started;
      this.stats.placeMs += ended - placing;
    }
  }

  /** The new links that may lead to another site, as the worker is sent them, with their elements. */
  private collect(roots: readonly Element[]): { anchors: HTMLAnchorElement[]; links: PageLink[] } {
    const started = performance.now();
    const anchors: HTMLAnchorElement[] = [];
    const links: PageLink[] = [];
    const { rule } = this.deps;
    const consider = (anchor: HTMLAnchorElement) => {
      // The attribute as written (the worker resolves it against the page's address): reading the `href`
      // property would have the browser serialise a resolved address for every link.
      const href = anchor.getAttribute('href');
      if (href === null || this.seen.has(anchor)) return;
      this.seen.add(anchor);
      this.stats.links += 1;
      // The site's own test first: on a results page it turns most links away.
      if (rule?.results !== undefined && !anchor.matches(rule.results)) return;
      // A link within the page leads nowhere else.
      if (href === '' || href.startsWith('#') || href.length > CHIP_HREF_MAX) return;
      anchors.push(anchor);
      if (rule?.targetInText) {
        const text = anchor.textContent ?? '';
        links.push(text.length <= CHIP_TEXT_MAX ? { href, text } : { href });
      } else links.push({ href });
    };
    for (const root of roots) {
      if (!root.isConnected) continue;
      // An SVG drawing's links are no titles.
      if (root instanceof HTMLAnchorElement) consider(root);
      for (const anchor of root.getElementsByTagName('a')) if (anchor instanceof HTMLAnchorElement) consider(anchor);
    }
    this.stats.busyMs += performance.now() - started;
    return { anchors, links };
  }

  /**
   * The links the worker gave a chip, with what makes their chips (made once per outlet). An image-only
   * link (a thumbnail beside its title link) gets none: the title's chip says it.
   */
  private articleLinks(reply: ChipLinksReply, anchors: readonly HTMLAnchorElement[], from: number): [HTMLAnchorElement, ChipMaker][] {
    for (const [host, chip] of Object.entries(reply.outlets)) {
      if (!this.outlets.has(host)) this.outlets.set(host, chipMaker(chip.outlet, chip.texts));
    }
    const articles: [HTMLAnchorElement, ChipMaker][] = [];
    for (const [index, host] of reply.chips) {
      const anchor = anchors[from + index];
      const make = this.outlets.get(host);
      if (anchor !== undefined && make !== undefined && (anchor.textContent ?? '').trim() !== '') articles.push([anchor, make]);
    }
    return articles;
  }

  private place(articles: readonly [HTMLAnchorElement, ChipMaker][]): void {
    // Our own insertions are no news: the observer is off while they are made (what the page changed
    // before is taken first), rather than recording each one and dropping the records after.
    const observer = this.observer;
    if (observer !== null) {
      this.added(observer.takeRecords());
      observer.disconnect();
    }
    this.stats.chips += placeChips(articles, this.deps.rule?.placeIn);
    observer?.observe(this.root, { childList: true, subtree: true });
  }
}
