/**
 * SQL of KPI 10, victims (victims.ts): per quarter of identified_date (a
 * financial quarter starts where a calendar quarter does), the victims
 * identified and those counted in each measure. Counted in SQL: a national
 * extract has a victim for every other order, and only the totals matter.
 */

export const VICTIMS_FIRST_SQL = `
SELECT CAST(min(identified_date) AS VARCHAR) AS first FROM victims WHERE identified_date <= $period_end`;

export const VICTIMS_BY_QUARTER_SQL = `
SELECT CAST(CAST(date_trunc('quarter', identified_date) AS DATE) AS VARCHAR) AS quarter_start,
       CAST(count(*) AS INTEGER) AS identified,
       CAST(count(*) FILTER (WHERE consented_contact) AS INTEGER) AS consented,
       CAST(count(*) FILTER (WHERE consented_contact AND engaged_rj) AS INTEGER) AS engaged_rj,
       CAST(count(*) FILTER (WHERE consented_contact AND contacted) AS INTEGER) AS contacted,
       CAST(count(*) FILTER (WHERE views_considered) AS INTEGER) AS views_considered
FROM victims
WHERE identified_date BETWEEN $window_start AND $period_end
GROUP BY 1
ORDER BY 1`;
