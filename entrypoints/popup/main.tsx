import '@/src/ui/theme.css';
import '@/src/ui/components/story-parts.css';
import '@/src/ui/popup/popup.css';
import { keptStory, requestFirstStory } from '@/src/ui/popup/first-story';
import { mountPopup } from '@/src/ui/popup/mount';
import { applyStoredTheme } from '@/src/ui/theme';

// The worker is asked before anything is drawn, so the answer travels while the page renders.
const first = requestFirstStory(location.search);
applyStoredTheme();
mountPopup(first, keptStory(location.search), document.getElementById('app')!);
