/** The suite runs Debian's own clients: if one is missing, this fails (it never skips). */
import { GLANCE, OPENSTACK, PYTHON, assertClientsInstalled, runClient } from './helpers/clients';

describe('the real OpenStack clients', () => {
  it('when the suite starts, then /usr/bin/openstack, /usr/bin/glance and /usr/bin/python3 are installed', () => {
    expect(() => assertClientsInstalled()).not.toThrow();
  });

  it("when asked for their versions, then they are Debian bookworm's python-openstackclient 6, glanceclient 4 and openstacksdk", async () => {
    const osc = await runClient(OPENSTACK, ['--version'], {});
    expect(osc.code).toBe(0);
    expect(osc.output).toMatch(/^openstack \d+\.\d+\.\d+/m);
    const glance = await runClient(GLANCE, ['--version'], {});
    expect(glance.code).toBe(0);
    expect(glance.output).toMatch(/^\d+\.\d+\.\d+/m);
    const sdk = await runClient(PYTHON, ['-c', 'import openstack.version as v, glanceclient, keystoneauth1; print(v.__version__)'], {});
    expect(sdk.code).toBe(0);
    expect(sdk.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});
