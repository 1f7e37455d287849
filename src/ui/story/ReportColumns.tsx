import { useState } from 'preact/hooks';
import type { CoverageItem } from '../../core/coverage';
import type { RepostGroup } from '../../core/story-page';
import type { LeanSide } from '../../core/types';
import { timeAgo } from '../format';
import { leanLabel, sideLabel, t } from '../i18n';
import { EMPTY_SIDE_MESSAGE } from '../lean';

type Column = LeanSide | 'unrated';
/** Reports drawn per column before "show all": the first screen of a 400-article story stays quick. */
export const FIRST_REPORTS = 12;

function ItemHead({ item }: { item: CoverageItem }) {
  return (
    <div class="item-head">
      <span class="outlet">{item.outletName}</span>
      <span class={`chip side-${item.side ?? 'none'}`}>{leanLabel(item.lean)}</span>
      <time class="muted" dateTime={new Date(item.published).toISOString()}>
        {timeAgo(item.published)}
      </time>
    </div>
  );
}

function Report({ group }: { group: RepostGroup }) {
  const { original, reposts, repostOutlets } = group;
  // A wire story's list runs to hundreds of rows: built when the reader opens it, not for the first screen.
  const [open, setOpen] = useState(false);
  return (
    <li class="item report" data-testid="report">
      <ItemHead item={original} />
      <a class="headline" href={original.url} target="_blank" rel="noopener noreferrer" dir="auto">
        {original.title}
      </a>
      {reposts.length > 0 ? (
        <details class="reposts" data-testid="reposts" onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary>
            {original.outletName} ·{' '}
            {repostOutlets === 1
              ? t('repostedByOne')
              : repostOutlets > 1
                ? t('repostedBy', repostOutlets)
                : t('repostCopies', reposts.length)}
          </summary>
          {open ? (
            <ul class="repost-list">
              {reposts.map((r) => (
                <li key={r.articleId}>
                  <a href={r.url} target="_blank" rel="noopener noreferrer" dir="auto">
                    {r.outletName}
                  </a>{' '}
                  <span class={`chip side-${r.side ?? 'none'}`}>{leanLabel(r.lean)}</span>{' '}
                  <time class="muted small" dateTime={new Date(r.published).toISOString()}>
                    {timeAgo(r.published)}
                  </time>
                </li>
              ))}
            </ul>
          ) : null}
        </details>
      ) : null}
    </li>
  );
}

function ColumnList({ column, groups }: { column: Column; groups: RepostGroup[] }) {
  const [all, setAll] = useState(false);
  const title = column === 'unrated' ? t('leanUnrated') : sideLabel(column);
  const shown = all ? groups : groups.slice(0, FIRST_REPORTS);
  return (
    <section class={`column side-${column}`} aria-labelledby={`column-${column}`} data-testid={`column-${column}`}>
      <h3 id={`column-${column}`} class="column-title">
        {title} <span class="count">{groups.length}</span>
      </h3>
      {groups.length === 0 ? (
        <p class="muted empty-side">{t(EMPTY_SIDE_MESSAGE[column])}</p>
      ) : (
        <ul class="items">
          {shown.map((g) => (
            <Report key={g.original.articleId} group={g} />
          ))}
        </ul>
      )}
      {shown.length < groups.length ? (
        <button type="button" class="link-button show-all" onClick={() => setAll(true)}>
          {t('coverageShowAll', groups.length)}
        </button>
      ) : null}
    </section>
  );
}

/** The coverage in three columns, Left / Center / Right (unrated outlets below), each report with its reposts. */
export function ReportColumns({ reports }: { reports: Record<Column, RepostGroup[]> }) {
  return (
    <section class="reports" aria-labelledby="reports-title">
      <h2 id="reports-title">{t('reportsTitle')}</h2>
      <div class="columns">
        {(['L', 'C', 'R'] as const).map((side) => (
          <ColumnList key={side} column={side} groups={reports[side]} />
        ))}
      </div>
      {reports.unrated.length > 0 ? <ColumnList column="unrated" groups={reports.unrated} /> : null}
    </section>
  );
}
