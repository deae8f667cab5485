import { policyErrors } from './sla-policy-rules';

describe('the checks of an SLA target row', () => {
  it('accepts whole hours within the bounds, resolution not shorter than the first response', () => {
    expect(policyErrors({ firstResponseHours: '4', resolutionHours: '24' })).toEqual({});
    expect(policyErrors({ firstResponseHours: '8', resolutionHours: '8' })).toEqual({});
    expect(policyErrors({ firstResponseHours: ' 2000 ', resolutionHours: '10000' })).toEqual({});
  });

  it.each([
    ['empty', '', '24', 'firstResponseHours'],
    ['zero', '0', '24', 'firstResponseHours'],
    ['a fraction', '1.5', '24', 'firstResponseHours'],
    ['negative', '-4', '24', 'firstResponseHours'],
    ['above its bound', '2001', '10000', 'firstResponseHours'],
    ['a resolution above its bound', '4', '10001', 'resolutionHours'],
    ['a resolution that is not a number', '4', 'abc', 'resolutionHours'],
  ])('refuses %s', (_case, firstResponseHours, resolutionHours, field) => {
    expect(Object.keys(policyErrors({ firstResponseHours, resolutionHours }))).toEqual([field]);
  });

  it('says a resolution shorter than the first response on the resolution', () => {
    expect(policyErrors({ firstResponseHours: '30', resolutionHours: '24' })).toEqual({
      resolutionHours: 'admin.sla.error.order',
    });
  });
});
