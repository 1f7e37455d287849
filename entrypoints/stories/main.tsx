import '@/src/ui/theme.css';
import '@/src/ui/components/story-parts.css';
import '@/src/ui/story/story.css';
import { render } from 'preact';
import { StoriesPage } from '@/src/ui/stories/StoriesPage';
import { applyStoredTheme } from '@/src/ui/theme';

applyStoredTheme();
render(<StoriesPage />, document.getElementById('app')!);
