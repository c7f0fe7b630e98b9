// The staff pages' microcopy (locales/<lang>/staff.json): read and checked when the staff routes are
// created, so a missing or misspelt text stops the start with its file and field, as web.json does.
// The page language comes from ?lang= (kept in a cookie), else the browser's Accept-Language.
import * as fs from 'fs';
import * as path from 'path';
import { z } from 'zod';
import { readJsonFile } from '../knowledge/jsonFile';
import { interpolate } from '../web/page';

const text = z.string().min(1);
const texts = <K extends string>(...keys: K[]) => z.object(Object.fromEntries(keys.map((k) => [k, text])) as Record<K, typeof text>).strict();

export const StaffStringsSchema = z.object({
  languageName: text,
  brand: text,
  titleSuffix: text,
  skipLink: text,
  navLabel: text,
  languageLabel: text,
  logout: text,
  roles: texts('counsellor', 'editor', 'admin'),
  pages: texts('ask', 'inbox', 'feedback', 'callbacks', 'health', 'planning', 'users'),
  login: texts('title', 'heading', 'username', 'password', 'submit'),
  forbidden: texts('title', 'text'),
  failure: texts('title', 'text'),
  ask: texts('question', 'language', 'de', 'en', 'channel', 'submit', 'resultHeading', 'explainHeading'),
  inbox: z.object({
    ...texts('intro', 'caption', 'empty', 'noText', 'colQuestion', 'colCount', 'colReason', 'colGuess', 'colAction', 'belongsTo', 'assign', 'note',
      'newQuestion', 'ignore', 'trainingHeading', 'trainingCaption', 'trainingEmpty', 'colPhrasing', 'colEntry', 'colLanguage', 'colState',
      'colReview', 'queued', 'approved', 'approve', 'reject', 'exportHint').shape,
    reasons: texts('not_understood', 'low_confidence', 'not_helped'),
  }).strict(),
  feedback: texts('empty', 'caption', 'colEntry', 'colYes', 'colNo'),
  callbacks: z.object({
    ...texts('empty', 'intro', 'caption', 'colReceived', 'colPhone', 'colTime', 'colTopic', 'colName', 'colLanguage', 'colStatus', 'colNotice',
      'colChange', 'statusLabel', 'save').shape,
    status: texts('new', 'called', 'done'),
    notice: texts('delivered', 'failed', 'pending', 'none'),
  }).strict(),
  health: z.object({
    ...texts('intro', 'caption', 'colKind', 'colEntry', 'colReviewed', 'colAge', 'colState', 'undated', 'stale', 'current', 'amountsHeading',
      'amountsHeadingNext', 'amountsCaption', 'colBenefit', 'colLaw', 'colSince', 'colValues', 'colNext', 'noneKnown').shape,
    kinds: texts('answer', 'question', 'offer'),
  }).strict(),
  planning: texts('intro', 'csv', 'chartLabel', 'chartCaption', 'caption', 'colWeek', 'colTopic', 'colPlace', 'colCount', 'empty', 'unknownPlace'),
  users: texts('intro', 'caption', 'colName', 'colRole', 'colCreated', 'colLocked'),
  script: texts('wrongLogin', 'locked', 'notSaved', 'asking', 'answered', 'failed', 'recognised', 'runnersUp', 'entities', 'safety', 'crisis',
    'noCrisis', 'entry', 'reviewed', 'legal', 'sources', 'noEntry'),
}).strict();
export type StaffStrings = z.infer<typeof StaffStringsSchema>;

/** The {{placeholders}} each text may use: anything else is a typo found at startup. */
const PLACEHOLDERS: Record<string, readonly string[]> = {
  'inbox.caption': ['count'],
  'inbox.exportHint': ['command'],
  'callbacks.intro': ['days'],
  'health.intro': ['today', 'days', 'stale', 'total'],
  'health.amountsHeading': ['date'],
  'health.amountsHeadingNext': ['date', 'next'],
  'planning.intro': ['min', 'suppressed'],
  'planning.empty': ['min'],
  'users.intro': ['command'],
};

function checkPlaceholders(value: unknown, key: string, where: string): void {
  if (typeof value === 'string') {
    const allowed = PLACEHOLDERS[key] ?? [];
    interpolate(value, Object.fromEntries(allowed.map((n) => [n, ''])), `${where}: ${key}`);
    return;
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) checkPlaceholders(v, key ? `${key}.${k}` : k, where);
}

/** Every language with a staff.json; the default language must have one. */
export function loadStaffStrings(localesDir: string, defaultLang: string): Map<string, StaffStrings> {
  const langs = fs.readdirSync(localesDir).filter((l) => fs.existsSync(path.join(localesDir, l, 'staff.json'))).sort();
  if (!langs.includes(defaultLang)) throw new Error(`${path.join(localesDir, defaultLang, 'staff.json')} is missing`);
  return new Map(langs.map((l) => {
    const file = path.join(localesDir, l, 'staff.json');
    const strings = readJsonFile(file, StaffStringsSchema);
    checkPlaceholders(strings, '', file);
    return [l, strings];
  }));
}

/** A text with its {{placeholders}} filled (plain text; the pages escape it). */
export function fill(textWithVars: string, vars: Readonly<Record<string, string | number>>): string {
  return interpolate(textWithVars, vars, 'staff.json');
}
