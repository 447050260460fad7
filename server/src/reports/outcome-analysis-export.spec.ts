import { studyId } from './outcome-analysis-export.js';

describe('studyId', () => {
  const admission = '2f6c1e0a-8d3b-4c55-9a41-0b7e8f3d2c19';

  it('is the same for the same admission and secret, so exports can be joined', () => {
    expect(studyId(admission, 'secret-one')).toBe(studyId(admission, 'secret-one'));
    expect(studyId(admission, 'secret-one')).toMatch(/^S-[0-9A-F]{12}$/);
  });

  it('differs between admissions and between secrets, and does not contain the admission id', () => {
    expect(studyId(admission, 'secret-one')).not.toBe(
      studyId('2f6c1e0a-8d3b-4c55-9a41-0b7e8f3d2c1a', 'secret-one'),
    );
    expect(studyId(admission, 'secret-one')).not.toBe(studyId(admission, 'secret-two'));
    expect(studyId(admission, 'secret-one').toLowerCase()).not.toContain(admission.slice(0, 8));
  });
});
