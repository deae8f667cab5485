import { coverageSummary, rowErrors, toEntries, toRows } from './coverage';

describe('the coverage editor rows', () => {
  it('turn into the API entries and back without losing anything', () => {
    const entries = [
      { country: 'PE' },
      { country: 'BO', area: 'market-access' as const },
      { region: 'AND' as const, area: 'climate-resilience' as const },
      { area: 'human-rights' as const },
    ];
    expect(toRows(entries)).toEqual([
      { place: 'country:PE', area: '' },
      { place: 'country:BO', area: 'market-access' },
      { place: 'region:AND', area: 'climate-resilience' },
      { place: '', area: 'human-rights' },
    ]);
    expect(toEntries(toRows(entries))).toEqual(entries);
  });

  it('never sends a country and a region together, nor unknown codes', () => {
    expect(toEntries([{ place: 'region:XX', area: 'market-access' }])).toEqual([{ area: 'market-access' }]);
  });

  it('flag "any place, any area" and repeated rows', () => {
    expect(
      rowErrors([
        { place: 'country:PE', area: '' },
        { place: '', area: '' },
        { place: 'country:PE', area: '' },
        { place: 'country:PE', area: 'market-access' },
      ]),
    ).toEqual([null, 'admin.error.coverageEmpty', 'admin.error.coverageRepeated', null]);
  });

  it('say the coverage in words', () => {
    const t = (key: string) =>
      ({
        'admin.coverage.anyArea': 'any area',
        'admin.coverage.anyPlace': 'any place',
        'region.AND': 'Andean',
        'inbox.area.climate-resilience': 'Climate',
      })[key] ?? key;
    const summary = coverageSummary([{ country: 'PE' }, { region: 'AND', area: 'climate-resilience' }], t, (code) =>
      code === 'PE' ? 'Peru' : code,
    );
    expect(summary).toBe('Peru · any area; Andean · Climate');
  });
});
