/** What every options section shows while its data loads, and when the worker refused or failed. */
import { useState } from 'preact/hooks';
import { errorText } from '../../messaging/client';
import { type MessageName, t } from '../i18n';

/** The section's error, announced; nothing when there is none. */
export function ErrorNote({ error }: { error: string | null }) {
  return error ? (
    <p class="error" role="alert">
      {t('stateError', error)}
    </p>
  ) : null;
}

/** "Loading…", as a paragraph or as the one item of a list still loading. */
export function Loading({ as: Tag = 'p' }: { as?: 'p' | 'li' }) {
  return <Tag class="muted">{t('optionsLoading')}</Tag>;
}

/** A section's card held in place (same heading, no layout jump) until the data it needs has come. */
export function PlaceholderCard({ id, title }: { id: string; title: MessageName }) {
  return (
    <section class={`card placeholder ${id}-placeholder`} aria-labelledby={`${id}-title`} aria-busy="true">
      <h2 id={`${id}-title`}>{t(title)}</h2>
      <Loading />
    </section>
  );
}

/** A section's error state: `fail` takes whatever was thrown, `clear` hides the note. */
export function useFailure() {
  const [error, setError] = useState<string | null>(null);
  return { error, fail: (e: unknown) => setError(errorText(e)), clear: () => setError(null) };
}
