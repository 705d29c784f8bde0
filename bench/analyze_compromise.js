// analyze_compromise.js - the compromise NLP library on the same news text
// as analyze_bench, for comparison: people, organizations and quotations
// of each file, the way its documentation shows. Prints one line of
// tab-separated key=value fields, like analyze_bench.
//   node bench/analyze_compromise.js FILE...
'use strict';
const fs = require('fs');
const nlp = require('compromise');

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node analyze_compromise.js FILE...');
  process.exit(2);
}
const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);
let found = 0;
const cpu0 = process.cpuUsage();
const wall0 = process.hrtime.bigint();
for (const text of texts) {
  const doc = nlp(text);
  found += doc.people().length + doc.organizations().length + doc.quotations().length;
}
const wall = Number(process.hrtime.bigint() - wall0) / 1e9;
const used = process.cpuUsage(cpu0);
const cpu = (used.user + used.system) / 1e6;
console.log(`mode=compromise\tdocs=${texts.length}\tbytes=${bytes}\tcpu_s=${cpu.toFixed(3)}\t` +
  `wall_s=${wall.toFixed(3)}\tcpu_mb_s=${(bytes / 1e6 / cpu).toFixed(3)}\t` +
  `wall_mb_s=${(bytes / 1e6 / wall).toFixed(3)}\tfound=${found}`);
