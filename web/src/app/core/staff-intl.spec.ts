import staffEn from '../../locales/en/staff.json';
import staffEs from '../../locales/es/staff.json';
import staffFr from '../../locales/fr/staff.json';
import { interpolate } from '../i18n/interpolate';
import { formatCount } from './staff-intl';

describe('counts in the staff pages', () => {
  it('writes a total the API stopped counting at as "1,000+", in each language’s digits', () => {
    expect(interpolate(staffEn['inbox.total.more'], { count: formatCount(1_000, 'en') })).toBe('1,000+ requests');
    expect(interpolate(staffFr['inbox.total.more'], { count: formatCount(1_000, 'fr') })).toBe('1\u202f000+ demandes');
    expect(interpolate(staffEn['inbox.total.more'], { count: formatCount(10_000, 'en') })).toBe('10,000+ requests');
    expect(interpolate(staffEs['inbox.total.more'], { count: formatCount(10_000, 'es') })).toBe('10.000+ solicitudes');
    expect(
      interpolate(staffEn['inbox.pager.positionMore'], { page: formatCount(3, 'en'), pages: formatCount(400, 'en') }),
    ).toBe('Page 3 of 400+');
  });
});
