/**
 * What Parallax has to tell the reader about their stored data (settings it could not keep as they were),
 * at the top of the options page until they dismiss it.
 */
import { useEffect, useState } from 'preact/hooks';
import type { DroppedPreference } from '../../core/preferences';
import { ask } from '../../messaging/client';
import type { Notice } from '../../messaging/protocol-options';
import { t } from '../i18n';
import { PREFERENCE_LABEL } from './preference-labels';
import { ErrorNote, useFailure } from './SectionStates';

function droppedLine(d: DroppedPreference): string {
  const label = t(PREFERENCE_LABEL[d.field]);
  return d.entries !== undefined ? t('noticeDroppedEntries', label, d.entries) : t('noticeDroppedValue', label, d.was ?? '');
}

export function Notices() {
  const [notices, setNotices] = useState<Notice[]>([]);
  const failure = useFailure();

  useEffect(() => {
    void ask({ type: 'notices/list' }).then(setNotices, () => undefined);
  }, []);

  const dismiss = async (id: string) => {
    try {
      await ask({ type: 'notices/dismiss', id });
      setNotices((list) => list.filter((n) => n.id !== id));
      failure.clear();
    } catch (e) {
      failure.fail(e);
    }
  };

  if (notices.length === 0) return null;
  return (
    <section class="card notice" aria-labelledby="notice-title" data-testid="notices">
      <h2 id="notice-title">{t('noticePrefsTitle')}</h2>
      <ErrorNote error={failure.error} />
      {notices.map((notice) => (
        <div key={notice.id} class="notice-item" data-testid="notice" data-notice={notice.id}>
          <p>{t('noticePrefsText')}</p>
          <ul>
            {notice.dropped.map((d, i) => (
              <li key={i}>{droppedLine(d)}</li>
            ))}
          </ul>
          <button type="button" class="button" onClick={() => void dismiss(notice.id)} data-testid="notice-dismiss">
            {t('noticeDismiss')}
          </button>
        </div>
      ))}
    </section>
  );
}
