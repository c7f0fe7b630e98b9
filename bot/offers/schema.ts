// Schemas for a municipality pack (knowledge/<city>/regions.json, offers.json, municipality.json)
// and the shared category vocabulary (knowledge/offer-categories.json). Staff edit these files;
// the schemas are the contract with the code. Unknown fields are rejected so typos surface.
import { z } from 'zod';
import { isoDate } from '../knowledge/schema';

const id = z.string().regex(/^[a-z][a-z0-9_]*$/, 'expected an id: lower case letters, digits, _');
const bilingual = z.object({ de: z.string().min(1), en: z.string().min(1) }).strict();
const url = z.string().url();
const email = z.string().regex(/^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i, 'expected an e-mail address');
const postcode = z.string().regex(/^\d{5}$/, 'expected a five-digit postcode');

/** Marks on data that staff must look at; never a reason to hide an entry. */
export const FLAGS = ['old', 'conflict', 'verify', 'undated'] as const;
export const FlagSchema = z.enum(FLAGS);
export type Flag = z.infer<typeof FlagSchema>;

// ---------- categories (shared by all cities) ----------

export const CategorySchema = z.object({
  id,
  label: bilingual,
  /** folded prefix match on user text; the longest matching keyword decides */
  keywords: z.object({ de: z.array(z.string().min(2)).min(1), en: z.array(z.string().min(2)).min(1) }).strict(),
  /** true: people go there, so the location decides how near it is; false: the service comes to you */
  placeBased: z.boolean(),
  /** searching this category also returns offers of these categories */
  includes: z.array(id).default([]),
  /** category names as they appear in imported spreadsheets (case-insensitive) */
  importNames: z.array(z.string().min(2)).default([]),
}).strict();
export type Category = z.infer<typeof CategorySchema>;

export const CategoriesFileSchema = z.object({
  reviewed: isoDate,
  categories: z.array(CategorySchema).min(1),
  /** ISO 639-1 code → language names (de/en) accepted in the import's languages column */
  languages: z.record(z.string().regex(/^[a-z]{2,3}$/), z.array(z.string().min(2)).min(1)),
}).strict();
export type CategoriesFile = z.infer<typeof CategoriesFileSchema>;

// ---------- regions ----------

/** A name people use for a place. Plain string, or with matching limits. */
export const AliasSchema = z.union([
  z.string().min(2),
  z.object({
    text: z.string().min(2),
    /** false: only exact (folded) matches, no typo tolerance */
    fuzzy: z.boolean().optional(),
    /** true: the word is also an everyday word ("heißen"); match only with a place cue */
    needsContext: z.boolean().optional(),
  }).strict(),
]);
export type Alias = z.infer<typeof AliasSchema>;

/** url null: the source is the project's own research file (named in the title) */
const RegionSource = z.object({ id, title: z.string().min(3), url: url.nullable(), accessed: isoDate }).strict();

export const CentreSchema = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  /** always true here: a rough centre for distances, not a boundary */
  approximate: z.literal(true),
  source: id,
}).strict();

export const StadtteilSchema = z.object({
  id,
  name: z.string().min(2),
  number: z.number().int().positive().nullable(),
  bezirke: z.array(id).min(1),
  aliases: z.array(AliasSchema),
  /** Ortsteile, quarters and settlements that belong to this Stadtteil */
  ortsteile: z.array(AliasSchema),
  neighbours: z.array(id),
  mainPostcode: postcode.nullable(),
  centre: CentreSchema.nullable(),
  sources: z.array(id).min(1),
  note: z.string().optional(),
}).strict();
export type Stadtteil = z.infer<typeof StadtteilSchema>;

export const RegionsFileSchema = z.object({
  city: id,
  reviewed: isoDate,
  sources: z.array(RegionSource).min(1),
  bezirke: z.array(z.object({
    id,
    name: z.string().min(2),
    aliases: z.array(AliasSchema),
    /** Stadtteile wholly or partly in this Bezirk */
    stadtteile: z.array(id).min(1),
    note: z.string().optional(),
    sources: z.array(id).min(1),
  }).strict()).min(1),
  stadtteile: z.array(StadtteilSchema).min(1),
  /** names that do not point to one Stadtteil ("Innenstadt"): the bot asks between the candidates */
  areas: z.array(z.object({
    id,
    aliases: z.array(AliasSchema).min(1),
    candidates: z.array(id).min(2),
    note: z.string(),
    sources: z.array(id),
  }).strict()),
  /** a postcode is only a hint: several candidates make the bot ask */
  postcodes: z.array(z.object({
    code: postcode,
    candidates: z.array(id).min(1),
    evidence: z.string().min(3),
    sources: z.array(id),
  }).strict()),
  /** words before a place name that mark it as a place ("in", "aus"): used for needsContext aliases */
  placeCues: z.object({ de: z.array(z.string()), en: z.array(z.string()) }).strict(),
  /** neighbouring cities: named, the bot says it only knows this city's offers and names the finders */
  otherPlaces: z.array(z.object({ name: z.string().min(2), sources: z.array(id).min(1) }).strict()).default([]),
  /** the only words that make a following name one of otherPlaces ("in Essen", not "bei Essen und Trinken") */
  otherPlaceCues: z.array(z.string().min(2)).default([]),
}).strict();
export type RegionsFile = z.infer<typeof RegionsFileSchema>;

// ---------- offers ----------

export const KINDS = ['professional', 'volunteer', 'mixed'] as const;
export type OfferKind = (typeof KINDS)[number];
export const HOURS_KINDS = ['opening', 'phone', 'meeting', 'service'] as const;
export type HoursKind = (typeof HOURS_KINDS)[number];

export const VerifiedSchema = z.object({
  /** date of the source (basis "source") or of the staff check (basis "staff"); null = undated */
  date: isoDate.nullable(),
  /** how exact the date is: "month" means only YYYY-MM was known and the day is set to 01 */
  precision: z.enum(['day', 'month', 'year']).nullable(),
  basis: z.enum(['source', 'staff']),
  note: z.string().nullable(),
}).strict().refine((v) => (v.date === null) === (v.precision === null), 'date and precision must both be set or both be null');

export const OfferSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected an id: lower case letters, digits, -').max(80),
  name: z.string().min(2),
  provider: z.string().min(2).nullable(),
  categories: z.array(id).min(1),
  kind: z.enum(KINDS),
  address: z.object({
    street: z.string().min(2).nullable(),
    postcode: postcode.nullable(),
    /** Stadtteil id where the offer is located, only when the source names one clearly */
    stadtteil: id.nullable(),
    /** the place name exactly as the source gave it */
    areaText: z.string().nullable(),
  }).strict(),
  coordinates: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).strict().nullable(),
  phones: z.array(z.string().min(3)),
  email: email.nullable(),
  website: url.nullable(),
  /** OpenStreetMap opening_hours syntax; null when the source gives none or it cannot be expressed */
  openingHours: z.string().min(2).nullable(),
  hoursKind: z.enum(HOURS_KINDS).nullable(),
  /** the hours exactly as the source wrote them */
  hoursNote: z.string().nullable(),
  languages: z.array(z.string().regex(/^[a-z]{2,3}$/)),
  languagesNote: z.string().nullable(),
  stepFree: z.boolean().nullable(),
  costNote: z.string().nullable(),
  /** empty: the whole city */
  servesStadtteile: z.array(id),
  sourceUrl: url,
  verified: VerifiedSchema,
  notes: z.string().nullable(),
  flags: z.array(FlagSchema),
}).strict();
export type Offer = z.infer<typeof OfferSchema>;

export const OffersFileSchema = z.object({
  city: id,
  offers: z.array(OfferSchema),
}).strict();
export type OffersFile = z.infer<typeof OffersFileSchema>;

// ---------- municipality ----------

export const SourceRefSchema = z.object({
  title: z.string().min(3),
  url: url.nullable(),
  /** date of the information (not of reading it); null = undated */
  date: isoDate.nullable(),
  precision: z.enum(['day', 'month', 'year']).nullable(),
}).strict();
export type SourceRef = z.infer<typeof SourceRefSchema>;

export const ContactSchema = z.object({
  id,
  label: bilingual,
  role: z.enum(['care_counselling', 'senior_advice', 'network', 'social_office', 'switchboard', 'hotline']),
  phone: z.string().nullable(),
  email: email.nullable(),
  address: z.string().nullable(),
  website: url.nullable(),
  /** empty: responsible for the whole city */
  servesStadtteile: z.array(id),
  /** "fallback": shown when no offer fits; "talk_to_person": shown when someone wants a human */
  usage: z.array(z.enum(['fallback', 'talk_to_person'])).min(1),
  source: SourceRefSchema,
  flags: z.array(FlagSchema),
  note: z.string().nullable(),
}).strict();
export type Contact = z.infer<typeof ContactSchema>;

export const FinderSchema = z.object({
  id,
  name: z.string().min(2),
  label: bilingual,
  url,
  phone: z.string().nullable(),
  scope: z.enum(['federal', 'state']),
  source: SourceRefSchema,
  flags: z.array(FlagSchema),
}).strict();
export type Finder = z.infer<typeof FinderSchema>;

export const AuthoritySchema = z.object({
  id,
  name: z.string().min(2),
  label: bilingual,
  phone: z.string().nullable(),
  address: z.string().nullable(),
  website: url.nullable(),
  source: SourceRefSchema,
  flags: z.array(FlagSchema),
  note: z.string().nullable(),
}).strict();
export type Authority = z.infer<typeof AuthoritySchema>;

export const MunicipalityFileSchema = z.object({
  id,
  name: z.string().min(2),
  /** shorter names people use for the city ("Mülheim"); the first one stands in texts as {{cityShort}} */
  aliases: z.array(z.string().min(2)).default([]),
  /** the state's short code; its lower case names the state layer's folder (NRW → knowledge/nrw/) */
  state: z.string().regex(/^[A-Z]{2,3}$/),
  stateName: z.string().min(2),
  countryCode: z.string().regex(/^[a-z]{2}$/),
  timeZone: z.string().min(3),
  reviewed: isoDate,
  /** entries whose date is older than this are shown with a "please check" note */
  staleAfterDays: z.number().int().positive(),
  centre: z.object({ lat: z.number(), lon: z.number(), source: SourceRefSchema }).strict(),
  contacts: z.array(ContactSchema).min(1),
  finders: z.array(FinderSchema).min(1),
  authorities: z.array(AuthoritySchema),
}).strict();
export type MunicipalityFile = z.infer<typeof MunicipalityFileSchema>;

/** Everything the bot needs about one city, validated and cross-checked. */
export interface MunicipalityPack {
  dir: string;
  regions: RegionsFile;
  offers: Offer[];
  municipality: MunicipalityFile;
  categories: CategoriesFile;
}
