import { KITE_LICENCE, KITE_REPOSITORY } from '../../core/outlets/catalogue/sources';
import { t } from '../i18n';

/** Credit for the outlet catalogue's sources, which their CC BY-NC 4.0 licence asks for. */
export function CatalogueAttribution() {
  return (
    <p class="small attribution" data-testid="catalogue-attribution">
      {t('catalogueAttribution')}{' '}
      <a href={KITE_REPOSITORY} target="_blank" rel="noopener noreferrer">
        kagisearch/kite-public
      </a>
      {' · '}
      <a href="https://creativecommons.org/licenses/by-nc/4.0/" target="_blank" rel="noopener noreferrer">
        {KITE_LICENCE}
      </a>
    </p>
  );
}
