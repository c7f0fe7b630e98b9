// The canary corpus: messages that each carry personal data which must never reach the staff store.
// Used by redact.test.ts (the redaction rule) and routes.test.ts (the same messages through the
// real bot into the store file).
export const CANARIES: [string, string[], string[]][] = [
  // [message, values that must disappear, words that must stay]
  ['Ich heiße Waltraud Kowalski und brauche Hilfe beim Antrag', ['Waltraud', 'Kowalski'], ['Antrag']],
  ['Mein Name ist Jürgen Özdemir, wie viel Pflegegeld gibt es?', ['Jürgen', 'Özdemir'], ['Pflegegeld']],
  ['my name is Harold Finch and I need respite care', ['Harold', 'Finch'], ['respite']],
  ['Bitte rufen Sie mich an: 0208 4551234', ['4551234', '0208'], ['rufen']],
  ['Meine Nummer +49 (0)208 123 45 67, Pflegegrad 3', ['123 45 67', '+49'], ['Pflegegrad 3']],
  ['Handy 0171/9876543 wegen Tagespflege', ['9876543', '0171'], ['Tagespflege']],
  ['Schreiben Sie an erika.mustermann@example.org bitte', ['erika', 'mustermann', 'example.org'], ['Schreiben']],
  ['Meine Mutter ist am 03.04.1938 geboren, Pflegegrad?', ['03.04.1938', '1938'], ['Mutter', 'Pflegegrad']],
  ['Geburtsdatum 1938-04-03 und Demenz', ['1938-04-03'], ['Demenz']],
  ['Vater geboren am 3. April 1941, was nun?', ['April 1941', '1941'], ['Vater']],
  ['Versichertennummer A123456789 bei der AOK', ['A123456789'], ['AOK']],
  ['Rentenversicherungsnummer 65 170839 J 003', ['170839', 'J 003'], ['Rentenversicherungsnummer']],
  ['Wir wohnen in der Kaiserstraße 12a in Saarn', ['Kaiserstraße 12', '12a'], ['Saarn']],
  ['Adresse: Am Rosenhang 7, 45468 Mülheim', ['Rosenhang 7', '45468'], ['Mülheim']],
  ['IBAN DE89 3704 0044 0532 0130 00 für das Pflegegeld', ['3704', '0532', 'DE89'], ['Pflegegeld']],
  ['Kundennummer 98765432 beim Pflegedienst', ['98765432'], ['Pflegedienst']],
  ['Frau Schmitz von nebenan hilft, gibt es Geld dafür?', ['Schmitz'], ['Geld']],
];
