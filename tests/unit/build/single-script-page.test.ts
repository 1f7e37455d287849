import { describe, expect, it } from 'vitest';
import { withoutWxtPageModule } from '../../../src/build/single-script-page';

const page = (scripts: string) => `<!doctype html><html><head><title>P</title>
    ${scripts}
  </head><body><div id="app"></div></body></html>`;
// As WXT adds it to every page, before Vite bundles the page's modules.
const WXT_MODULE = '<script src="virtual:wxt-html-plugins" type="module"></script>';
const OWN_SCRIPT = '<script defer src="/popup-main.js"></script>';

describe('a page whose script is built whole', () => {
  it('loses WXT’s page module and keeps its own classic script', () => {
    const html = withoutWxtPageModule(page(`${OWN_SCRIPT}\n    ${WXT_MODULE}`), 'popup');
    expect(html).not.toContain('wxt-html-plugins');
    expect(html).toContain(OWN_SCRIPT);
    expect(html.match(/<script/g)).toHaveLength(1);
  });

  it('fails the build when WXT no longer adds its module (how pages start has changed)', () => {
    expect(() => withoutWxtPageModule(page(OWN_SCRIPT), 'popup')).toThrow(/expected one WXT page module script, found 0/);
  });

  it('fails the build when the page has another module script, which would be fetched before it draws', () => {
    const html = page(`${WXT_MODULE}\n    <script type="module" src="./main.tsx"></script>`);
    expect(() => withoutWxtPageModule(html, 'popup')).toThrow(/another module script/);
  });
});
