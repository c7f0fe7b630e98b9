// Who a question asks for (issue 17): the carer for herself, or the person cared for; and which
// entries are about the carer. Table tests for the pure rules of bot/nlu/asker.ts.
import { askerOf, carerSubject } from '../../bot/nlu/asker';
import { foldMarks } from '../../bot/text/fold';

describe('askerOf: who the question sentences ask for', () => {
  test.each<[string, 'self' | 'other' | undefined]>([
    ['Gibt es für mich als Tochter einen Steuerfreibetrag?', 'self'],
    ['Gibt es da was für mich?', 'self'],
    ['Bekomme ich als Rentnerin noch Rentenpunkte?', 'self'],
    ['Kann ich als pflegende Angehörige eine Kur machen?', 'self'],
    ['Zählt das für meine eigene Rente?', 'self'],
    ['Is there any tax relief for me as his carer?', 'self'],
    ['can i as the carer get time off work?', 'self'],
    ['what about my own pension?', 'self'],
    ['Bekommt sie einen Behinderten-Pauschbetrag?', 'other'],
    ['Does she get care allowance in hospital?', 'other'],
    ['Will her own pension be used for the home?', 'other'],
    // neither, or both: not told
    ['Wie viel Pflegegeld gibt es bei Pflegegrad 3?', undefined],
    ['How do we apply for a care grade?', undefined],
    ['Bekomme ich das Pflegegeld oder bekommt er es?', undefined],
  ])('%s → %s', (text, want) => {
    expect(askerOf(foldMarks(text))).toBe(want);
  });
});

describe('carerSubject: the entry is about the carer', () => {
  test.each<[string, string[], boolean]>([
    ['carer_tax_pension', ['tax', 'tax_allowance', 'carer'], true],
    ['work_leave', ['work_leave', 'employer'], true],
    ['respite', ['respite', 'holiday', 'family_carer'], true],
    // the cared person's tax status, though in the carer's tax topic
    ['carer_tax_pension', ['tax', 'disability', 'tax_allowance'], false],
    ['allowance', ['care_allowance', 'payment_date'], false],
  ])('%s %j → %s', (topic, concepts, want) => {
    expect(carerSubject(topic, concepts)).toBe(want);
  });
});
