import { parseScenario, playScenario } from '../src';
import { Variables } from '../src/scenario/interpolate';

const DRAW = `name: draw a project id
variables:
  project: '\${faker.string.hexadecimal({"length": 32, "casing": "lower", "prefix": ""})}'
  name: 'image of \${project}'
actors:
  owner: { project: '\${project}', roles: [member] }
steps:
  - name: create
    actor: owner
    request: { method: POST, path: /v2/images, body: { name: '\${name}', min_ram: '\${ram}' } }
    expect: { status: 201, body: { owner: '\${project}', name: 'image of \${project}', min_ram: 512 } }
    capture: { image: $.id, location: 'header:Location' }
  - name: read it back by the captured id
    actor: owner
    request: { method: GET, path: '/v2/images/\${image}' }
    expect: { status: 200, body: { id: '\${image}' }, headers: { Content-Type: application/json } }
`;

describe('scenario variables', () => {
  it('${faker.…} draws the same values on every run of a scenario, other values with another fakerSeed', async () => {
    const a = new Variables(7);
    const b = new Variables(7);
    const c = new Variables(8);
    const draw = (v: Variables) => v.string('${faker.string.uuid} ${faker.person.firstName}');
    expect(draw(a)).toBe(draw(b));
    expect(draw(new Variables(7))).not.toBe(draw(c));
  });

  it('a whole ${…} keeps the type of its value; inside text it is written out', () => {
    const v = new Variables(1);
    v.set('n', 512);
    expect(v.string('${n}')).toBe(512);
    expect(v.string('n=${n} $${n}')).toBe('n=512 ${n}');
  });

  it('an unknown variable fails the step that uses it, naming it', async () => {
    const result = await playScenario(parseScenario(DRAW));
    expect(result.status).toBe('failed');
    expect(result.steps[0].error).toBe('${ram}: no variable "ram"');
  });

  it('variables, earlier variables inside later ones, captures from the body and headers', async () => {
    const scenario = parseScenario(DRAW.replace("min_ram: '${ram}'", 'min_ram: 512'));
    const first = await playScenario(scenario);
    expect(first.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    const again = await playScenario(scenario);
    expect(JSON.parse(again.steps[0].response!.text).owner).toBe(JSON.parse(first.steps[0].response!.text).owner);
  });
});
