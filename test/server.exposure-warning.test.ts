/**
 * Beyond loopback the trusted headers make every caller admin: starting the
 * mock on such an address warns (a line on stderr by default).
 */
import { startGlanceMock } from '../src';
import { warnIfExposed } from '../src/server';

const ADMIN_WARNING = /the trusted headers \(X-Identity-Status, X-Project-Id, X-Roles\) make every caller who can reach this port an admin/;

describe('the warning about listening beyond loopback', () => {
  it.each(['0.0.0.0', '::', '192.168.1.20', '::ffff:10.0.0.1'])('when the bound address is %s, then it warns', (address) => {
    const warnings: string[] = [];
    warnIfExposed({ address, port: 9292, family: 'IPv4' }, address, (m) => warnings.push(m));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(ADMIN_WARNING);
    expect(warnings[0]).toContain(`listening on ${address}:9292, beyond loopback:`);
  });

  it.each(['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1'])('when the bound address is %s, then it says nothing', (address) => {
    const warnings: string[] = [];
    warnIfExposed({ address, port: 9292, family: 'IPv4' }, address, (m) => warnings.push(m));
    expect(warnings).toEqual([]);
  });

  it('when a mock starts on 127.0.0.1, then no warning is given', async () => {
    const warnings: string[] = [];
    const glance = await startGlanceMock({ onWarning: (m) => warnings.push(m) });
    await glance.close();
    expect(warnings).toEqual([]);
  });
});
