import { useState } from 'preact/hooks';
import { t } from '../i18n';

/** The evidence for the match, and the reader's way to say it is wrong. */
export function WhyThisMatch({ terms, onWrongStory }: { terms: string[]; onWrongStory(): Promise<void> }) {
  const [busy, setBusy] = useState(false);
  return (
    <details class="why" data-testid="why-this-match">
      <summary>{t('whyTitle')}</summary>
      <p class="muted small">{t('whyText')}</p>
      {terms.length > 0 ? (
        <ul class="terms" aria-label={t('whyTerms')}>
          {terms.map((term) => (
            <li key={term} class="term" dir="auto">
              {term}
            </li>
          ))}
        </ul>
      ) : null}
      <button
        type="button"
        class="button"
        disabled={busy}
        data-testid="wrong-story"
        onClick={() => {
          setBusy(true);
          void onWrongStory().finally(() => setBusy(false));
        }}
      >
        {t('whyWrongStory')}
      </button>
    </details>
  );
}
