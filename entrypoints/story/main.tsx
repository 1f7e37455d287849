import '@/src/ui/theme.css';
import '@/src/ui/components/story-parts.css';
import '@/src/ui/story/story.css';
import { render } from 'preact';
import { StoryPage } from '@/src/ui/story/StoryPage';
import { storyIdFromSearch } from '@/src/ui/story-links';
import { applyStoredTheme } from '@/src/ui/theme';

applyStoredTheme();
render(<StoryPage storyId={storyIdFromSearch(location.search)} />, document.getElementById('app')!);
