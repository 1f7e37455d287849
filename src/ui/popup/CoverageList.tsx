import { useState } from 'preact/hooks';
import type { CoverageItem } from '../../core/coverage';
import { groupBySide } from '../../core/coverage';
import type { LeanSide } from '../../core/types';
import { timeAgo } from '../format';
import { leanLabel, sideLabel, t } from '../i18n';
import { EMPTY_SIDE_MESSAGE } from '../lean';

type Tab = LeanSide | 'unrated';
const TABS: Tab[] = ['L', 'C', 'R', 'unrated'];
/** Articles drawn per tab until the reader asks for all: a big story has hundreds, and the popup opens fast. */
export const FIRST_ITEMS = 30;

/**
 * The other outlets' articles, in Left / Center / Right tabs (plus unrated when there are any).
 * `firstScreen`: only as many articles as the popup's first screen shows, and no "show all" yet (the
 * popup draws the rest in its next frame).
 */
export function CoverageList({ items, firstScreen }: { items: CoverageItem[]; firstScreen?: number }) {
  const groups = groupBySide(items);
  const tabs = TABS.filter((tab) => tab !== 'unrated' || groups.unrated.length > 0);
  const [selected, setSelected] = useState<Tab>(() => tabs.find((tab) => groups[tab].length > 0) ?? 'C');
  const [expanded, setExpanded] = useState<ReadonlySet<Tab>>(new Set());
  const shown = expanded.has(selected) ? groups[selected] : groups[selected].slice(0, firstScreen ?? FIRST_ITEMS);
  const hidden = firstScreen === undefined ? groups[selected].length - shown.length : 0;
  const label = (tab: Tab) => (tab === 'unrated' ? t('leanUnrated') : sideLabel(tab));

  function onKey(event: KeyboardEvent) {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const next = tabs[(tabs.indexOf(selected) + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
    setSelected(next);
    document.getElementById(`tab-${next}`)?.focus();
  }

  return (
    <section class="coverage" aria-labelledby="coverage-title">
      <h2 id="coverage-title">{t('coverageTitle')}</h2>
      <div class="tabs" role="tablist" aria-label={t('coverageTitle')} onKeyDown={onKey}>
        {tabs.map((tab) => (
          <button
            key={tab}
            id={`tab-${tab}`}
            type="button"
            role="tab"
            class={`tab side-${tab}`}
            aria-selected={tab === selected}
            aria-controls={`panel-${tab}`}
            tabIndex={tab === selected ? 0 : -1}
            onClick={() => setSelected(tab)}
          >
            {label(tab)} <span class="count">{groups[tab].length}</span>
          </button>
        ))}
      </div>
      <div id={`panel-${selected}`} role="tabpanel" aria-labelledby={`tab-${selected}`} class="panel">
        {groups[selected].length === 0 ? (
          <p class="muted empty-side">{t(EMPTY_SIDE_MESSAGE[selected])}</p>
        ) : (
          <ul class="items" data-testid="coverage-items">
            {shown.map((item) => (
              <li key={item.articleId} class="item" data-testid="coverage-item" data-outlet={item.outletId ?? ''}>
                <div class="item-head">
                  <span class="outlet">{item.outletName}</span>
                  <span class={`chip side-${item.side ?? 'none'}`}>{leanLabel(item.lean)}</span>
                  {item.preferred ? (
                    <span class="star" role="img" aria-label={t('preferredMark')}>
                      ★
                    </span>
                  ) : null}
                  <time class="muted" dateTime={new Date(item.published).toISOString()}>
                    {timeAgo(item.published)}
                  </time>
                </div>
                <a class="headline" href={item.url} target="_blank" rel="noopener noreferrer" dir="auto">
                  {item.title}
                </a>
              </li>
            ))}
          </ul>
        )}
        {hidden > 0 ? (
          <button
            type="button"
            class="link-button show-all"
            data-testid="show-all"
            onClick={() => setExpanded(new Set([...expanded, selected]))}
          >
            {t('coverageShowAll', groups[selected].length)}
          </button>
        ) : null}
      </div>
    </section>
  );
}
