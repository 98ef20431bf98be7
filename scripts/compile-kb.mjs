#!/usr/bin/env node
// Compiles the curated source files of the knowledge base into the three arrays the store and the CLI read
// (seeds/kb/outlets.json, officials.json, bodies.json), so nothing needs a build step at run time and a
// reviewer edits one small file per country; and into seeds/kb/engine.json, only the fields the engine and
// the address matching read (names, aliases, domains, country, control, gender, roles), which is what the
// content script bundles: references, owners and sanctions reach the page from the store, on demand.
//
//   node scripts/compile-kb.mjs          write the generated files
//   node scripts/compile-kb.mjs --check  exit 1 when a generated file is stale (nothing written)
//
// Fails loudly, naming the file and the entry, on invalid JSON, a file that is not an array, an entry
// without a string id, or an id used twice anywhere in the knowledge base.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const kb = join(root, 'seeds', 'kb');

/** Every *.json file under dir, recursively, in a stable order. */
function jsonFiles(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...jsonFiles(path));
    else if (name.endsWith('.json')) out.push(path);
  }
  return out;
}

class KbError extends Error {}

function readEntries(file) {
  const rel = relative(root, file);
  let data;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new KbError(`${rel}: invalid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!Array.isArray(data)) throw new KbError(`${rel}: expected a JSON array of entries`);
  data.forEach((entry, i) => {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      throw new KbError(`${rel}: entry #${i} is not an object`);
    }
    if (typeof entry.id !== 'string' || entry.id === '') {
      throw new KbError(`${rel}: entry #${i} (${JSON.stringify(entry.name ?? '?')}) has no string "id"`);
    }
  });
  return data.map((entry) => ({ entry, file: rel }));
}

/** The generated text of each output, keyed by its path relative to the repository. */
export function compileKb() {
  const groups = {
    'seeds/kb/outlets.json': jsonFiles(join(kb, 'outlets')),
    'seeds/kb/officials.json': jsonFiles(join(kb, 'officials')),
    'seeds/kb/bodies.json': jsonFiles(join(kb, 'bodies')),
  };
  const seen = new Map(); // id -> file, across the whole knowledge base
  const outputs = {};
  for (const [out, files] of Object.entries(groups)) {
    const entries = [];
    for (const file of files) {
      for (const { entry, file: rel } of readEntries(file)) {
        const first = seen.get(entry.id);
        if (first) throw new KbError(`${rel}: duplicate id "${entry.id}" (already in ${first})`);
        seen.set(entry.id, rel);
        entries.push(entry);
      }
    }
    entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    outputs[out] = `${JSON.stringify(entries, null, 2)}\n`;
  }
  outputs['seeds/kb/engine.json'] = engineText({
    outlets: JSON.parse(outputs['seeds/kb/outlets.json']).map(engineOutlet),
    officials: JSON.parse(outputs['seeds/kb/officials.json']).map(engineOfficial),
    bodies: JSON.parse(outputs['seeds/kb/bodies.json']).map(engineBody),
  });
  return outputs;
}

/** The entry with only these keys, those it has, in this order. */
function pick(entry, keys) {
  const out = {};
  for (const key of keys) if (entry[key] !== undefined) out[key] = entry[key];
  return out;
}

// The engine-facing shapes (EngineOutlet, EngineOfficial, EngineBody in src/core/kb/schema.ts).
function engineOutlet(o) {
  const out = pick(o, ['id', 'name', 'names', 'country', 'kind', 'domains', 'parent']);
  out.control = { value: o.control?.value };
  const former = (o.formerly ?? []).filter((f) => f.domain).map((f) => ({ domain: f.domain }));
  if (former.length) out.formerly = former;
  const choose = engineDisambiguation(o);
  if (choose) out.disambiguation = choose;
  return out;
}

/** A shared alias's machine hint, without the rule's words (the engine chooses; the full entry explains). */
function engineDisambiguation(entry) {
  const list = (entry.disambiguation ?? []).filter((d) => d.prefer).map((d) => pick(d, ['alias', 'prefer']));
  return list.length ? list : undefined;
}

function engineOfficial(p) {
  const out = pick(p, ['id', 'name', 'aliases', 'country', 'gender']);
  out.terms = (p.terms ?? []).map((t) => pick(t, ['role', 'body', 'from', 'until']));
  return out;
}

function engineBody(b) {
  return pick(b, ['id', 'name', 'aliases', 'country', 'kind', 'domains']);
}

/** One entry a line: small, yet a change shows as a one-line diff. */
function engineText(groups) {
  const parts = Object.entries(groups).map(
    ([key, list]) => `${JSON.stringify(key)}: [\n${list.map((e) => JSON.stringify(e)).join(',\n')}\n]`,
  );
  return `{\n${parts.join(',\n')}\n}\n`;
}

function main() {
  const check = process.argv.includes('--check');
  let outputs;
  try {
    outputs = compileKb();
  } catch (err) {
    if (!(err instanceof KbError)) throw err;
    console.error(`compile-kb: ${err.message}`);
    process.exit(1);
  }
  const stale = [];
  for (const [rel, text] of Object.entries(outputs)) {
    const path = join(root, rel);
    const current = existsSync(path) ? readFileSync(path, 'utf8') : '';
    if (current === text) continue;
    stale.push(rel);
    if (!check) writeFileSync(path, text);
  }
  const counts = Object.entries(outputs)
    .filter(([rel]) => rel !== 'seeds/kb/engine.json')
    .map(([rel, text]) => `${JSON.parse(text).length} ${rel.replace(/^seeds\/kb\/|\.json$/g, '')}`)
    .join(', ');
  if (check) {
    if (stale.length) {
      console.error(`compile-kb: stale ${stale.join(', ')}: run node scripts/compile-kb.mjs`);
      process.exit(1);
    }
    console.log(`compile-kb: up to date (${counts})`);
  } else {
    console.log(`compile-kb: ${stale.length ? `wrote ${stale.join(', ')}` : 'nothing changed'} (${counts})`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
