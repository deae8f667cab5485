import { isSpecialAddress, refuseTarget } from './webhook-target';

describe('webhook targets (SSRF guard)', () => {
  it('classifies loopback, private, link-local and mapped addresses as special', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '0.0.0.0',
      '::1',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '100.64.0.1',
    ])
      expect([address, isSpecialAddress(address)]).toEqual([address, true]);
    for (const address of ['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])
      expect([address, isSpecialAddress(address)]).toEqual([address, false]);
  });

  it('refuses http, credentials and private addresses unless allowed', async () => {
    expect(await refuseTarget('http://8.8.8.8/hook', false)).toMatch(/https/);
    expect(await refuseTarget('https://user:pw@8.8.8.8/hook', false)).toMatch(/user name/);
    expect(await refuseTarget('https://127.0.0.1/hook', false)).toMatch(/private/);
    expect(await refuseTarget('https://[::1]:8443/hook', false)).toMatch(/private/);
    expect(await refuseTarget('https://localhost/hook', false)).toMatch(/private/);
    expect(await refuseTarget('https://8.8.8.8/hook', false)).toBeNull();
    expect(await refuseTarget('http://127.0.0.1:9/hook', true)).toBeNull();
    expect(await refuseTarget('ftp://127.0.0.1/hook', true)).toMatch(/https/);
  });
});
