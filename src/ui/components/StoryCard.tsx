import type { StoryDigest } from '../../core/story-page';
import { dateTime } from '../format';
import { sideLabel, t } from '../i18n';
import { storyPageUrl } from '../story-links';
import { SideBar } from './SideBar';

/** One story in a list (the stories page, related stories): headline to its page, sources, a small bar. */
export function StoryCard({ story }: { story: StoryDigest }) {
  return (
    <li class="story-card" data-testid="story-card">
      <a class="story-card-title" href={storyPageUrl(story.id)} dir="auto">
        {story.headline}
      </a>
      <div class="story-card-meta muted small">
        <SideBar counts={story.counts} percent={story.percent} />
        <span>{t('storySources', story.sources)}</span>
        {story.originals < story.sources ? <span>{t('storyOriginals', story.originals)}</span> : null}
        {story.blindspot ? <span class="chip blindspot-chip">{t('storiesBlindspotChip', sideLabel(story.blindspot))}</span> : null}
        <time dateTime={new Date(story.lastAt).toISOString()}>{dateTime(story.lastAt)}</time>
      </div>
    </li>
  );
}
