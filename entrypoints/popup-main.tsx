import { keptStory, requestFirstStory } from '@/src/ui/popup/first-story';
import { mountPopup } from '@/src/ui/popup/mount';
import { applyStoredTheme } from '@/src/ui/theme';

// The popup's script (entrypoints/popup/index.html), built as one file. The worker and the session store
// are asked before anything else, so their answers travel while the page prepares; the stored theme is
// read after (the first read of localStorage waits on the browser).
export default defineUnlistedScript(() => {
  const first = requestFirstStory(location.search);
  const kept = keptStory(location.search);
  applyStoredTheme();
  mountPopup(first, kept, document.getElementById('app')!);
});
