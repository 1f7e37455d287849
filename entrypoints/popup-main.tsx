import { keptStory, requestFirstStory } from '@/src/ui/popup/first-story';
import { mountPopup } from '@/src/ui/popup/mount';
import { applyStoredTheme } from '@/src/ui/theme';

// The popup's script (entrypoints/popup/index.html), built as one file. The worker is asked before
// anything is drawn, so the answer travels while the page renders.
export default defineUnlistedScript(() => {
  const first = requestFirstStory(location.search);
  applyStoredTheme();
  mountPopup(first, keptStory(location.search), document.getElementById('app')!);
});
