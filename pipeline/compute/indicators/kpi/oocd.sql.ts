/**
 * SQL of KPI 6, out-of-court disposals (oocd.ts). The children and their
 * interventions come from the common candidates (population.sql.ts); this
 * only finds whether 'completed' is recorded at all, since a blank means
 * "not completed" and a column never filled in would otherwise read as 0%.
 */
export const OOCD_COMPLETED_FIRST_SQL = `
SELECT CAST(min(start_date) AS VARCHAR) AS first FROM interventions WHERE completed IS NOT NULL AND start_date <= $period_end`;
