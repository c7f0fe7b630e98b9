// Spreadsheet (CSV) → offers. Pure: the CLI (scripts/kbImport.ts) reads and writes the files.
// Columns are documented in knowledge/README.md. Values the spreadsheet does not carry
// (coordinates, step-free access, cost note, staff-checked dates, hand-written opening_hours for
// unchanged hours text) are kept from the existing offer so a re-import does not wipe staff work.
import { isGermanPhone } from './crossCheck';
import { parseCsv, type Delimiter } from './csv';
import { hoursFromText } from './hoursText';
import { resolveRegion } from './regions';
import {
  FLAGS, HOURS_KINDS, OfferSchema, type CategoriesFile, type Flag, type HoursKind, type Offer, type OfferKind, type RegionsFile,
} from './schema';
import { slugify } from './text';

export interface ImportContext {
  regions: RegionsFile;
  categories: CategoriesFile;
  /** offers currently in the city's offers.json */
  existing: Offer[];
}

export interface RowError { line: number; column?: string; message: string }

export interface ImportDiff {
  added: string[];
  changed: string[];
  unchanged: string[];
  /** in offers.json but not in the file: kept, listed so staff can remove them by hand */
  notInFile: string[];
}

export interface ImportResult {
  ok: boolean;
  delimiter: Delimiter;
  errors: RowError[];
  offers: Offer[];
  diff: ImportDiff;
}

/** Column name → accepted header spellings (English as in the shared research file, German as a
 *  city's spreadsheet may have them). Matching ignores case, spaces and hyphens. */
export const COLUMNS = {
  id: ['id'],
  name: ['name', 'bezeichnung', 'angebot'],
  provider: ['provider', 'träger', 'traeger', 'anbieter'],
  category: ['category', 'categories', 'kategorie', 'kategorien'],
  stadtteil: ['stadtteil', 'stadtteile', 'ortsteil'],
  street: ['street', 'straße', 'strasse', 'adresse'],
  postcode: ['postcode', 'plz', 'postleitzahl'],
  phone: ['phone', 'telefon', 'tel'],
  email: ['email', 'e_mail', 'mail'],
  website: ['website', 'webseite', 'internet', 'homepage'],
  opening_hours_text: ['opening_hours_text', 'öffnungszeiten', 'oeffnungszeiten'],
  opening_hours: ['opening_hours', 'osm_opening_hours'],
  hours_kind: ['hours_kind'],
  languages: ['languages', 'sprachen'],
  volunteer_or_professional: ['volunteer_or_professional', 'kind', 'art'],
  source_url: ['source_url', 'quelle'],
  source_date: ['source_date', 'quellendatum', 'stand'],
  notes: ['notes', 'notizen', 'anmerkungen'],
  serves_stadtteile: ['serves_stadtteile', 'zuständig_für', 'zustaendig_fuer'],
  step_free: ['step_free', 'stufenlos'],
  cost_note: ['cost_note', 'kosten'],
  lat: ['lat', 'breitengrad'],
  lon: ['lon', 'lng', 'längengrad', 'laengengrad'],
  flags: ['flags'],
} as const;
export type Column = keyof typeof COLUMNS;
export const REQUIRED_COLUMNS: Column[] = ['name', 'category', 'volunteer_or_professional', 'source_url', 'source_date'];

const KIND_WORDS: Record<string, OfferKind> = {
  professional: 'professional', professionell: 'professional', hauptamtlich: 'professional',
  volunteer: 'volunteer', ehrenamtlich: 'volunteer', ehrenamt: 'volunteer',
  mixed: 'mixed', gemischt: 'mixed',
};
const YES = new Set(['ja', 'yes', 'true', 'x']);
const NO = new Set(['nein', 'no', 'false']);
const UNDATED = new Set(['', 'undated', 'undatiert', 'ohne datum']);

/** Flags read from the notes column; the research file marks old rows with "OLD". */
const NOTE_FLAGS: [RegExp, Flag][] = [
  [/\bOLD\b/, 'old'],
  [/conflict|\bdiffer/i, 'conflict'],
  [/\bverify\b|not confirmed|may have ended|uncertain/i, 'verify'],
];

/** knowledge/README: `old` marks information from about 2011–2015 (or earlier). A dated source
 *  decides by its year; an undated one by the year the notes estimate for it ("ca. 2012"). */
const OLD_UNTIL_YEAR = 2015;
export function isOldSource(date: string | null, notes: string | null): boolean {
  const year = date ? Number(date.slice(0, 4)) : Number(/\bca\.\s*((?:19|20)\d{2})\b/.exec(notes ?? '')?.[1] ?? NaN);
  return Number.isFinite(year) && year <= OLD_UNTIL_YEAR;
}

/** Offer field → spreadsheet column, so messages use the names staff see in their sheet. */
const FIELD_TO_COLUMN: Record<string, string> = {
  sourceUrl: 'source_url', 'address.street': 'street', 'address.postcode': 'postcode', kind: 'volunteer_or_professional',
  categories: 'category', openingHours: 'opening_hours', hoursKind: 'hours_kind', hoursNote: 'opening_hours_text',
  servesStadtteile: 'serves_stadtteile', stepFree: 'step_free', costNote: 'cost_note', notes: 'notes',
  email: 'email', website: 'website', provider: 'provider', name: 'name', id: 'id',
};

function headerKey(h: string): string {
  return h.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export function parseSourceDate(raw: string): { date: string | null; precision: 'day' | 'month' | 'year' | null } | undefined {
  const v = raw.trim().toLowerCase();
  if (UNDATED.has(v)) return { date: null, precision: null };
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (m) return validDate(m[1], m[2], m[3]) ? { date: v, precision: 'day' } : undefined;
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v);
  if (m) {
    const d = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
    return validDate(m[3], m[2], m[1]) ? { date: d, precision: 'day' } : undefined;
  }
  m = /^(\d{4})-(\d{2})$/.exec(v);
  if (m) return validDate(m[1], m[2], '01') ? { date: `${v}-01`, precision: 'month' } : undefined;
  m = /^(\d{4})$/.exec(v);
  if (m) return { date: `${v}-01-01`, precision: 'year' };
  return undefined;
}

function validDate(y: string, mo: string, d: string): boolean {
  const dt = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  return dt.getUTCFullYear() === Number(y) && dt.getUTCMonth() === Number(mo) - 1 && dt.getUTCDate() === Number(d);
}

export function importOffersCsv(text: string, ctx: ImportContext): ImportResult {
  const parsed = parseCsv(text);
  const errors: RowError[] = parsed.errors.map((e) => ({ line: e.line, message: e.message }));
  const empty: ImportResult = { ok: false, delimiter: parsed.delimiter, errors, offers: [], diff: { added: [], changed: [], unchanged: [], notInFile: [] } };
  if (!parsed.records.length) {
    errors.push({ line: 1, message: 'the file is empty' });
    return empty;
  }
  const [header, ...rows] = parsed.records;
  const colIndex = new Map<Column, number>();
  header.fields.forEach((h, i) => {
    const key = headerKey(h);
    const col = (Object.keys(COLUMNS) as Column[]).find((c) => (COLUMNS[c] as readonly string[]).includes(key));
    if (!col) errors.push({ line: header.line, column: h, message: `unknown column "${h}" (see knowledge/README.md)` });
    else if (colIndex.has(col)) errors.push({ line: header.line, column: h, message: `column "${col}" appears twice` });
    else colIndex.set(col, i);
  });
  for (const c of REQUIRED_COLUMNS) if (!colIndex.has(c)) errors.push({ line: header.line, column: c, message: `required column "${c}" is missing` });
  if (errors.length) return empty;

  const existingById = new Map(ctx.existing.map((o) => [o.id, o]));
  const catByName = new Map<string, string>();
  for (const c of ctx.categories.categories) {
    for (const n of [c.id, c.label.de, c.label.en, ...c.importNames]) catByName.set(n.trim().toLowerCase(), c.id);
  }
  const langByName = new Map<string, string>();
  for (const [code, names] of Object.entries(ctx.categories.languages)) {
    langByName.set(code, code);
    for (const n of names) langByName.set(n.trim().toLowerCase(), code);
  }

  const offers: Offer[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const rowErrors: RowError[] = [];
    const err = (column: string | undefined, message: string) => rowErrors.push({ line: row.line, column, message });
    if (row.fields.length !== header.fields.length) {
      err(undefined, `has ${row.fields.length} fields, the header has ${header.fields.length} (a separator or quote may be missing)`);
      errors.push(...rowErrors);
      continue;
    }
    const has = (c: Column) => colIndex.has(c);
    const get = (c: Column): string => (has(c) ? row.fields[colIndex.get(c)!].trim() : '');
    const orNull = (c: Column): string | null => get(c) || null;

    const name = get('name');
    if (!name) err('name', 'name is empty');
    const id = get('id') || slugify(name);
    if (id && seen.has(id)) err('id', `id "${id}" is already used on line ${seen.get(id)} (give one of them an id column value)`);
    if (id) seen.set(id, row.line);
    const before = existingById.get(id);

    const categories: string[] = [];
    for (const part of get('category').split(/[;|]/).map((s) => s.trim()).filter(Boolean)) {
      const cat = catByName.get(part.toLowerCase());
      if (cat) {
        if (!categories.includes(cat)) categories.push(cat);
      } else err('category', `unknown category "${part}" (use an id or import name from knowledge/offer-categories.json)`);
    }
    if (!categories.length && !rowErrors.some((e) => e.column === 'category')) err('category', 'category is empty');

    const kind = KIND_WORDS[get('volunteer_or_professional').toLowerCase()];
    if (!kind) err('volunteer_or_professional', `"${get('volunteer_or_professional')}" must be professional, volunteer or mixed`);

    // Place: one name → where the offer is; several (a;b) → the Stadtteile it is responsible for.
    const areaRaw = get('stadtteil');
    const areaParts = areaRaw.split(';').map((s) => s.trim()).filter(Boolean);
    let stadtteil: string | null = null;
    let serves: string[] = [];
    for (const part of areaParts) {
      const r = resolveRegion(part, ctx.regions, { expectPlace: true });
      if (!r.candidates.length) err('stadtteil', `unknown place "${part}" (add it as alias or Ortsteil in regions.json)`);
      else if (areaParts.length === 1) stadtteil = r.stadtteil ?? null;
      else serves.push(...r.candidates.filter((c) => !serves.includes(c)));
    }
    if (has('serves_stadtteile') && get('serves_stadtteile')) {
      serves = [];
      for (const part of get('serves_stadtteile').split(/[;|]/).map((s) => s.trim()).filter(Boolean)) {
        const direct = ctx.regions.stadtteile.find((s) => s.id === part);
        const r = direct ? { candidates: [direct.id] } : resolveRegion(part, ctx.regions, { expectPlace: true });
        if (!r.candidates.length) err('serves_stadtteile', `unknown place "${part}"`);
        for (const c of r.candidates) if (!serves.includes(c)) serves.push(c);
      }
    }

    const postcode = orNull('postcode');
    if (postcode && !/^\d{5}$/.test(postcode)) err('postcode', `"${postcode}" is not a five-digit postcode`);

    const phones = get('phone').split(';').map((s) => s.trim()).filter(Boolean);
    for (const p of phones) if (!isGermanPhone(p)) err('phone', `"${p}" is not a German phone number (write it as "0208 455-3515")`);

    let coordinates = before?.coordinates ?? null;
    if (has('lat') || has('lon')) {
      const lat = get('lat');
      const lon = get('lon');
      if (lat || lon) {
        const la = Number(lat.replace(',', '.'));
        const lo = Number(lon.replace(',', '.'));
        if (!lat || !lon || !Number.isFinite(la) || !Number.isFinite(lo)) err('lat', 'lat and lon must both be numbers');
        else coordinates = { lat: la, lon: lo };
      } else coordinates = null;
    }

    // Hours: explicit OSM column, else converted text, else staff's value for the same text.
    const hoursNote = orNull('opening_hours_text');
    let openingHours: string | null = null;
    let hoursKind: HoursKind | null = null;
    if (has('opening_hours') && get('opening_hours')) {
      openingHours = get('opening_hours');
      const k = get('hours_kind') as HoursKind;
      hoursKind = (HOURS_KINDS as readonly string[]).includes(k) ? k : 'opening';
      if (get('hours_kind') && hoursKind !== k) err('hours_kind', `"${k}" must be one of ${HOURS_KINDS.join(', ')}`);
    } else {
      const conv = hoursFromText(hoursNote);
      if (conv) {
        openingHours = conv.openingHours;
        hoursKind = conv.kind;
      } else if (before && before.hoursNote === hoursNote && before.openingHours) {
        openingHours = before.openingHours;
        hoursKind = before.hoursKind;
      }
    }

    const languages: string[] = [];
    let languagesNote: string | null = null;
    if (has('languages')) {
      const raw = get('languages');
      const note = /\(([^)]*)\)\s*$/.exec(raw);
      if (note) languagesNote = note[1].trim();
      for (const part of raw.replace(/\([^)]*\)\s*$/, '').split(/[;,]/).map((s) => s.trim()).filter(Boolean)) {
        const code = langByName.get(part.toLowerCase());
        if (code) {
          if (!languages.includes(code)) languages.push(code);
        } else err('languages', `unknown language "${part}" (add it to "languages" in knowledge/offer-categories.json)`);
      }
    } else if (before) {
      languages.push(...before.languages);
      languagesNote = before.languagesNote;
    }

    let stepFree = before?.stepFree ?? null;
    if (has('step_free')) {
      const v = get('step_free').toLowerCase();
      stepFree = YES.has(v) ? true : NO.has(v) ? false : null;
    }
    const costNote = has('cost_note') ? orNull('cost_note') : before?.costNote ?? null;

    const date = parseSourceDate(get('source_date'));
    if (!date) err('source_date', `"${get('source_date')}" is not a date (YYYY-MM-DD, YYYY-MM, DD.MM.YYYY or "undated")`);
    let verified: Offer['verified'] = {
      date: date?.date ?? null,
      precision: date?.precision ?? null,
      basis: 'source',
      note: date?.date ? null : 'the source is undated; see notes for the estimated year',
    };
    // A later check by staff is not overwritten by an older source date.
    if (before?.verified.basis === 'staff' && before.verified.date && (!verified.date || before.verified.date >= verified.date)) verified = before.verified;

    const notes = orNull('notes');
    const flags: Flag[] = [];
    for (const [re, flag] of NOTE_FLAGS) if (notes && re.test(notes) && !flags.includes(flag)) flags.push(flag);
    if (isOldSource(date?.date ?? null, notes) && !flags.includes('old')) flags.push('old');
    if (!date?.date && !flags.includes('undated')) flags.push('undated');
    for (const f of get('flags').split(/[;,|]/).map((s) => s.trim().toLowerCase()).filter(Boolean)) {
      if (!(FLAGS as readonly string[]).includes(f)) err('flags', `unknown flag "${f}" (allowed: ${FLAGS.join(', ')})`);
      else if (!flags.includes(f as Flag)) flags.push(f as Flag);
    }

    const candidate = {
      id,
      name,
      provider: orNull('provider'),
      categories,
      kind,
      address: { street: orNull('street'), postcode, stadtteil, areaText: areaRaw || null },
      coordinates,
      phones,
      email: orNull('email'),
      website: orNull('website'),
      openingHours,
      hoursKind,
      hoursNote,
      languages,
      languagesNote,
      stepFree,
      costNote,
      servesStadtteile: serves,
      sourceUrl: get('source_url'),
      verified,
      notes,
      flags,
    };
    const checked = OfferSchema.safeParse(candidate);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const field = issue.path.join('.');
        const column = FIELD_TO_COLUMN[field] ?? field;
        // Already reported in the spreadsheet's own words above.
        if (rowErrors.some((e) => e.column === column)) continue;
        if (['kind', 'categories'].includes(field) && rowErrors.length) continue;
        if (field === 'id' && !name) continue;
        err(column, issue.message);
      }
    }
    if (rowErrors.length) errors.push(...rowErrors);
    else if (checked.success) offers.push(checked.data);
  }

  const inFile = new Set(offers.map((o) => o.id));
  const diff: ImportDiff = { added: [], changed: [], unchanged: [], notInFile: [] };
  for (const o of offers) {
    const before = existingById.get(o.id);
    if (!before) diff.added.push(o.id);
    else if (deepEqual(before, o)) diff.unchanged.push(o.id);
    else diff.changed.push(o.id);
  }
  const kept = ctx.existing.filter((o) => !inFile.has(o.id));
  diff.notInFile = kept.map((o) => o.id);
  return { ok: errors.length === 0, delimiter: parsed.delimiter, errors, offers: [...offers, ...kept], diff };
}

