/** SQL of KPI 8, management board attendance (board-attendance.ts): each sector's row of each meeting in the window. */

export const BOARD_FIRST_SQL = `
SELECT CAST(min(meeting_date) AS VARCHAR) AS first FROM board_attendance WHERE meeting_date <= $period_end`;

export const BOARD_MEETINGS_SQL = `
SELECT CAST(meeting_date AS VARCHAR) AS meeting_date, sector, attended, senior, data_shared
FROM board_attendance
WHERE meeting_date BETWEEN $window_start AND $period_end
ORDER BY meeting_date, sector`;
