// The planning report for social planning: how often each topic came up per Stadtteil and ISO week.
// Only counters are stored (no text, no conversation); cells under 5 are suppressed in every output
// (page, chart, CSV), so a rare topic in a small district cannot point at one household. Pure.

export const MIN_CELL = 5;
/** turns whose district is not known are counted here */
export const UNKNOWN_PLACE = 'unbekannt';

/** ISO 8601 week of a date, e.g. "2026-W48" (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeek(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - weekday + 3); // the Thursday of this week decides the year
  const year = d.getUTCFullYear();
  const week = 1 + Math.floor((d.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export interface PlanningCell { week: string; topic: string; stadtteil: string; count: number | null }
export interface PlanningReport { weeks: string[]; cells: PlanningCell[]; suppressed: number }

/** Counters "week|topic|stadtteil" → the report; counts under MIN_CELL become null ("< 5"). */
export function planningReport(counts: Readonly<Record<string, number>>, minCell = MIN_CELL): PlanningReport {
  const cells: PlanningCell[] = [];
  let suppressed = 0;
  for (const [key, n] of Object.entries(counts)) {
    const [week, topic, stadtteil] = key.split('|');
    if (n < minCell) suppressed += 1;
    cells.push({ week, topic, stadtteil, count: n >= minCell ? n : null });
  }
  cells.sort((a, b) => a.week.localeCompare(b.week) || a.topic.localeCompare(b.topic) || a.stadtteil.localeCompare(b.stadtteil));
  return { weeks: [...new Set(cells.map((c) => c.week))], cells, suppressed };
}

function csvField(s: string): string {
  // a leading = + - @ would be a formula in a spreadsheet
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[;"\n\r,]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function planningCsv(report: PlanningReport, names: (stadtteil: string) => string = (x) => x): string {
  const lines = ['week;topic;stadtteil;count'];
  for (const c of report.cells) lines.push([c.week, c.topic, names(c.stadtteil), c.count === null ? `<${MIN_CELL}` : String(c.count)].map(csvField).join(';'));
  return `${lines.join('\r\n')}\r\n`;
}

/** Totals per topic and week for the chart, from the cells that are shown (suppressed ones add nothing). */
export function chartSeries(report: PlanningReport): { weeks: string[]; series: { topic: string; data: number[] }[] } {
  const topics = [...new Set(report.cells.map((c) => c.topic))].sort();
  return {
    weeks: report.weeks,
    series: topics.map((topic) => ({
      topic,
      data: report.weeks.map((w) => report.cells.filter((c) => c.week === w && c.topic === topic).reduce((s, c) => s + (c.count ?? 0), 0)),
    })),
  };
}
