import { render } from 'preact';
import { firstList, StoriesPage } from '@/src/ui/stories/StoriesPage';
import { applyStoredTheme } from '@/src/ui/theme';

// The stories page's script (entrypoints/stories/index.html), built as one file, as the popup's is.
export default defineUnlistedScript(() => {
  // Started before anything is drawn: the list kept from the last opening, else the worker's, so the list
  // travels while the page renders (a stopped worker must start and restore its engine before it answers).
  const first = firstList();
  applyStoredTheme();
  render(<StoriesPage first={first} />, document.getElementById('app')!);
});
