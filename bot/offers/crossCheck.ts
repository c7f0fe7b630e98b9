// Consistency checks across the files of a municipality pack: ids that must exist, names that
// must be unique, phone/e-mail/opening-hours formats. Used at startup (errors stop the bot) and
// by kb:check (which also reports the warnings).
import { checkOpeningHours, hoursContextOf } from './hours';
import type { Alias, CategoriesFile, MunicipalityFile, OffersFile, RegionsFile } from './schema';
import { fold } from './text';

export type Severity = 'error' | 'warning' | 'notice';
export type JsonPath = (string | number)[];

export interface Issue {
  severity: Severity;
  /** file path as given by the caller */
  file: string;
  path: JsonPath;
  /** stable machine-readable kind, used by tests and to group the report */
  code: string;
  message: string;
  line?: number;
}

export interface PackFiles { regions: string; offers: string; municipality: string; categories: string }
export interface PackData { regions: RegionsFile; offers: OffersFile; municipality: MunicipalityFile; categories: CategoriesFile }

const SERVICE_NUMBER = /^11\d( ?\d{3})?$/;
const GERMAN_NUMBER = /^(\+49 ?|0)[1-9]\d{1,4}([ /-]?\d[\d -]*\d)$/;

/** German landline/mobile/service number as written for people: "0208 455-3515", "0800 111 0 111". */
export function isGermanPhone(value: string): boolean {
  if (SERVICE_NUMBER.test(value)) return true;
  if (!GERMAN_NUMBER.test(value)) return false;
  const digits = value.replace(/\D/g, '').length;
  return digits >= 6 && digits <= 15;
}

function aliasText(a: Alias): string {
  return typeof a === 'string' ? a : a.text;
}

function normalName(s: string): string {
  return fold(s).replace(/[^a-z0-9]+/g, ' ').trim();
}

export interface CrossCheckOptions {
  /** the offers' opening hours passed checkOpeningHours before (offers/load.ts, hoursCheckKey): not parsed again */
  hoursChecked?: boolean;
}

export function crossCheckPack(data: PackData, files: PackFiles, opts: CrossCheckOptions = {}): Issue[] {
  const issues: Issue[] = [];
  const add = (severity: Severity, file: string, path: JsonPath, code: string, message: string) =>
    issues.push({ severity, file, path, code, message });
  const { regions, offers, municipality, categories } = data;

  // ---- categories ----
  const catIds = new Set<string>();
  categories.categories.forEach((c, i) => {
    if (catIds.has(c.id)) add('error', files.categories, ['categories', i, 'id'], 'duplicate_id', `category id "${c.id}" appears twice`);
    catIds.add(c.id);
  });
  const importNames = new Map<string, string>();
  categories.categories.forEach((c, i) => {
    c.includes.forEach((inc, j) => {
      if (!catIds.has(inc)) add('error', files.categories, ['categories', i, 'includes', j], 'unknown_category', `includes unknown category "${inc}"`);
    });
    c.importNames.forEach((n, j) => {
      const key = n.trim().toLowerCase();
      const other = importNames.get(key);
      if (other && other !== c.id) add('error', files.categories, ['categories', i, 'importNames', j], 'duplicate_import_name', `import name "${n}" is also used by "${other}"`);
      importNames.set(key, c.id);
    });
  });

  // ---- regions ----
  const stIds = new Set<string>();
  regions.stadtteile.forEach((s, i) => {
    if (stIds.has(s.id)) add('error', files.regions, ['stadtteile', i, 'id'], 'duplicate_id', `Stadtteil id "${s.id}" appears twice`);
    stIds.add(s.id);
  });
  const bezIds = new Set(regions.bezirke.map((b) => b.id));
  const srcIds = new Set(regions.sources.map((s) => s.id));
  const needSt = (id: string, path: JsonPath) => {
    if (!stIds.has(id)) add('error', files.regions, path, 'unknown_stadtteil', `unknown Stadtteil id "${id}"`);
  };
  const needSrc = (id: string, path: JsonPath) => {
    if (!srcIds.has(id)) add('error', files.regions, path, 'unknown_source', `unknown source id "${id}" (add it to "sources")`);
  };
  regions.bezirke.forEach((b, i) => {
    b.stadtteile.forEach((s, j) => needSt(s, ['bezirke', i, 'stadtteile', j]));
    b.sources.forEach((s, j) => needSrc(s, ['bezirke', i, 'sources', j]));
  });
  regions.stadtteile.forEach((s, i) => {
    s.bezirke.forEach((b, j) => {
      if (!bezIds.has(b)) add('error', files.regions, ['stadtteile', i, 'bezirke', j], 'unknown_bezirk', `unknown Bezirk id "${b}"`);
      else if (!regions.bezirke.find((x) => x.id === b)!.stadtteile.includes(s.id)) {
        add('error', files.regions, ['stadtteile', i, 'bezirke', j], 'bezirk_mismatch', `Bezirk "${b}" does not list "${s.id}" among its stadtteile`);
      }
    });
    s.neighbours.forEach((n, j) => {
      if (n === s.id) add('error', files.regions, ['stadtteile', i, 'neighbours', j], 'self_neighbour', `"${s.id}" lists itself as neighbour`);
      else if (!stIds.has(n)) needSt(n, ['stadtteile', i, 'neighbours', j]);
      else if (!regions.stadtteile.find((x) => x.id === n)!.neighbours.includes(s.id)) {
        add('warning', files.regions, ['stadtteile', i, 'neighbours', j], 'asymmetric_neighbour', `"${s.id}" lists "${n}" as neighbour but not the other way round`);
      }
    });
    s.sources.forEach((x, j) => needSrc(x, ['stadtteile', i, 'sources', j]));
    if (s.centre) needSrc(s.centre.source, ['stadtteile', i, 'centre', 'source']);
  });
  regions.areas.forEach((a, i) => {
    a.candidates.forEach((c, j) => needSt(c, ['areas', i, 'candidates', j]));
    a.sources.forEach((x, j) => needSrc(x, ['areas', i, 'sources', j]));
  });
  const codes = new Set<string>();
  regions.postcodes.forEach((p, i) => {
    if (codes.has(p.code)) add('error', files.regions, ['postcodes', i, 'code'], 'duplicate_postcode', `postcode ${p.code} appears twice`);
    codes.add(p.code);
    p.candidates.forEach((c, j) => needSt(c, ['postcodes', i, 'candidates', j]));
    p.sources.forEach((x, j) => needSrc(x, ['postcodes', i, 'sources', j]));
  });
  // One written name must lead to one place, or the matcher would depend on file order.
  const aliasOwner = new Map<string, string>();
  const claim = (text: string, owner: string, path: JsonPath) => {
    const key = fold(text).replace(/[^a-z0-9]+/g, ' ').trim();
    const prev = aliasOwner.get(key);
    if (prev && prev !== owner) add('error', files.regions, path, 'alias_collision', `name "${text}" is used for both ${prev} and ${owner}`);
    aliasOwner.set(key, owner);
  };
  regions.stadtteile.forEach((s, i) => {
    claim(s.name, s.id, ['stadtteile', i, 'name']);
    s.aliases.forEach((a, j) => claim(aliasText(a), s.id, ['stadtteile', i, 'aliases', j]));
    s.ortsteile.forEach((a, j) => claim(aliasText(a), s.id, ['stadtteile', i, 'ortsteile', j]));
  });
  regions.areas.forEach((a, i) => a.aliases.forEach((x, j) => claim(aliasText(x), `area ${a.id}`, ['areas', i, 'aliases', j])));
  regions.bezirke.forEach((b, i) => {
    claim(b.name, `Bezirk ${b.id}`, ['bezirke', i, 'name']);
    b.aliases.forEach((x, j) => claim(aliasText(x), `Bezirk ${b.id}`, ['bezirke', i, 'aliases', j]));
  });

  // ---- offers ----
  if (offers.city !== regions.city) add('error', files.offers, ['city'], 'city_mismatch', `city "${offers.city}" differs from regions.json ("${regions.city}")`);
  const ctx = hoursContextOf(municipality);
  const offerIds = new Set<string>();
  const byNameStreet = new Map<string, number>();
  const byPhone = new Map<string, { text: string; offers: number[] }>();
  offers.offers.forEach((o, i) => {
    const at = (...p: JsonPath): JsonPath => ['offers', i, ...p];
    if (offerIds.has(o.id)) add('error', files.offers, at('id'), 'duplicate_id', `offer id "${o.id}" appears twice`);
    offerIds.add(o.id);
    o.categories.forEach((c, j) => {
      if (!catIds.has(c)) add('error', files.offers, at('categories', j), 'unknown_category', `unknown category "${c}" (see offer-categories.json)`);
    });
    if (o.address.stadtteil && !stIds.has(o.address.stadtteil)) add('error', files.offers, at('address', 'stadtteil'), 'unknown_stadtteil', `unknown Stadtteil id "${o.address.stadtteil}"`);
    if (o.address.postcode && !codes.has(o.address.postcode)) add('warning', files.offers, at('address', 'postcode'), 'foreign_postcode', `postcode ${o.address.postcode} is not one of the city's postcodes`);
    o.servesStadtteile.forEach((s, j) => {
      if (!stIds.has(s)) add('error', files.offers, at('servesStadtteile', j), 'unknown_stadtteil', `unknown Stadtteil id "${s}"`);
    });
    o.phones.forEach((p, j) => {
      if (!isGermanPhone(p)) add('error', files.offers, at('phones', j), 'phone_format', `"${p}" is not a German phone number as people dial it (e.g. "0208 455-3515")`);
      const key = p.replace(/\D/g, '');
      const entry = byPhone.get(key) ?? { text: p, offers: [] };
      if (!entry.offers.includes(i)) entry.offers.push(i);
      byPhone.set(key, entry);
    });
    if (o.openingHours) {
      const r = opts.hoursChecked ? { warnings: [] } : checkOpeningHours(o.openingHours, ctx);
      if (r.error) add('error', files.offers, at('openingHours'), 'opening_hours', `opening_hours does not parse: ${r.error}`);
      for (const w of r.warnings) add('warning', files.offers, at('openingHours'), 'opening_hours_warning', w.split('\n')[0]);
      if (!o.hoursKind) add('warning', files.offers, at('hoursKind'), 'hours_kind_missing', 'openingHours is set but hoursKind is not');
    }
    const nameKey = `${normalName(o.name)}|${normalName(o.address.street ?? '')}`;
    const dup = byNameStreet.get(nameKey);
    if (dup !== undefined) add('error', files.offers, at('name'), 'duplicate_offer', `same name and street as offer "${offers.offers[dup].id}"`);
    else byNameStreet.set(nameKey, i);
  });
  for (const { text, offers: list } of byPhone.values()) {
    if (list.length < 2) continue;
    const ids = list.map((i) => offers.offers[i].id);
    add('warning', files.offers, ['offers', list[1], 'phones'], 'shared_phone', `phone ${text} is shared by ${ids.join(', ')} – fine for one office, a duplicate otherwise`);
  }

  // ---- municipality ----
  const contactIds = new Set<string>();
  municipality.contacts.forEach((c, i) => {
    if (contactIds.has(c.id)) add('error', files.municipality, ['contacts', i, 'id'], 'duplicate_id', `contact id "${c.id}" appears twice`);
    contactIds.add(c.id);
    if (c.phone && !isGermanPhone(c.phone)) add('error', files.municipality, ['contacts', i, 'phone'], 'phone_format', `"${c.phone}" is not a German phone number`);
    c.servesStadtteile.forEach((s, j) => {
      if (!stIds.has(s)) add('error', files.municipality, ['contacts', i, 'servesStadtteile', j], 'unknown_stadtteil', `unknown Stadtteil id "${s}"`);
    });
  });
  municipality.finders.forEach((f, i) => {
    if (f.phone && !isGermanPhone(f.phone)) add('error', files.municipality, ['finders', i, 'phone'], 'phone_format', `"${f.phone}" is not a German phone number`);
  });
  municipality.authorities.forEach((a, i) => {
    if (a.phone && !isGermanPhone(a.phone)) add('error', files.municipality, ['authorities', i, 'phone'], 'phone_format', `"${a.phone}" is not a German phone number`);
  });
  if (!municipality.contacts.some((c) => c.usage.includes('fallback') && c.phone && c.servesStadtteile.length === 0)) {
    add('error', files.municipality, ['contacts'], 'no_fallback', 'no city-wide contact with a phone number and usage "fallback"');
  }
  if (municipality.id !== regions.city) add('error', files.municipality, ['id'], 'city_mismatch', `id "${municipality.id}" differs from regions.json city "${regions.city}"`);
  return issues;
}
