import '@/src/ui/theme.css';
import '@/src/ui/popup/popup.css';
import { requestFirstStory } from '@/src/ui/popup/first-story';

// The worker is asked before the UI's code loads, so the two overlap.
const first = requestFirstStory(location.search);
void import('@/src/ui/popup/mount').then(({ mountPopup }) => mountPopup(first, document.getElementById('app')!));
