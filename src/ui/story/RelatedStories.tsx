import { useEffect, useState } from 'preact/hooks';
import type { StoryDigest } from '../../core/story-page';
import { ask } from '../../messaging/client';
import { StoryRows } from '../components/StoryRows';
import { t } from '../i18n';

/** Up to five stories of the same days sharing key names; asked for after the page is drawn. */
export function RelatedStories({ storyId }: { storyId: string }) {
  const [related, setRelated] = useState<StoryDigest[] | null>(null);
  useEffect(() => {
    setRelated(null);
    ask({ type: 'story/related', storyId }).then(setRelated, () => setRelated([]));
  }, [storyId]);
  return (
    <section class="related" aria-labelledby="related-title" aria-busy={related === null} data-testid="related">
      <h2 id="related-title">{t('relatedTitle')}</h2>
      {related === null ? (
        <p class="muted">{t('relatedLoading')}</p>
      ) : related.length === 0 ? (
        <p class="muted">{t('relatedNone')}</p>
      ) : (
        <StoryRows stories={related} />
      )}
    </section>
  );
}
