import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const FILE = path.resolve(import.meta.dirname, '../../BENCHMARKS.md');

/** Replace (or add) one named section of BENCHMARKS.md, leaving the others as they were. */
export function writeSection(name: string, body: string): void {
  const begin = `<!-- bench:${name}:begin -->`;
  const end = `<!-- bench:${name}:end -->`;
  const header = '# Benchmarks\n\nFigures measured on this project\'s own machines (2 cores, shared and noisy: medians quoted). Each section names the command that produced it; rerun it to refresh that section.\n';
  let text = fs.existsSync(FILE) ? fs.readFileSync(FILE, 'utf8') : header;
  const block = `${begin}\n${body.trim()}\n\n_Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}._\n${end}`;
  const re = new RegExp(`${escape(begin)}[\\s\\S]*?${escape(end)}`);
  text = re.test(text) ? text.replace(re, block) : `${text.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(FILE, text);
}

function escape(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
