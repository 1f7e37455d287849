import type { OutletCard } from '../../core/story-view';
import { countryName } from '../components/countries';
import { ratingText } from '../components/outlet-rating';
import { leanLabel, t } from '../i18n';

/** Every outlet of the story: its lean and where that rating comes from, owner and kind of ownership, country. */
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
            <p class="muted small">{ratingText(outlet)}</p>
            {outlet.owner || outlet.typology || outlet.country ? (
              <p class="muted small">
                {[
                  outlet.owner ? t('outletOwner', outlet.owner) : null,
                  outlet.typology,
                  outlet.country ? countryName(outlet.country) : null,
                ]
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
