// Removes what identifies a person from a message before it is stored in the staff inbox: e-mail
// addresses, phone numbers, dates (of birth and any other), insurance and similar long numbers,
// street addresses, postcodes, and names after "ich heiße / mein Name ist / my name is". What stays
// is the question's wording, which is what staff need to improve the bot. Pure.

const RULES: [RegExp, string][] = [
  // e-mail first: its digits must not become a phone number
  [/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu, '[E-Mail]'],
  [/\bhttps?:\/\/\S+/gi, '[Link]'],
  // names after a self-introduction (one to three capitalised words, or any word in lower case)
  [/\b(ich hei(?:ß|ss)e|mein name ist|mein name:|ich bin (?:der|die|frau|herr)|my name is|i am called|i'm called|name:)\s+((?:[\p{L}'-]+\s?){1,3})/giu, '$1 [Name]'],
  [/\b([Ff]rau|[Hh]err|[Hh]r\.|[Ff]r\.|M[Rr][Ss]?\.?|M[Ss]\.?)\s+\p{Lu}[\p{L}'-]+/gu, '$1 [Name]'],
  // German health insurance number: a letter and nine digits; pension/insurance numbers and IBANs
  [/\b[A-Z]\s?\d{9}\b/g, '[Nummer]'],
  [/\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){3,7}(?:\s?[A-Z0-9]{1,3})?\b/g, '[Nummer]'],
  [/\b\d{2}\s?\d{6}\s?[A-Z]\s?\d{3}\b/g, '[Nummer]'],
  // street addresses: "Musterstraße 12", "Am Hang 3a", "Main Street 5", "12 Main Street"
  [/\b[\p{L}.-]*(?:straße|strasse|str\.|weg|allee|platz|gasse|ring|damm|ufer|chaussee|pfad)\s+\d+\s?[a-z]?\b/giu, '[Adresse]'],
  [/\b(?:[Aa]m|[Aa]n der|[Aa]uf der|[Ii]m|[Ii]n der|[Zz]um|[Zz]ur)\s+\p{Lu}[\p{L}-]+\s+\d+\s?[a-z]?\b/gu, '[Adresse]'],
  [/\b\d+\s+\p{Lu}[\p{L}-]+\s+(?:street|road|lane|avenue|st\.|rd\.)\b/gu, '[Adresse]'],
  // dates: 01.02.1940, 1.2.40, 1940-02-01, "1. Februar 1940"
  [/\b\d{1,2}\s?[./-]\s?\d{1,2}\s?[./-]\s?\d{2,4}\b/g, '[Datum]'],
  [/\b\d{4}-\d{2}-\d{2}\b/g, '[Datum]'],
  [/\b\d{1,2}\.?\s+(?:jan(?:uar)?|feb(?:ruar)?|märz|maerz|apr(?:il)?|mai|juni?|juli?|aug(?:ust)?|sep(?:tember)?|okt(?:ober)?|nov(?:ember)?|dez(?:ember)?|january|february|march|may|june|july|october|december)\.?\s+\d{4}\b/giu, '[Datum]'],
  [/\b(?:geboren|geb\.|born)\s+(?:am\s+|on\s+|in\s+)?\d{4}\b/giu, '[Datum]'],
  // phone numbers: +49 …, 0208 455-0, (0208) 12345; at least six digits with separators
  [/(?:\+|00)\d{1,3}[\s/().-]*(?:\d[\s/().-]*){5,}\d/g, '[Telefon]'],
  [/\(?\b0\d{2,5}\)?[\s/.-]*\d(?:[\s/.-]?\d){3,}/g, '[Telefon]'],
  // any other long number (customer, file or insurance numbers)
  [/\b\d{7,}\b/g, '[Nummer]'],
  // postcodes: "45468", "D-45468"
  [/\b(?:D-)?\d{5}\b/g, '[PLZ]'],
];

export function redact(text: string): string {
  let out = text.normalize('NFC');
  for (const [re, by] of RULES) out = out.replace(re, by);
  return out.replace(/\s+/g, ' ').trim().slice(0, 500);
}
