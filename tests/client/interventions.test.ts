import { describe, expect, it } from 'vitest';
import { interventionBy, readInterventions } from '../../client/src/ui/analysis/interventions.js';

const adjust = { seq: 7, at: 1000, turn: 1, quarter: '2026 Q3', kind: 'adjust', by: 'Ms Control', text: 'Tension set to 60.', reason: 'Carrier transit' };
const advance = { seq: 3, at: 900, turn: 1, quarter: '2026 Q3', kind: 'resolve', by: '', text: 'Advanced the quarter.' };

describe('Control’s interventions from report.json', () => {
  it('validate and come in the order they happened', () => {
    const list = readInterventions({ kind: 'lead-time-after-action-report', interventions: [adjust, advance] });
    expect(list?.map((i) => i.seq)).toEqual([3, 7]);
    expect(list?.[1]).toEqual(adjust);
  });

  it('read as an empty list when there were none', () => {
    expect(readInterventions({ interventions: [] })).toEqual([]);
  });

  it('are refused when the report is missing them or malformed', () => {
    expect(readInterventions({})).toBeNull();
    expect(readInterventions(null)).toBeNull();
    expect(readInterventions({ interventions: [{ ...adjust, text: 5 }] })).toBeNull();
  });

  it('name Control when the entry has no name', () => {
    expect(interventionBy(advance)).toBe('Control');
    expect(interventionBy(adjust)).toBe('Ms Control');
  });
});
