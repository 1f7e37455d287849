import { BLINDSPOT_MAX_SHARE, BLINDSPOT_MIN_RATED, type Blindspot } from '../../core/coverage';
import { sideLabel, t } from '../i18n';

/** "Blindspot: Left 0%", with the rule that flags it. */
export function BlindspotNote({ blindspot }: { blindspot: Blindspot | null }) {
  return blindspot ? (
    <p class="blindspot" role="note" data-testid="blindspot">
      <strong>{t('blindspotTitle', sideLabel(blindspot.side), blindspot.percent)}</strong>{' '}
      {t('blindspotRule', BLINDSPOT_MIN_RATED, BLINDSPOT_MAX_SHARE)}
    </p>
  ) : null;
}
