/**
 * What render needs from templates/: the page layout, the partials it calls
 * by name (section, one per block kind, and data-table, which the table and
 * figure partials share), and the style sheet. Read by load/templates.ts, so
 * that render itself does no I/O.
 */
export interface Templates {
  layout: string;
  /** Partial name (file name without .hbs) → source. */
  partials: Readonly<Record<string, string>>;
  css: string;
}
