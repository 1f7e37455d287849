import type { OutletCard } from '../../core/story-view';
import { countryName } from '../components/countries';
import { leanLabel, t } from '../i18n';

/** Every outlet of the story: its lean and where that rating comes from, owner, country. */
export function OutletCards({ outlets }: { outlets: OutletCard[] }) {
  return (
    <section class="outlets" aria-labelledby="outlets-title">
      <h2 id="outlets-title">{t('outletsTitle')}</h2>
      <ul class="outlet-grid">
        {outlets.map((outlet) => (
          <li key={outlet.id ?? outlet.name} class="outlet-card" data-testid="story-outlet">
            <div class="outlet-line">
              <strong class="outlet-name">{outlet.name}</strong>
              <span class={`chip side-${outlet.side ?? 'none'}`}>{leanLabel(outlet.lean)}</span>
            </div>
            <p class="muted small">
              {outlet.overridden && outlet.rating
                ? t('outletOverridden', `${leanLabel(outlet.rating.lean)}, ${outlet.rating.providerName}`)
                : outlet.rating
                  ? t('outletRatedBy', leanLabel(outlet.rating.lean), outlet.rating.providerName, outlet.rating.providerDate.slice(0, 4))
                  : t('outletUnrated')}
            </p>
            {outlet.owner || outlet.country ? (
              <p class="muted small">
                {[outlet.owner ? t('outletOwner', outlet.owner) : null, outlet.country ? countryName(outlet.country) : null]
                  .filter((part) => part !== null)
                  .join(' · ')}
              </p>
            ) : null}
            <p class="muted small">{t('outletFactualityNone')}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
