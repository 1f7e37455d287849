import { useState } from 'preact/hooks';
import { t } from '../i18n';

/** A name of several words ("Fed Up", "World Cup"): a phrase the engine matched as a whole. */
const isName = (term: string) => /\s/u.test(term.trim());

/**
 * The evidence for the match, and the reader's way to say it is wrong. Shared names come first: one
 * shared name says more about why two headlines are one story than several shared words.
 */
export function WhyThisMatch({ terms, onWrongStory }: { terms: string[]; onWrongStory(): Promise<void> }) {
  const [busy, setBusy] = useState(false);
  // The engine already lists names first; a stable sort keeps that true for any evidence it is given.
  const shown = [...terms].sort((a, b) => Number(isName(b)) - Number(isName(a)));
  return (
    <details class="why" data-testid="why-this-match">
      <summary>{t('whyTitle')}</summary>
      <p class="muted small">{t('whyText')}</p>
      {shown.length > 0 ? (
        <ul class="terms" aria-label={t('whyTerms')}>
          {shown.map((term) => (
            <li key={term} class="term" dir="auto" data-name={isName(term) ? '' : undefined}>
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
