import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';

export const FIXTURES = join(__dirname, '../../fixtures/detect');

export function parse(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

export function fixture(kind: 'positive' | 'negative', name: string): Document {
  return parse(readFileSync(join(FIXTURES, kind, name), 'utf8'));
}

export function fixtureNames(kind: 'positive' | 'negative'): string[] {
  return readdirSync(join(FIXTURES, kind))
    .filter((name) => name.endsWith('.html'))
    .sort();
}

/** Structural fingerprint (tags, attributes, text) to prove the detector leaves the DOM untouched. */
export function fingerprint(doc: Document): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) parts.push(`#${node.textContent ?? ''}`);
    if (node.nodeType === 1) {
      const element = node as Element;
      const attributes = Array.from(element.attributes).map((attribute) => `${attribute.name}=${attribute.value}`);
      parts.push(`<${element.localName} ${attributes.join(' ')}>`);
    }
    for (let child = node.firstChild; child !== null; child = child.nextSibling) walk(child);
  };
  walk(doc);
  return parts.join('\n');
}

export function page(head: string, body: string, htmlAttributes = 'lang="en"'): Document {
  return parse(`<!doctype html><html ${htmlAttributes}><head>${head}</head><body>${body}</body></html>`);
}

export const BODY = [
  'The state Senate approved a two-year budget early Friday after a session that stretched past midnight, ending a standoff.',
  'The agreement raises spending on schools by four percent and sets aside money for road repairs, but leaves out the tax cut.',
  'The House is expected to take up the bill on Monday. Leaders there said they had the votes to pass it without changes.',
  'Advocates for public transit criticised the deal for cutting bus funding, and said they would press lawmakers to restore it.',
  'The governor has not said whether she will sign the bill, but aides said she was pleased that the deadline had been met.',
  'Economists said the plan relied on optimistic revenue forecasts that could leave a gap in the second year of the budget.',
  'Local officials welcomed the road money, saying that repairs had been delayed for years because of the state’s tight budgets.',
]
  .map((text) => `<p>${text}</p>`)
  .join('');
