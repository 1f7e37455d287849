/**
 * Before an import writes anything: what it would change (articles, feeds, preferences, with counts and
 * short lists), and the reader's choice to replace their feeds or preferences. Feeds of a file stay off
 * unless the reader turns them on here, which asks the browser for their sites in the same click.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Preferences } from '../../core/preferences';
import type { ImportChoices, ImportPreview } from '../../messaging/protocol-transfer';
import { t } from '../i18n';
import { requestOrigins } from './browser-access';
import { defaultChoices, preferenceChanges, shortList } from './import-preview';

interface Props {
  fileName: string;
  preview: ImportPreview;
  current: Preferences;
  /** The reader confirmed; `accessRefused`: they turned feeds on, but the browser did not grant their sites. */
  onConfirm(choices: ImportChoices, accessRefused: boolean): void;
  onCancel(): void;
}

const count = (n: number) => n.toLocaleString();

/** One of the reader's choices: a checkbox and what it does. */
function Choice({
  checked,
  set,
  testId,
  children,
}: {
  checked: boolean;
  set(on: boolean): void;
  testId: string;
  children: ComponentChildren;
}) {
  return (
    <label class="check">
      <input type="checkbox" checked={checked} onChange={(e) => set(e.currentTarget.checked)} data-testid={testId} />
      <span class="wrap">{children}</span>
    </label>
  );
}

export function ImportDialog({ fileName, preview, current, onConfirm, onCancel }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const initial = defaultChoices(preview, current);
  const [replaceFeeds, setReplaceFeeds] = useState(initial.replaceFeeds);
  const [replacePreferences, setReplacePreferences] = useState(initial.replacePreferences);
  const [turnOn, setTurnOn] = useState(false);
  const changes = preferenceChanges(current, preview.preferences);
  const { articles, feeds } = preview;
  const sites = [...new Set(feeds.toTurnOn.map((f) => f.site))];

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const confirm = () => {
    const turning = replaceFeeds && turnOn && feeds.toTurnOn.length > 0;
    // Asked within the click: the browser shows its prompt only during a user gesture.
    const granted = turning ? requestOrigins(sites) : Promise.resolve(false);
    dialog.current?.close();
    void granted.then((ok) =>
      onConfirm({ replaceFeeds, replacePreferences, enableFeeds: turning && ok ? feeds.toTurnOn.map((f) => f.url) : [] }, turning && !ok),
    );
  };

  return (
    <dialog
      ref={dialog}
      class="confirm import-dialog"
      aria-labelledby="import-title"
      onCancel={(e) => {
        e.preventDefault();
        dialog.current?.close();
        onCancel();
      }}
      data-testid="import-dialog"
    >
      <h3 id="import-title" class="wrap">
        {t('importTitle', fileName)}
      </h3>
      <p class="muted small">{t('importFrom', preview.generator ?? '—', new Date(preview.exportedAt).toLocaleString())}</p>

      <h4>{t('dataArticles')}</h4>
      <p data-testid="import-articles">{t('importArticles', count(articles.inFile), count(articles.new))}</p>
      {articles.sample.length > 0 ? (
        <ul class="import-sample" aria-label={t('importSample')}>
          {articles.sample.map((a, i) => (
            <li key={i} class="wrap">
              {a.title}
              {a.host ? <span class="muted"> · {a.host}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {articles.overCap > 0 ? (
        <p class="warn">{t('importOverCap', count(articles.held + articles.new - articles.overCap), count(articles.overCap))}</p>
      ) : null}

      <h4>{t('feedsTitle')}</h4>
      {feeds.inFile === 0 && feeds.held === 0 ? (
        <p>{t('importFeedsNone')}</p>
      ) : (
        <div class="import-choice" data-testid="import-feeds">
          <Choice checked={replaceFeeds} set={setReplaceFeeds} testId="import-replace-feeds">
            {t('importFeedsReplace', count(feeds.held), count(feeds.inFile))}
          </Choice>
          <p class="muted small wrap">
            {feeds.removed > 0 ? t('importFeedsRemoved', count(feeds.removed), shortList(feeds.removedSample, feeds.removed)) : null}{' '}
            {feeds.added > 0 ? t('importFeedsAdded', count(feeds.added), shortList(feeds.addedSample, feeds.added)) : null}{' '}
            {t('importFeedsOff')}
          </p>
          {replaceFeeds && feeds.toTurnOn.length > 0 ? (
            <Choice checked={turnOn} set={setTurnOn} testId="import-turn-on">
              {t('importFeedsTurnOn', count(feeds.toTurnOn.length), shortList(sites))}
            </Choice>
          ) : null}
        </div>
      )}
      {feeds.leftOut.length > 0 ? (
        <p class="warn" data-testid="import-left-out">
          {t('importLeftOut', count(feeds.leftOut.length), shortList(feeds.leftOut))}
        </p>
      ) : null}

      <h4>{t('importPrefsTitle')}</h4>
      {changes.length === 0 ? (
        <p>{t('importPrefsSame')}</p>
      ) : (
        <div class="import-choice" data-testid="import-prefs">
          <Choice checked={replacePreferences} set={setReplacePreferences} testId="import-replace-prefs">
            {t('importPrefsReplace')}
          </Choice>
          <ul class="small">
            {changes.map((c) => (
              <li key={c.field}>{t('importPrefChange', c.label, c.from, c.to)}</li>
            ))}
          </ul>
        </div>
      )}

      <div class="row end">
        <button
          type="button"
          class="button"
          autofocus
          onClick={() => {
            dialog.current?.close();
            onCancel();
          }}
          data-testid="import-cancel"
        >
          {t('cancel')}
        </button>
        <button type="button" class="button primary" onClick={confirm} data-testid="import-confirm">
          {t('importConfirm')}
        </button>
      </div>
    </dialog>
  );
}
