import { render } from 'preact';
import { requestStoryPage, StoryPage } from '@/src/ui/story/StoryPage';
import { storyIdFromSearch } from '@/src/ui/story-links';
import { applyStoredTheme } from '@/src/ui/theme';

// The story page's script (entrypoints/story/index.html), built as one file, as the popup's is.
export default defineUnlistedScript(() => {
  const storyId = storyIdFromSearch(location.search);
  // The worker is asked before anything is drawn, so the story travels while the page renders.
  const first = storyId ? requestStoryPage(storyId) : undefined;
  // Its failure is shown by the page, which handles the promise once it is drawn.
  first?.catch(() => undefined);
  applyStoredTheme();
  render(<StoryPage storyId={storyId} first={first} />, document.getElementById('app')!);
});
