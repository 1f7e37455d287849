/**
 * The all-sites opt-in: by default the article script runs only on known outlets and the demo site
 * (manifest); with the reader's optional host permission it is also registered for every site.
 */
import { browser } from 'wxt/browser';

export const ALL_SITES_SCRIPT_ID = 'parallax-article-all-sites';
export const ALL_SITES_ORIGINS = ['https://*/*', 'http://*/*'];

/** A content script's files and the outlet patterns that already run it (from the built manifest). */
function declaredScript(file: string): { js: string[]; matches: string[] } | null {
  const script = (browser.runtime.getManifest().content_scripts ?? []).find((s) => s.js?.some((f) => f.endsWith(`/${file}`)));
  return script?.js ? { js: script.js, matches: script.matches ?? [] } : null;
}

/** The article script (see declaredScript). */
export const declaredArticleScript = () => declaredScript('article.js');
/** The script that wakes the worker as an article page starts loading (entrypoints/wake.content.ts). */
export const declaredWakeScript = () => declaredScript('wake.js');

export async function setAllSites(enabled: boolean): Promise<void> {
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [ALL_SITES_SCRIPT_ID] });
  if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: [ALL_SITES_SCRIPT_ID] });
  if (!enabled) return;
  if (!(await browser.permissions.contains({ origins: ALL_SITES_ORIGINS }))) {
    throw new Error('Parallax needs permission to read pages on all sites first.');
  }
  const article = declaredArticleScript();
  if (!article) throw new Error('The article script is missing from the manifest.');
  await browser.scripting.registerContentScripts([
    {
      id: ALL_SITES_SCRIPT_ID,
      js: article.js,
      matches: ALL_SITES_ORIGINS,
      // Where the manifest already runs it, do not run it twice.
      excludeMatches: article.matches.filter((m) => m !== 'http://127.0.0.1/*' && m !== 'http://localhost/*'),
      runAt: 'document_idle',
      persistAcrossSessions: true,
    },
  ]);
}
