import { OKABE } from '../palette.js';
import { FLOW_INFO, type FlowKind } from './flows.js';

const NS = 'http://www.w3.org/2000/svg';

export const FLOW_CSS_COLOUR: Record<FlowKind, string> = {
  legal: OKABE.sky,
  exports: OKABE.green,
  smuggled: OKABE.vermillion,
  offshore: OKABE.orange,
  distillation: OKABE.purple,
  'open-weights': OKABE.yellow,
};

const DASH: Record<string, string> = { solid: '', dashed: '7 4', dotted: '1.5 3.5', dashdot: '8 3 1.5 3' };

/** A small legend key for a flow kind: its line pattern and marker shape (decorative; the text says it). */
export function flowSwatch(kind: FlowKind): SVGSVGElement {
  const c = FLOW_CSS_COLOUR[kind];
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', '0 0 40 14');
  svg.setAttribute('width', '40');
  svg.setAttribute('height', '14');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'flow-swatch');
  const line = document.createElementNS(NS, 'line');
  for (const [k, v] of Object.entries({ x1: 2, y1: 7, x2: 38, y2: 7, stroke: c, 'stroke-width': 2.5, 'stroke-dasharray': DASH[FLOW_INFO[kind].line] })) line.setAttribute(k, String(v));
  svg.append(line);
  const m = document.createElementNS(NS, 'path');
  const shapes: Record<FlowKind, string> = {
    legal: 'M16 7a4 4 0 1 0 8 0a4 4 0 1 0 -8 0',
    exports: 'M20 2 L25 11 L15 11 Z',
    smuggled: 'M16 3 H24 V11 H16 Z',
    offshore: 'M20 2 L25 7 L20 12 L15 7 Z',
    distillation: 'M16 3 L24 11 M16 11 L24 3',
    'open-weights': 'M16 7a4 4 0 1 0 8 0a4 4 0 1 0 -8 0',
  };
  m.setAttribute('d', shapes[kind]);
  const hollow = kind === 'distillation' || kind === 'open-weights';
  m.setAttribute('fill', hollow ? 'none' : c);
  m.setAttribute('stroke', hollow ? c : '#0b101b');
  m.setAttribute('stroke-width', hollow ? '2.2' : '1');
  svg.append(m);
  return svg;
}
