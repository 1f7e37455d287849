/**
 * The chips script's work on a page. It resolves each new link itself (wrappers, AMP caches, the page's
 * own site, listings: `linkTargetOf`, `isArticleLink`) and asks the worker only about hosts, once per
 * host for the page's life, in one message per frame (`chips.outlets`).
 *
 * New content is handled in batches, one per MutationObserver delivery: the links a task added, right
 * after it and before the browser lays them out. Links to hosts already known get their chips there, with
 * no read of the layout: the browser lays the new content out once, chips included, and nothing the
 * reader saw moves. Links to hosts not known yet wait for the worker's answer and are placed after the
 * next layout, like the links the page held when the script started: then placing reads the layout, so
 * that no line the reader sees grows. When nothing is added nothing runs, and a link is looked at once.
 */
import { isArticleLink } from '../../core/links/article-link';
import { CHIP_HOSTS_MAX, CHIP_HREF_MAX, CHIP_TEXT_MAX, type LinkPage, linkTargetOf } from '../../core/links/chip-links';
import type { LinkChip } from '../../core/links/chip-outlet';
import type { SiteRule } from '../../core/links/site-rules';
import { CHIP_TAG, type ChipMaker, chipMaker, isChip } from '../../ui/link-chip/chip';
import { forgetLinkShapes, placeChips } from './chip-place';

export interface LinkChipsDeps {
  /** The chips of those hosts a known outlet publishes at (one message); a host left out has none. */
  outlets(hosts: string[]): Promise<Record<string, LinkChip>>;
  rule: SiteRule | null;
  /** The page's address and host now, which links are resolved against. */
  page(): LinkPage;
}

/** What the script has done so far: read by the benchmark, and by tests. */
export interface LinkChipsStats {
  /** Batches of new content looked at. */
  passes: number;
  links: number;
  /** Messages sent to the worker. */
  lookups: number;
  chips: number;
  /** Of which placed in the task that added their link, before its first layout. */
  chipsUnread: number;
  /** Main-thread time spent finding links, sending hosts and placing chips (the wait for the worker not included). */
  busyMs: number;
  /** Of which placing the chips (DOM work only). */
  placeMs: number;
}

/** A link that gets a chip once its host is known to be an outlet's. */
type Waiting = [anchor: HTMLAnchorElement, host: string];

/** Resolves after the next frame has been laid out (a task queued from the frame's callback runs after it). */
const afterLayout = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

export class LinkChips {
  readonly stats: LinkChipsStats = { passes: 0, links: 0, lookups: 0, chips: 0, chipsUnread: 0, busyMs: 0, placeMs: 0 };
  /** Links already looked at: never twice, whatever the page does to them. */
  private readonly seen = new WeakSet<Element>();
  /** Host → what makes its outlet's chips; null when no outlet publishes there. Absent: not known yet. */
  private readonly hosts = new Map<string, ChipMaker | null>();
  /** Hosts to ask the worker about in the next frame, and hosts asked about whose answer has not come. */
  private toAsk = new Set<string>();
  private readonly asking = new Set<string>();
  private waiting: Waiting[] = [];
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
    window.addEventListener('resize', forgetLinkShapes, { passive: true });
    // The page is laid out and drawn already: no host is known yet, so every link waits for the answer.
    this.take([root], false);
  }

  stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
    window.removeEventListener('resize', forgetLinkShapes);
    cancelAnimationFrame(this.frame);
  }

  private added(records: MutationRecord[]): void {
    const roots: Element[] = [];
    for (const record of records) {
      for (const node of record.addedNodes) {
        // Text, comments and our own chips hold no links.
        if (node.nodeType === Node.ELEMENT_NODE && (node as Element).localName !== CHIP_TAG) roots.push(node as Element);
      }
    }
    if (roots.length > 0) this.take(roots, true);
  }

  /**
   * One batch: the new links under `roots`. Those to a known outlet's article get their chip now; `fresh`
   * says the content was just added and not laid out yet, so the chips go in without a read of the layout.
   */
  private take(roots: readonly Element[], fresh: boolean): void {
    if (this.stopped) return;
    const started = performance.now();
    this.stats.passes += 1;
    const ready: [HTMLAnchorElement, ChipMaker][] = [];
    this.collect(roots, (anchor, host, make) => {
      if (make === undefined) {
        this.waiting.push([anchor, host]);
        if (!this.asking.has(host)) this.toAsk.add(host);
      } else ready.push([anchor, make]);
    });
    if (ready.length > 0) this.place(ready, !fresh);
    if (this.toAsk.size > 0 && this.frame === 0) this.frame = requestAnimationFrame(() => void this.ask());
    this.stats.busyMs += performance.now() - started;
  }

  /**
   * Calls `found` for each new link that leads to an article on another site whose host is not known to
   * have no outlet, with its host's chip maker (undefined while the host is not known yet).
   */
  private collect(roots: readonly Element[], found: (anchor: HTMLAnchorElement, host: string, make: ChipMaker | undefined) => void): void {
    const { rule } = this.deps;
    const page = this.deps.page();
    const consider = (anchor: HTMLAnchorElement) => {
      // The attribute as written: reading the `href` property would have the browser serialise a resolved
      // address for every link.
      const href = anchor.getAttribute('href');
      if (href === null || this.seen.has(anchor)) return;
      this.seen.add(anchor);
      this.stats.links += 1;
      // The site's own test first: on a results page it turns most links away.
      if (rule?.results !== undefined && !anchor.matches(rule.results)) return;
      // A link within the page leads nowhere else.
      if (href === '' || href.startsWith('#') || href.length > CHIP_HREF_MAX) return;
      let text: string | undefined;
      if (rule?.targetInText) {
        text = anchor.textContent ?? '';
        if (text.length > CHIP_TEXT_MAX) text = undefined;
      }
      const target = linkTargetOf({ href, text }, page);
      if (target === null) return;
      const host = target.hostname;
      const make = this.hosts.get(host);
      // The path's test only for a host that may have an outlet. An image-only link (a thumbnail beside
      // its title link) gets no chip: the title's chip says it.
      if (make === null || !isArticleLink(target) || (anchor.textContent ?? '').trim() === '') return;
      found(anchor, host, make);
    };
    for (const root of roots) {
      if (!root.isConnected) continue;
      // A page that clones its content (a row as a template) copies the chips in it, their roots too:
      // such a copy is not this script's, may be beside another link by now, and its link gets its own.
      const copies = root.getElementsByTagName(CHIP_TAG);
      for (let i = copies.length - 1; i >= 0; i--) if (!isChip(copies[i])) copies[i].remove();
      // An SVG drawing's links are no titles.
      if (root instanceof HTMLAnchorElement) consider(root);
      for (const anchor of root.getElementsByTagName('a')) if (anchor instanceof HTMLAnchorElement) consider(anchor);
    }
  }

  /** Asks the worker about the hosts found since the last frame, then places the links that waited for them. */
  private async ask(): Promise<void> {
    this.frame = 0;
    const hosts = [...this.toAsk];
    this.toAsk = new Set();
    for (const host of hosts) this.asking.add(host);
    const replies: Promise<Record<string, LinkChip>>[] = [];
    const started = performance.now();
    for (let from = 0; from < hosts.length; from += CHIP_HOSTS_MAX) {
      replies.push(this.deps.outlets(hosts.slice(from, from + CHIP_HOSTS_MAX)));
      this.stats.lookups += 1;
    }
    this.stats.busyMs += performance.now() - started;
    let outlets: Record<string, LinkChip>;
    try {
      outlets = Object.assign({}, ...(await Promise.all(replies)));
    } catch {
      // The worker is updating or the extension was reloaded: these links stay as they are, and their
      // hosts are asked about again when the page adds more links to them.
      for (const host of hosts) this.asking.delete(host);
      return;
    }
    for (const host of hosts) {
      this.asking.delete(host);
      const chip = Object.hasOwn(outlets, host) ? outlets[host] : undefined;
      this.hosts.set(host, chip === undefined ? null : chipMaker(chip.outlet, chip.texts));
    }
    // Placing reads the page's layout: read it once the browser has laid out this frame's changes itself,
    // rather than forcing that layout early (and then again after the chips).
    await afterLayout();
    if (this.stopped) return;
    const placing = performance.now();
    const ready: [HTMLAnchorElement, ChipMaker][] = [];
    const still: Waiting[] = [];
    for (const entry of this.waiting) {
      const make = this.hosts.get(entry[1]);
      if (make === undefined) still.push(entry);
      else if (make !== null) ready.push([entry[0], make]);
    }
    this.waiting = still;
    this.place(ready, true);
    this.stats.busyMs += performance.now() - placing;
  }

  /** Inserts the chips; `read`: choose each one's form from the layout (content the reader may have seen). */
  private place(links: readonly [HTMLAnchorElement, ChipMaker][], read: boolean): void {
    const started = performance.now();
    // Our own insertions are no news: the observer is off while they are made. What the page changed
    // before is taken first and looked at after.
    const observer = this.observer;
    const before = observer?.takeRecords() ?? [];
    observer?.disconnect();
    const placed = placeChips(links, this.deps.rule?.placeIn, read);
    this.stats.chips += placed;
    if (!read) this.stats.chipsUnread += placed;
    observer?.observe(this.root, { childList: true, subtree: true });
    this.stats.placeMs += performance.now() - started;
    if (before.length > 0) this.added(before);
  }
}
