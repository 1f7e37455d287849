/** One line of the build's report: what became of a source row, an organisation or a feed host, and why. */
export interface CatalogueDecision {
  step: 'allsides' | 'media' | 'feeds';
  /** The row's name, the organisation, the feed URL or the host. */
  subject: string;
  outcome: string;
  detail?: string;
}
