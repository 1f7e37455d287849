import { browser } from 'wxt/browser';
import type { OutletCard as OutletCardData } from '../../core/story-view';
import { leanLabel, t } from '../i18n';

/** The outlet being read: its lean, where that rating comes from, and a way to override it. */
export function OutletCard({ outlet }: { outlet: OutletCardData }) {
  const rating = outlet.rating;
  return (
    <section class="outlet-card" aria-labelledby="outlet-title" data-testid="outlet-card">
      <h2 id="outlet-title" class="visually-hidden">
        {t('outletCardTitle')}
      </h2>
      <div class="outlet-line">
        <strong class="outlet-name">{outlet.name}</strong>
        <span class={`chip side-${outlet.side ?? 'none'}`}>{leanLabel(outlet.lean)}</span>
      </div>
      <p class="muted small">
        {outlet.overridden && rating
          ? t('outletOverridden', `${leanLabel(rating.lean)}, ${rating.providerName}`)
          : rating
            ? t('outletRatedBy', leanLabel(rating.lean), rating.providerName, rating.providerDate.slice(0, 4))
            : t('outletUnrated')}
        {outlet.owner ? ` · ${outlet.owner}` : ''}
        {outlet.typology ? ` · ${outlet.typology}` : ''}
        {outlet.country ? ` · ${outlet.country}` : ''}
      </p>
      {outlet.id ? (
        <button type="button" class="link-button" onClick={() => void openOptions(outlet.id)}>
          {t('outletOverride')}
        </button>
      ) : null}
    </section>
  );
}

export async function openOptions(outletId?: string | null): Promise<void> {
  const hash = outletId ? `#outlet=${encodeURIComponent(outletId)}` : '';
  await browser.tabs.create({ url: browser.runtime.getURL('/options.html') + hash });
  window.close();
}
