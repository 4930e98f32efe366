import { describe, expect, it } from 'vitest';
import {
  initialForm as complaintForm,
  toBody,
} from '../../pages/public/complaint/complaint-form.ts';
import { bodyOf, initialForm as intakeForm } from '../../pages/staff/intake/intake-form.ts';
import { partIfGiven } from './body.ts';

describe('partIfGiven', () => {
  it('leaves out a part none of whose values is given, and keeps a part with one', () => {
    expect(partIfGiven('incident', { address: undefined, district: undefined })).toEqual({});
    expect(partIfGiven('incident', { address: undefined, district: '4' })).toEqual({
      incident: { address: undefined, district: '4' },
    });
  });

  it('is how both forms leave out an empty incident and send a given one', () => {
    const complaint = complaintForm('en');
    expect(toBody(complaint)).not.toHaveProperty('incident');
    expect(JSON.parse(JSON.stringify(toBody({ ...complaint, district: ' 4 ' }))).incident).toEqual({
      district: '4',
    });
    const intake = intakeForm();
    expect(bodyOf({ ...intake, occurredAt: '' })).not.toHaveProperty('incident');
    expect(
      JSON.parse(JSON.stringify(bodyOf({ ...intake, occurredAt: '', beat: '1234' }))).incident,
    ).toEqual({ beat: '1234' });
  });
});
