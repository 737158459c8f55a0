/**
 * What render needs from templates/: the page layout, the partials it calls
 * by name (one per block kind, plus section), and the style sheet. Read by
 * load/templates.ts, because only load and output touch the file system.
 */
export interface Templates {
  layout: string;
  /** Partial name (file name without .hbs) → source. */
  partials: Readonly<Record<string, string>>;
  css: string;
}
