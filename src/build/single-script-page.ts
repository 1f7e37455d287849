/**
 * A Vite plugin for an extension page whose script is built whole as an unlisted script (the popup: its
 * index.html loads one classic script and inlines its styles). WXT adds to every HTML page a module
 * script (`virtual:wxt-html-plugins`) that starts its runtime plugins; an unlisted script starts them
 * itself, so on such a page that module is only one more file to fetch before the page can draw, and is
 * taken out. The build fails if the page does not have exactly that module script, so a WXT upgrade that
 * changes how pages start cannot go unnoticed.
 */
import type { Plugin } from 'vite';

const WXT_PAGE_MODULE = /\s*<script\b[^>]*\ssrc="[^"]*wxt-html-plugins[^"]*"[^>]*>\s*<\/script>/g;

/** The built page's HTML without WXT's module script; throws unless that was its one module script. */
export function withoutWxtPageModule(html: string, page: string): string {
  const found = html.match(WXT_PAGE_MODULE)?.length ?? 0;
  if (found !== 1) throw new Error(`${page}: expected one WXT page module script, found ${found}; check how WXT starts its pages`);
  const replaced = html.replace(WXT_PAGE_MODULE, '');
  if (/<script\b[^>]*\stype="module"/.test(replaced)) throw new Error(`${page}: another module script; this page loads one classic script`);
  return replaced;
}

/** `pages`: the HTML entry files (as Vite names them, e.g. `entrypoints/popup/index.html`) to treat so. */
export function singleScriptPages(pages: readonly string[]): Plugin {
  return {
    name: 'parallax:single-script-pages',
    apply: 'build',
    // Among the hooks that run before Vite bundles the page's scripts, after WXT's (a plugin of its own,
    // in the normal order) has added its module: taken out then, it never becomes a chunk the other
    // pages would then have to load as a file of its own.
    enforce: 'post',
    transformIndexHtml: {
      order: 'pre',
      handler(html, ctx) {
        const page = pages.find((p) => ctx.filename.endsWith(p));
        return page ? withoutWxtPageModule(html, page) : html;
      },
    },
  };
}
