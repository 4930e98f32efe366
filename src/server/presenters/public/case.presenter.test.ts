import { describe, expect, it } from 'vitest';
import { chicagoProfile } from '../../domain/profiles/chicago.ts';
import { presentPublicDutyStatus } from './case.presenter.ts';

/** The duty-status part of the public answer and the staff preview (issue 22 item 1). */
describe('presentPublicDutyStatus', () => {
  const x = {
    agencies: chicagoProfile.agencyRoles,
    dutyStatusDisclosure: chicagoProfile.dutyStatusDisclosure,
    timeZone: chicagoProfile.timeZone,
  };
  const decided = (memberId: string) => ({
    member_id: memberId,
    action: 'relieved_of_police_powers',
    stage: 'decided' as const,
    effective_at: '2023-09-28T14:00:00Z',
    unit_members: 10,
  });

  it('on a status-only case shows no duty-status part, and tells the preview why', () => {
    const out = presentPublicDutyStatus(
      {
        lead_agency: chicagoProfile.agencyRoles.internalAffairs,
        agencies: [
          {
            agency: chicagoProfile.agencyRoles.internalAffairs,
            track: 'administrative',
            role: 'lead',
          },
        ],
        restricted: false,
        duty_status: [decided('a'), decided('b')],
      },
      x,
    );
    expect(out.visibility).toBe('status_only');
    expect(out.dutyStatus).toBeUndefined();
    expect(out.withheld).toEqual([
      {
        action: 'relieved_of_police_powers',
        members: 2,
        effectiveDate: '2023-09-28',
        reason: 'case_not_public',
      },
    ]);
  });

  it('on a restricted oversight case shows the action', () => {
    const out = presentPublicDutyStatus(
      {
        lead_agency: chicagoProfile.agencyRoles.oversight,
        agencies: [],
        restricted: true,
        duty_status: [decided('a')],
      },
      x,
    );
    expect(out.visibility).toBe('category_and_status');
    expect(out.dutyStatus?.map((d) => d.members)).toEqual([1]);
    expect(out.withheld).toEqual([]);
  });
});
