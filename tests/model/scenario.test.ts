import { describe, expect, it } from 'vitest';
import { paramValueText, ACTIONS, AGREEMENT_MENU, BUILTIN_SCENARIOS, COEFFICIENTS, EVENT_DECK, PARAM_DEFAULTS, SOURCES, SourcesSchema, createWorld, paramFigure, parseScenario, parseOwnScenario, parseOwnScenarioText, keptScenario, OWN_SCENARIO_MAX_CHARS, PARAM_KEYS, ScenarioSchema } from '../../shared/index.js';
import { scenario } from './helpers.js';

const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const errorsOf = (x: unknown) => {
  const r = parseScenario(x);
  if (r.ok) throw new Error('expected the scenario to be refused');
  return r.errors;
};

describe('scenario files', () => {
  it('every built-in scenario parses, round-trips through JSON and builds a world', () => {
    for (const sc of BUILTIN_SCENARIOS) {
      const again = parseScenario(copy(sc));
      expect(again.ok).toBe(true);
      if (again.ok) expect(again.scenario).toEqual(sc);
      expect(createWorld(sc, 'x').leadMonths).toBeCloseTo(sc.start.leadMonths.value, 9);
    }
  });

  it('a wrong type names the path, the field and why', () => {
    const b = copy(scenario('baseline')) as unknown as { params: { legalCapPerQuarter: { value: unknown } } };
    b.params.legalCapPerQuarter.value = 'lots';
    const errors = errorsOf(b);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBe('params.legalCapPerQuarter.value: expected a number, not text ("lots")');
  });

  it('an unknown field is named with its path', () => {
    const b = copy(scenario('baseline')) as unknown as { start: Record<string, unknown> };
    b.start.tensoin = 40;
    expect(errorsOf(b)).toEqual(['start.tensoin: unknown field "tensoin" (not part of the scenario format)']);
  });

  it('speaks to a facilitator: a misspelt field once with its right name, a bare number as a figure, a typo in a source or event id, a yearly growth factor', () => {
    const b = copy(scenario('baseline')) as unknown as { start: Record<string, unknown>; seatsInPlay: string[]; events: object[] };
    b.start.tenson = b.start.tension;
    delete b.start.tension;
    b.start.misuse = 0.2;
    b.seatsInPlay.push('US');
    b.events.push({ turn: 2, eventId: 'safety-summit', turns: 3 });
    expect(errorsOf(b)).toEqual([
      'seatsInPlay: a seat is listed twice',
      'start.misuse: write a figure with its source, as {"value": 0.2, "source": "facilitator"}, not a bare number',
      'start.tenson: unknown field "tenson" (not part of the scenario format) — did you mean "tension"?',
      `events.#${b.events.length}.turns: unknown field "turns" (not part of the scenario format)`,
    ]);
    const c = copy(scenario('baseline'));
    c.params.frontierComputeGrowth.value = 4.5;
    c.params.depreciation.source = 'algorithmic-halving-time';
    c.events.push({ turn: 2, eventId: 'Safety summit' });
    c.start.stockShare.US.value += 0.05;
    expect(errorsOf(c)).toEqual([
      "params.frontierComputeGrowth.value: 4.5 is out of bounds: a factor a quarter, above 0 and at most 3 (1.3 is +30% a quarter, about 2.9× a year); if 4.5 is a yearly factor, a quarter's is 1.46",
      'params.depreciation.source: no source "algorithmic-halving-time" in the game\'s list of sources — did you mean "algorithmic_halving_time"? (write "facilitator" for a figure of your own)',
      'start.stockShare: shares must sum to 1 (they sum to 1.05)',
      `events.#${c.events.length}.eventId: no event "Safety summit" in the deck — did you mean "safety-summit"? (an event is named by its id, such as "efficiency-shock")`,
    ]);
    const missingFigure = copy(scenario('baseline')) as unknown as { start: Record<string, unknown> };
    delete missingFigure.start.hbmAccess;
    expect(errorsOf(missingFigure)).toEqual(['start.hbmAccess: missing (a figure: {"value": …, "source": …})']);
  });

  it('lists every problem at once: the rules across fields are checked as far as a file with type errors can be read', () => {
    const b = copy(scenario('baseline')) as unknown as { start: Record<string, { value: number }>; turns: number; params: Record<string, { value: number }>; events: object[] };
    delete b.start.tension;
    b.turns = 3;
    b.params.depreciation.value = 7;
    b.events.push({ turn: 2, eventId: 'nope' });
    (b.start.stockShare as unknown as Record<string, { value: number }>).US.value = 0.9;
    expect(errorsOf(b)).toEqual([
      'start.tension: missing (a figure: {"value": …, "source": …})',
      'params.depreciation.value: 7 is out of bounds: a rate from 0 to 1',
      'start.stockShare: shares must sum to 1 (they sum to 1.25)',
      'events.#2.turn: turn 5 is after the last turn (3)',
      'events.#3.eventId: no event "nope" in the deck (an event is named by its id, such as "efficiency-shock")',
    ]);
    // Whatever the shape, nothing throws: the problem is named.
    expect(errorsOf({ ...copy(scenario('baseline')), start: 5 })).toEqual(['start: expected an object {…}, not the number 5']);
    expect(errorsOf(null)).toEqual(['(root): expected an object {…}, not null']);
  });

  it('a missing field and an out-of-range value are both reported', () => {
    const b = copy(scenario('baseline')) as unknown as Record<string, unknown>;
    delete b.name;
    b.turns = 0;
    const errors = errorsOf(b);
    expect(errors).toEqual(['name: missing (text)', 'turns: must be at least 1, not 0']);
  });

  it('consistency rules explain themselves: shares, lever owners, event ids, agreements, seats', () => {
    const shares = copy(scenario('baseline'));
    shares.start.stockShare.US.value = 0.9;
    expect(errorsOf(shares)).toEqual([expect.stringMatching(/^start\.stockShare: shares must sum to 1/)]);

    const lever = copy(scenario('baseline'));
    (lever.start.levers!.US as Record<string, number>).chipDrive = 0.5;
    expect(errorsOf(lever)).toEqual(['start.levers.US.chipDrive: lever chipDrive belongs to CN']);

    const event = copy(scenario('baseline'));
    event.events.push({ turn: 3, eventId: 'no-such-card' });
    expect(errorsOf(event)).toEqual([`events.#${event.events.length}.eventId: no event "no-such-card" in the deck (an event is named by its id, such as "efficiency-shock")`]);

    const late = copy(scenario('baseline'));
    late.events.push({ turn: 12, eventId: 'safety-summit' });
    expect(errorsOf(late)).toEqual([`events.#${late.events.length}.turn: turn 12 is after the last turn (10)`]);

    const pact = copy(scenario('cooperation-track'));
    pact.start.agreements![0].parties = ['US', 'EU'];
    expect(errorsOf(pact)).toEqual([expect.stringMatching(/^start\.agreements\.#1: EU cannot sign/)]);

    const seats = copy(scenario('baseline'));
    seats.seatsInPlay = ['US', 'EU'];
    expect(errorsOf(seats)).toEqual(['seatsInPlay: US and CN must be in play']);
  });

  it('impossible figures are refused with their bounds: gauges, shares, rates, amounts, ranges and sources', () => {
    const b = copy(scenario('baseline'));
    b.start.tension.value = 150;
    b.start.misuse.value = -0.5;
    b.start.adoptionDemocratic.HUBS.value = 1.7;
    b.params.legalCapPerQuarter.value = -5;
    b.params.globalComputeGrowth.value = 0;
    b.start.leadMonths.range = [14, 4];
    b.start.cooperation.source = 'made-up-source';
    const errors = errorsOf(b);
    expect(errors).toEqual(
      expect.arrayContaining([
        'start.tension.value: 150 is out of bounds: from 0 to 100',
        'start.misuse.value: -0.5 is out of bounds: a share from 0 to 1',
        'start.adoptionDemocratic.HUBS.value: 1.7 is out of bounds: a share from 0 to 1',
        'params.legalCapPerQuarter.value: -5 is out of bounds: zero or more, at most 10^15',
        'params.globalComputeGrowth.value: 0 is out of bounds: a factor a quarter, above 0 and at most 3 (1.3 is +30% a quarter, about 2.9× a year)',
        'start.leadMonths.range: the range runs from low to high ([4, 14], not [14, 4])',
        'start.cooperation.source: no source "made-up-source" in the game\'s list of sources (write "facilitator" for a figure of your own)',
      ]),
    );
    expect(errors).toHaveLength(7);
    // No figure so large the model overflows, no range whose ends the model cannot take, no endless text.
    const huge = copy(scenario('baseline'));
    huge.start.globalStock.value = 1e308;
    huge.params.smuggledBasePerQuarter.range = [0, 1e300];
    huge.params.depreciation.range = [0, 1.5];
    expect(errorsOf(huge)).toEqual([
      'params.depreciation.range: [0, 1.5] goes out of bounds: a rate from 0 to 1',
      'params.smuggledBasePerQuarter.range: [0, 1e+300] goes out of bounds: zero or more, at most 10^15',
      'start.globalStock.value: 1e+308 is out of bounds: above 0 (H100-equivalents), at most 10^15',
    ]);
    const long = copy(scenario('baseline')) as unknown as { id: string; start: { tension: { source: string } } };
    long.id = 'x'.repeat(65);
    long.start.tension.source = 'y'.repeat(81);
    expect(errorsOf(long)).toEqual(expect.arrayContaining(['id: must be at most 64 characters', 'start.tension.source: must be at most 80 characters']));
    // A facilitator's own assumption is allowed, and so is a value outside its sourced range (an extreme scenario).
    const own = copy(scenario('baseline'));
    own.start.cooperation = { value: 55, source: 'facilitator' };
    own.start.leadMonths.value = 30;
    expect(parseScenario(own).ok).toBe(true);
  });

  it('a scenario written before the newer parameters still loads, with their documented defaults', () => {
    const old = copy(scenario('baseline')) as unknown as { params: Record<string, unknown> };
    for (const k of Object.keys(PARAM_DEFAULTS)) delete old.params[k];
    const r = parseScenario(old);
    expect(r.ok).toBe(true);
    if (r.ok) for (const [k, f] of Object.entries(PARAM_DEFAULTS)) expect(r.scenario.params[k as keyof typeof PARAM_DEFAULTS]).toEqual(f);
    expect(ScenarioSchema.safeParse(old).success).toBe(true);
  });
});

describe('parameter values as the analysis words them', () => {
  it('growth as a factor, shares and risks as percentages, quantities with separators, gauges as they are', () => {
    expect(paramValueText('frontierComputeGrowth', 1.45)).toBe('×1.45');
    expect(paramValueText('misuseCatastropheThreshold', 0.36)).toBe('36%');
    expect(paramValueText('distillationRate', 0.145)).toBe('14.5%');
    expect(paramValueText('legalCapPerQuarter', 200000)).toBe('200,000');
    expect(paramValueText('governmentIncome', 6)).toBe('6');
    expect(paramValueText('straitCrisisThreshold', 64)).toBe('64');
  });
});

describe('every figure has a source', () => {
  const ids = new Set(SOURCES.map((s) => s.id));
  it('scenario parameters and starting values cite sources that exist', () => {
    for (const sc of BUILTIN_SCENARIOS) {
      for (const k of PARAM_KEYS) expect(ids.has(paramFigure(sc, k).source), `${sc.id} ${k}`).toBe(true);
      const visit = (v: unknown, path: string) => {
        if (v && typeof v === 'object' && 'source' in v && 'value' in v) expect(ids.has((v as { source: string }).source), `${sc.id} ${path}`).toBe(true);
        else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(x, `${path}.${k}`);
      };
      visit(sc.start, 'start');
    }
  });
  it('the sources file validates: ids once each, and the notes of starting values name figures the scenarios have', () => {
    expect(SourcesSchema.safeParse(SOURCES).success).toBe(true);
    const twice = SourcesSchema.safeParse([...SOURCES, SOURCES[0]]);
    expect(twice.success).toBe(false);
    expect(twice.error?.issues[0].message).toBe(`source "${SOURCES[0].id}" is listed twice`);
    const dangling = SourcesSchema.safeParse([{ ...SOURCES[0], seeAlso: ['no-such-source'] }]);
    expect(dangling.error?.issues[0].message).toBe(`source "${SOURCES[0].id}" refers to "no-such-source", which is not a source`);
    // A per-figure note is keyed by the figure's path in a scenario's start, and the figure cites the record.
    for (const s of SOURCES) {
      for (const path of Object.keys(s.byFigure ?? {})) {
        const cited = BUILTIN_SCENARIOS.some((sc) => (path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], sc.start) as { source?: string } | undefined)?.source === s.id);
        expect(cited, `${s.id}: ${path}`).toBe(true);
      }
    }
  });
  it('model coefficients cite sources that exist', () => {
    for (const [k, c] of Object.entries(COEFFICIENTS)) expect(ids.has(c.source), k).toBe(true);
  });
  it('actions, event cards and agreements cite sources that exist', () => {
    for (const a of ACTIONS) for (const src of a.sources ?? []) expect(ids.has(src), `${a.id} ${src}`).toBe(true);
    for (const a of ACTIONS) expect((a.sources ?? []).length, a.id).toBeGreaterThan(0);
    for (const e of EVENT_DECK) {
      expect(e.sources.length, e.id).toBeGreaterThan(0);
      for (const src of e.sources) expect(ids.has(src), `${e.id} ${src}`).toBe(true);
    }
    for (const a of Object.values(AGREEMENT_MENU)) for (const src of a.sources) expect(ids.has(src), `${a.id} ${src}`).toBe(true);
  });
});

describe('a scenario kept with a match', () => {
  it('still rebuilds when today’s checks are stricter than those it passed when stored, and is refused when it is no scenario', () => {
    const stored = { ...copy(scenario('baseline')), id: 'old-drill', description: 'x'.repeat(700) };
    expect(parseScenario(stored).ok).toBe(false);
    const kept = keptScenario(stored);
    expect(kept?.scenario.id).toBe('old-drill');
    expect(kept?.warning).toMatch(/^description: must be at most 600 characters/);
    expect(keptScenario(copy(scenario('baseline')))).toEqual({ scenario: scenario('baseline') });
    expect(keptScenario({ id: 'x', name: 'y' })).toBeNull();
    expect(keptScenario(null)).toBeNull();
  });
});

describe('a scenario of a facilitator’s own, for a match', () => {
  const own = () => ({ ...copy(scenario('baseline')), id: 'seminar-week-3', name: 'Seminar, week 3' });

  it('plays when it is valid and has an id of its own', () => {
    const r = parseOwnScenarioText(JSON.stringify(own()));
    expect(r.ok && r.scenario.id).toBe('seminar-week-3');
  });

  it('is refused under a built-in id, as text that is not JSON, over the size limit, and with the scenario format’s own errors', () => {
    expect(parseOwnScenario({ ...own(), id: 'baseline' })).toEqual({ ok: false, errors: [`id: "baseline" is a built-in scenario's id; give your scenario an id of its own`] });
    const notJson = parseOwnScenarioText('{"id": ');
    expect(!notJson.ok && notJson.errors[0]).toMatch(/^\(root\): not JSON/);
    // A trailing comma on line 3: the line and column are named.
    const comma = parseOwnScenarioText('{\n "id": "x",\n}');
    expect(!comma.ok && comma.errors[0]).toMatch(/^\(root\): not JSON \(.*line 3,? column 1\)\)?$/);
    const big = parseOwnScenario({ ...own(), description: 'x'.repeat(OWN_SCENARIO_MAX_CHARS) });
    expect(!big.ok && big.errors).toEqual([`(root): the scenario is ${Math.ceil(JSON.stringify({ ...own(), description: 'x'.repeat(OWN_SCENARIO_MAX_CHARS) }).length / 1024)} kB; at most 48 kB`]);
    const bad = parseOwnScenario({ ...own(), turns: 25 });
    expect(!bad.ok && bad.errors).toEqual([expect.stringMatching(/^turns: /)]);
    expect(parseOwnScenario(null).ok).toBe(false);
    // Nested past what JSON can write: refused, not thrown.
    let deep: unknown = {};
    for (let i = 0; i < 20_000; i++) deep = { a: deep };
    expect(parseOwnScenario(deep)).toEqual({ ok: false, errors: ['(root): not a scenario (it cannot be written as JSON: too deeply nested, or circular)'] });
  });
});
