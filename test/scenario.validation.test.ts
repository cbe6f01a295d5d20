import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenarioFile, parseScenario, ScenarioError } from '../src';

const STEP = `  - name: list the members
    request: { method: GET, path: /v2/images }
`;

function refusal(yaml: string, source = 'flow.scenario.yaml'): string {
  try {
    parseScenario(yaml, source);
  } catch (err) {
    expect(err).toBeInstanceOf(ScenarioError);
    return (err as Error).message;
  }
  throw new Error('accepted');
}

describe('scenario validation', () => {
  it.each([
    [
      'a step without request',
      'name: x\nsteps:\n  - name: only a name\n',
      'flow.scenario.yaml: step 1 "only a name": /steps/0 is missing the field "request"',
    ],
    [
      'a bad status',
      `name: x\nsteps:\n${STEP}  - name: accept\n    request: { method: PUT, path: /v2/x }\n    expect: { status: 99 }\n`,
      'flow.scenario.yaml: step 2 "accept": /steps/1/expect/status must be >= 100',
    ],
    [
      'an unknown key in a request',
      `name: x\nsteps:\n  - name: s\n    request: { method: GET, path: /v2/images, bodyy: {} }\n`,
      'flow.scenario.yaml: step 1 "s": /steps/0/request has an unknown field "bodyy"',
    ],
    [
      'a path without its slash',
      `name: x\nsteps:\n  - name: s\n    request: { method: GET, path: v2/images }\n`,
      'flow.scenario.yaml: step 1 "s": /steps/0/request/path must match pattern "^/"',
    ],
    ['no steps', 'name: x\n', 'flow.scenario.yaml: (top level) is missing the field "steps"'],
    [
      'an actor the scenario does not define',
      `name: x\nactors: { owner: { project: p1 } }\nsteps:\n  - name: s\n    actor: ownr\n    request: { method: GET, path: /v2/images }\n`,
      'flow.scenario.yaml: step 1 "s": /steps/0/actor "ownr" is not one of the actors (owner)',
    ],
    [
      'a keystone actor without a password',
      `name: x\nactors: { admin: { keystone: { username: admin } } }\nsteps:\n${STEP}`,
      'flow.scenario.yaml: /actors/admin/keystone is missing the field "password"',
    ],
    [
      'both body and bodyEquals',
      `name: x\nsteps:\n  - name: s\n    request: { method: GET, path: /v2/images }\n    expect: { body: {}, bodyEquals: {} }\n`,
      'flow.scenario.yaml: step 1 "s": /steps/0/expect has both "body" and "bodyEquals": use one',
    ],
    [
      'a regex matcher that does not compile',
      `name: x\nsteps:\n  - name: s\n    request: { method: GET, path: /v2/images }\n    expect: { body: { id: { regex: '(' } } }\n`,
      'flow.scenario.yaml: step 1 "s": /steps/0/expect/body/id/regex is not a regular expression',
    ],
    [
      'a capture that is no path',
      `name: x\nsteps:\n  - name: s\n    request: { method: GET, path: /v2/images }\n    capture: { id: images.0 }\n`,
      'flow.scenario.yaml: step 1 "s": /steps/0/capture/id must match pattern',
    ],
    ['a seed with a bad field', `name: x\nseed: { images: [{ visibility: everyone }] }\nsteps:\n${STEP}`, 'flow.scenario.yaml: /seed'],
  ])('%s is refused naming the file, the step and the field', (_what, yaml, message) => {
    expect(refusal(yaml)).toContain(message);
  });

  it('a file that is not YAML is refused naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenario-'));
    const file = join(dir, 'broken.scenario.yaml');
    writeFileSync(file, 'name: [unclosed\n');
    expect(() => loadScenarioFile(file)).toThrow(`${file}: not valid YAML`);
  });

  it('JSON is accepted', () => {
    const scenario = parseScenario(
      JSON.stringify({ name: 'x', steps: [{ name: 's', request: { method: 'GET', path: '/v2/images' } }] }),
      'x.scenario.json',
    );
    expect(scenario.steps[0].name).toBe('s');
  });
});
