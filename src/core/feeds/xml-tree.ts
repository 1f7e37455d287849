/**
 * The element tree the XML reader builds, and the helpers that read it: children by namespace and
 * name, text content, and inner markup serialised back to HTML.
 */

export interface XmlElement {
  /** Qualified name as written, e.g. "dc:creator". */
  name: string;
  /** Local part of the name, e.g. "creator". */
  local: string;
  /** Canonical namespace key (see NAMESPACE_KEYS): "atom", "dc", "media"...; "" for none. */
  ns: string;
  /** Attributes by qualified name as written, values decoded. */
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Effective xml:base (inherited), or null when none applies. */
  base: string | null;
}

export type XmlNode = XmlElement | string;

/** Deepest nesting kept: deeper elements are flattened by the reader and not walked here. */
export const MAX_DEPTH = 256;

/** First child element with the given local name whose namespace is one of `namespaces`. */
export function childElement(parent: XmlElement, namespaces: readonly string[], local: string): XmlElement | null {
  for (const child of parent.children) {
    if (typeof child !== 'string' && child.local === local && namespaces.includes(child.ns)) return child;
  }
  return null;
}

/** All child elements with the given local name in one of `namespaces`. */
export function childElements(parent: XmlElement, namespaces: readonly string[], local: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (const child of parent.children) {
    if (typeof child !== 'string' && child.local === local && namespaces.includes(child.ns)) found.push(child);
  }
  return found;
}

export function elementChildren(parent: XmlElement): XmlElement[] {
  const found: XmlElement[] = [];
  for (const child of parent.children) if (typeof child !== 'string') found.push(child);
  return found;
}

/** Concatenated text of an element and its descendants. */
export function textContent(element: XmlElement): string {
  if (element.children.length === 1 && typeof element.children[0] === 'string') return element.children[0];
  let out = '';
  const pending: XmlNode[] = [...element.children].reverse();
  while (pending.length > 0) {
    const node = pending.pop() as XmlNode;
    if (typeof node === 'string') out += node;
    else for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i]);
  }
  return out;
}

function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The element's content as an HTML string. Child elements (HTML written unescaped inside a
 * description, or Atom XHTML) are serialised back as tags. With `escapeText`, text nodes are
 * escaped (they are literal text, as in XHTML); otherwise they are taken as HTML source (as in
 * an RSS description whose HTML was entity-escaped or in CDATA).
 */
export function innerMarkup(element: XmlElement, escapeText: boolean): string {
  let out = '';
  const walk = (node: XmlNode, depth: number): void => {
    if (typeof node === 'string') {
      out += escapeText ? escapeMarkup(node) : node;
      return;
    }
    let attributes = '';
    for (const [key, value] of Object.entries(node.attrs)) {
      if (key === 'xmlns' || key.startsWith('xmlns:')) continue;
      attributes += ` ${key}="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
    }
    out += `<${node.local}${attributes}>`;
    if (depth < MAX_DEPTH) for (const child of node.children) walk(child, depth + 1);
    out += `</${node.local}>`;
  };
  for (const child of element.children) walk(child, 0);
  return out;
}

/** Moves every element of namespace `from` to `to` (Atom documents that forgot their namespace). */
export function adoptNamespace(root: XmlElement, from: string, to: string): void {
  const pending: XmlElement[] = [root];
  while (pending.length > 0) {
    const element = pending.pop() as XmlElement;
    if (element.ns === from) element.ns = to;
    pending.push(...elementChildren(element));
  }
}
