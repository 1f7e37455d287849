import { render } from 'preact';
import { FIRST_FILTER, requestStories, StoriesPage } from '@/src/ui/stories/StoriesPage';
import { applyStoredTheme } from '@/src/ui/theme';

// The stories page's script (entrypoints/stories/index.html), built as one file, as the popup's is.
export default defineUnlistedScript(() => {
  // The worker is asked before anything is drawn, so the list travels while the page renders.
  const first = requestStories(FIRST_FILTER);
  // Its failure is shown by the page, which handles the promise once it is drawn.
  first.catch(() => undefined);
  applyStoredTheme();
  render(<StoriesPage first={first} />, document.getElementById('app')!);
});
