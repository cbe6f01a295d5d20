import { FaultRules } from '../../src/control/faults';
import { drawDelay } from '../../src/control/latency';
import { ControlProblem } from '../../src/control/problem';
import { seededRandom } from '../../src/control/random';
import { exchange } from './exchange';

const request = (method: string, path: string) => exchange(method, path, 200).request;
const noProject = () => null;

describe('fault rules', () => {
  test('times: a rule fires exactly that often, then lets requests through', () => {
    const rules = new FaultRules();
    rules.add({ method: 'GET', path: '/v2/images/{image_id}', response: { status: 503 }, times: 2 });
    const fired = Array.from({ length: 5 }, () => rules.pick(request('GET', '/v2/images/x'), noProject)?.response !== undefined);
    expect(fired).toEqual([true, true, false, false, false]);
    expect(rules.list()[0]).toMatchObject({ id: 'fault-1', hits: 2, remaining: 0 });
    expect(rules.active).toBe(0);
  });

  test('a seeded probability repeats exactly from run to run', () => {
    const run = (seed: number) => {
      const rules = new FaultRules();
      rules.add({ path: '*', response: { status: 500 }, probability: 0.3, seed });
      return Array.from({ length: 200 }, () => (rules.pick(request('GET', '/v2/images'), noProject) ? 1 : 0)).join('');
    };
    expect(run(7)).toBe(run(7));
    expect(run(7)).not.toBe(run(8));
    const hits = run(7)
      .split('')
      .filter((c) => c === '1').length;
    expect(hits).toBeGreaterThan(30);
    expect(hits).toBeLessThan(90);
  });

  test('matches method, path template and project; the first rule with a response answers', () => {
    const rules = new FaultRules();
    rules.add({ method: 'POST', path: '/v2/images/{id}/members', project: 'p1', response: { status: 409 } });
    rules.add({ path: '/v2/images/{id}/members', response: { status: 500 } });
    rules.add({ path: '*', latency: { fixedMs: 25 } });
    expect(rules.pick(request('POST', '/v2/images/a/members'), () => 'p1')).toMatchObject({ response: { status: 409 }, delayMs: 25 });
    expect(rules.pick(request('POST', '/v2/images/a/members'), () => 'p2')).toMatchObject({ response: { status: 500 } });
    expect(rules.pick(request('GET', '/v2/images'), noProject)).toEqual({ delayMs: 25, ruleIds: ['fault-3'] });
  });

  test('latency draws stay in their range and repeat with the seed', () => {
    const draws = (seed: string) => {
      const random = seededRandom(seed);
      return Array.from({ length: 50 }, () => drawDelay({ uniformMs: [10, 20] }, random));
    };
    expect(draws('a')).toEqual(draws('a'));
    for (const ms of draws('a')) expect(ms >= 10 && ms <= 20).toBe(true);
    const random = seededRandom(1);
    const logNormal = Array.from({ length: 500 }, () => drawDelay({ logNormal: { medianMs: 50, sigma: 0.5 } }, random)).sort(
      (a, b) => a - b,
    );
    expect(logNormal[250]).toBeGreaterThan(40);
    expect(logNormal[250]).toBeLessThan(60);
  });

  test.each([
    [{ path: '/v2/images' }, '/response'],
    [{ response: { status: 99 } }, '/response/status'],
    [{ response: { fault: 'explode' } }, '/response/fault'],
    [{ response: { fault: 'reset', status: 500 } }, '/response/fault'],
    [{ response: { status: 500, headers: { 'X-A': 1 } } }, '/response/headers/X-A'],
    [{ response: { status: 500 }, times: 0 }, '/times'],
    [{ response: { status: 500 }, probability: 2 }, '/probability'],
    [{ response: { status: 500 }, speed: 1 }, '/speed'],
    [{ latency: { fixedMs: 1, uniformMs: [1, 2] } }, '/latency'],
    [{ latency: { uniformMs: [5, 1] } }, '/latency/uniformMs'],
    [{ latency: { logNormal: { medianMs: 5 } } }, '/latency/logNormal/sigma'],
    [{ path: '^(', response: { status: 500 } }, '/path'],
    ['503', '/'],
  ])('a bad rule %p is a 400 naming %s, and nothing is added', (rule, field) => {
    const rules = new FaultRules();
    try {
      rules.add(rule);
      throw new Error('accepted');
    } catch (err) {
      expect(err).toBeInstanceOf(ControlProblem);
      expect((err as ControlProblem).field).toBe(field);
    }
    expect(rules.list()).toEqual([]);
  });
});
