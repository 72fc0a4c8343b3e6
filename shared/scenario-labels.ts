import { SEAT_INFO, type SeatId } from './seats.js';
import { REGION_NAME, type BlocId, type RegionId } from './state.js';

/** "smuggledBasePerQuarter" → "Smuggled base per quarter". */
export function keyWords(key: string): string {
  const w = key.replace(/([A-Z])/g, ' $1').toLowerCase().trim();
  return w.charAt(0).toUpperCase() + w.slice(1);
}

// In the opening shares the hub bloc holds everything outside the US, the PRC and the allies (the rest of the world).
const BLOC_NAME: Record<BlocId, string> = { US: 'United States', CN: 'China', ALLIES: 'Allies', HUB: 'Compute hubs and rest of world' };
const START_LABEL: Record<string, string> = {
  leadMonths: 'US lead over the PRC (months)',
  globalStock: 'World AI compute (H100-equivalents)',
  stockShare: 'Shares of world compute',
  cnInflow: 'PRC compute gained per quarter at the start (H100-equivalents)',
  adoptionDemocratic: "Democratic stacks' shares",
  tension: 'Tension (0–100)',
  cooperation: 'Cooperation (0–100)',
  misuse: 'Misuse risk',
  smeAccess: 'PRC access to chipmaking tools',
  hbmAccess: 'PRC access to high-bandwidth memory',
  domesticYield: 'PRC domestic chip yield',
};

/** A scenario figure's name as a facilitator reads it, from its path (["start", "stockShare", "US"]). */
export function figureLabel(path: readonly string[]): string {
  const [part, key, sub] = path;
  if (part === 'params') return keyWords(key);
  if (sub === undefined) return START_LABEL[key] ?? keyWords(key);
  if (key === 'stockShare') return `Share of world compute: ${BLOC_NAME[sub as BlocId] ?? sub}`;
  if (key === 'cnInflow') return `PRC compute gained per quarter at the start: ${sub}`;
  if (key === 'adoptionDemocratic') return `Democratic stacks' share: ${REGION_NAME[sub as RegionId] ?? sub}`;
  if (key === 'safety') return `Safety practice: ${SEAT_INFO[sub as SeatId]?.short ?? sub}`;
  return `${keyWords(key)}: ${sub}`;
}

const FIELD_LABEL: Record<string, string> = { id: 'Id', name: 'Name', description: 'Description', turns: 'Quarters the scenario plays', seatsInPlay: 'Seats in play', startYear: 'Start year', startQuarter: 'Start quarter', '(root)': 'The scenario' };

/**
 * One of a scenario's problems ("start.tension.value: 150 is out of bounds…") with its field named as
 * the form names it ("Tension (0–100): 150 is out of bounds…"). `eventTitle` names a scheduled event by
 * its position (from 1).
 */
export function problemInWords(problem: string, eventTitle: (n: number) => string | undefined = () => undefined): string {
  const at = problem.indexOf(': ');
  if (at < 0) return problem;
  const path = problem.slice(0, at).split('.');
  const why = problem.slice(at + 2);
  const field = FIELD_LABEL[path[0]];
  if (field && path.length === 1) return `${field}: ${why}`;
  if (path[0] === 'events' && path[1]?.startsWith('#')) {
    const n = Number(path[1].slice(1));
    const title = eventTitle(n);
    return `Scheduled event ${n}${title ? ` (${title})` : ''}${path[2] === 'turn' ? ', its quarter' : ''}: ${why}`;
  }
  if ((path[0] === 'start' || path[0] === 'params') && path.length >= 2 && path[1] !== 'levers' && path[1] !== 'agreements') {
    const last = path[path.length - 1];
    const own = ['value', 'range', 'source'].includes(last) ? path.slice(0, -1) : path;
    const what = last === 'range' ? ' (its sourced range)' : last === 'source' ? ' (its source)' : '';
    return `${figureLabel(own)}${what}: ${why}`;
  }
  return problem;
}
