// A story that only names a place is no offer search; what counts as a story.
import { asksForOffers } from '../../bot/conversation/local';
import { isStory } from '../../bot/conversation/understand';

test.each<[string, boolean]>([
  ['Tagespflege in Saarn', false],
  ['Pflegedienst Heißen?', false],
  ['Meine Mutter ist im Pflegeheim in Holthausen gestorben. Das Heim will noch zwei Wochen Geld. Dürfen die das?', true],
  ['Mein Vater wohnt in Dümpten und hat seit gestern einen Pflegegrad und ich frage mich, was ihm jetzt alles zusteht', true],
])('isStory(%s) = %s', (text, expected) => {
  expect(isStory(text)).toBe(expected);
});

test.each<[string, boolean, boolean]>([
  ['Tagespflege in Saarn', false, true],
  ['Dürfen die das?', true, false],
  ['Gibt es in Saarn eine Tagespflege?', true, true],
  ['Wo finde ich einen Pflegedienst?', true, true],
  ['Ich suche einen Platz in der Kurzzeitpflege.', true, true],
  ['Is there a day centre in Broich?', true, true],
  ['Who pays for the care home?', true, false],
])('asksForOffers(%s, story=%s) = %s', (text, story, expected) => {
  expect(asksForOffers(text, story)).toBe(expected);
});
