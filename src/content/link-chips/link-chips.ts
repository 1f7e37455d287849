/**
 * The chips script's work on a page: finds the links to known outlets' articles, asks the worker once per
 * pass for the outlets of their hosts, and puts a chip beside each. New content is handled in batches,
 * once per animation frame, from a MutationObserver; when nothing is added nothing runs, and a link is
 * looked at once.
 */
import { isArticleLink } from '../../core/links/article-link';
import type { LinkChip } from '../../core/links/chip-outlet';
import type { SiteRule } from '../../core/links/site-rules';
import { CHIP_TAG, type ChipMaker, chipMaker } from '../../ui/link-chip/chip';
import { placeChips } from './chip-place';
import { linkTargetOf } from './link-target';

export interface LinkChipsDeps {
  /** The outlets of these hosts and their chips' words (one message); hosts it leaves out are no outlet's. */
  lookup(hosts: string[]): Promise<Record<string, LinkChip>>;
  rule: SiteRule | null;
  pageUrl(): string;
}

/** What the script has done so far: read by the benchmark, and by tests. */
export interface LinkChipsStats {
  passes: number;
  links: number;
  lookups: number;
  chips: number;
  /** Main-thread time spent finding links and placing chips (the worker's answer not included). */
  busyMs: number;
  /** Of which placing the chips (DOM work only). */
  placeMs: number;
}

/** Resolves after the next frame has been laid out (a task queued from the frame's callback runs after it). */
const afterLayout = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** The most hosts one message carries (the protocol's limit). */
const HOSTS_PER_LOOKUP = 500;

export class LinkChips {
  readonly stats: LinkChipsStats = { passes: 0, links: 0, lookups: 0, chips: 0, busyMs: 0, placeMs: 0 };
  /** Links already looked at: never twice, whatever the page does to them. */
  private readonly seen = new WeakSet<Element>();
  /** Host → what makes its outlet's chips, or null for no outlet's; asked once per page. */
  private readonly outlets = new Map<string, ChipMaker | null>();
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

  /** One pass over what was added since the last: find, ask once, place. */
  private async pass(): Promise<void> {
    this.frame = 0;
    const roots = this.pending;
    this.pending = [];
    this.stats.passes += 1;
    let started = performance.now();
    const found = this.find(roots);
    const hosts = found.map(([, target]) => target.hostname);
    this.stats.busyMs += performance.now() - started;
    if (found.length === 0) return;
    await this.learn(hosts);
    // Placing reads the page's layout: read it once the browser has laid out this frame's changes itself,
    // rather than forcing that layout early (and then again after the chips).
    await afterLayout();
    if (this.stopped) return;
    started = performance.now();
    const articles = this.articleLinks(found);
    const placing = performance.now();
    this.place(articles);
    const ended = performance.now();
    this.stats.busyMs += ended - started;
    this.stats.placeMs += ended - placing;
  }

  /** The new links that lead to another site (a known outlet's or one not asked about yet), with their targets. */
  private find(roots: readonly Element[]): [HTMLAnchorElement, URL][] {
    const found: [HTMLAnchorElement, URL][] = [];
    const pageUrl = this.deps.pageUrl();
    const pageHost = new URL(pageUrl).hostname;
    const consider = (anchor: HTMLAnchorElement) => {
      if (this.seen.has(anchor)) return;
      this.seen.add(anchor);
      this.stats.links += 1;
      const target = linkTargetOf(anchor, pageUrl, pageHost, this.deps.rule);
      if (target !== null && this.outlets.get(target.hostname) !== null) found.push([anchor, target]);
    };
    for (const root of roots) {
      if (!root.isConnected) continue;
      if (root instanceof HTMLAnchorElement && root.hasAttribute('href')) consider(root);
      for (const anchor of root.getElementsByTagName('a')) if (anchor.hasAttribute('href')) consider(anchor);
    }
    return found;
  }

  /** Asks for the hosts not asked about yet, in one message (more only past the protocol's limit). */
  private async learn(hosts: readonly string[]): Promise<void> {
    const unknown = [...new Set(hosts)].filter((host) => !this.outlets.has(host));
    for (let i = 0; i < unknown.length; i += HOSTS_PER_LOOKUP) {
      const batch = unknown.slice(i, i + HOSTS_PER_LOOKUP);
      this.stats.lookups += 1;
      let outlets: Record<string, LinkChip>;
      try {
        outlets = await this.deps.lookup(batch);
      } catch {
        return; // The worker is updating or the extension was reloaded: these links stay as they are.
      }
      for (const host of batch) {
        const chip = Object.hasOwn(outlets, host) ? outlets[host] : null;
        this.outlets.set(host, chip === null ? null : chipMaker(chip.outlet, chip.texts));
      }
    }
  }

  /**
   * The links to a known outlet's article page, with what makes their chips. Classified only now, once
   * their hosts are known: a link to no outlet's site is never classified.
   */
  private articleLinks(found: readonly [HTMLAnchorElement, URL][]): [HTMLAnchorElement, ChipMaker][] {
    const articles: [HTMLAnchorElement, ChipMaker][] = [];
    for (const [anchor, target] of found) {
      const make = this.outlets.get(target.hostname);
      if (make && isArticleLink(target)) articles.push([anchor, make]);
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
