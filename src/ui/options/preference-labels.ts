/** Each preference as the options page names it (in notices and in an import's preview of changes). */
import type { PreferenceField } from '../../core/preferences';
import type { MessageName } from '../i18n';

export const PREFERENCE_LABEL: Record<PreferenceField | 'preferences', MessageName> = {
  hiddenOutlets: 'prefHiddenOutlets',
  preferredOutlets: 'prefPreferredOutlets',
  leanOverrides: 'prefLeanOverrides',
  dismissedSites: 'prefDismissedSites',
  badgeMode: 'prefBadgeMode',
  badgeSites: 'prefBadgeSites',
  retentionDays: 'prefRetentionDays',
  theme: 'prefTheme',
  deviceSummary: 'prefDeviceSummary',
  preferences: 'prefAll',
};
