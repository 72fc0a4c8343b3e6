export * from './stats.js';
export * from './forecast.js';
export * from './replay.js';
export * from './figures.js';
export * from './report.js';
export * from './report-html.js';
export * from './sensitivity.js';
export * from './world-actions.js';
