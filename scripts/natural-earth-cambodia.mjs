// Writes packages/server/src/compounds/natural-earth-cambodia.json: Cambodia's outline (with each vertex marked as on
// a land border or on the coast) and the neighbouring countries clipped to the map's frame, from Natural Earth's
// 1:10m Admin 0 countries (public domain, naturalearthdata.com) as packaged by the npm package world-atlas 2.0.2
// (ISC). Run once, when the extract should change (it is committed, so the node needs no internet and no package):
//   npm install --no-save --prefix /tmp/ne world-atlas@2.0.2 topojson-client@3
//   NODE_PATH=/tmp/ne/node_modules node scripts/natural-earth-cambodia.mjs /tmp/ne/node_modules/world-atlas/countries-10m.json
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(`${process.env.NODE_PATH ?? '.'}/`);
const { feature, mesh } = require('topojson-client');

const source = process.argv[2];
if (!source)
  throw new Error('usage: node scripts/natural-earth-cambodia.mjs <world-atlas countries-10m.json>');
const topology = JSON.parse(fs.readFileSync(source, 'utf8'));
const countries = topology.objects.countries;
const CAMBODIA = '116';
const neighbours = { 764: 'Thailand', 418: 'Laos', 704: 'Vietnam' };
const frame = { west: 100.5, east: 109.5, south: 8.6, north: 16.2 };

const key = (p) => `${p[0]},${p[1]}`;
const round = (v) => Math.round(v * 1000) / 1000;
/** Drops vertices nearer than `step` degrees to the last one kept (the map never shows finer than that). */
function thin(ring, step) {
  const out = [];
  for (const p of ring) {
    const last = out[out.length - 1];
    if (!last || Math.hypot(p[0] - last[0], p[1] - last[1]) >= step) out.push(p);
  }
  return out;
}
/** Sutherland–Hodgman against the map frame (a rectangle, so convex). */
function clipToFrame(ring) {
  const edges = [
    [(p) => p[0] >= frame.west, (p, q) => cut(p, q, 0, frame.west)],
    [(p) => p[0] <= frame.east, (p, q) => cut(p, q, 0, frame.east)],
    [(p) => p[1] >= frame.south, (p, q) => cut(p, q, 1, frame.south)],
    [(p) => p[1] <= frame.north, (p, q) => cut(p, q, 1, frame.north)],
  ];
  function cut(p, q, axis, value) {
    const t = (value - p[axis]) / (q[axis] - p[axis]);
    return [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])];
  }
  let out = ring;
  for (const [inside, intersect] of edges) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const p = input[i];
      const q = input[(i + 1) % input.length];
      if (inside(p)) out.push(p);
      if (inside(p) !== inside(q)) out.push(intersect(p, q));
    }
  }
  return out;
}
const polygonsOf = (f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates);

const all = feature(topology, countries).features;
const cambodia = all.find((f) => String(f.id) === CAMBODIA);
// The land borders: arcs Cambodia shares with another country (an arc only Cambodia uses is coast).
const landBorder = mesh(
  topology,
  countries,
  (a, b) => a !== b && (String(a.id) === CAMBODIA || String(b.id) === CAMBODIA),
);
const onLand = new Set(landBorder.coordinates.flat().map(key));

const outline = polygonsOf(cambodia)
  .map((polygon) => polygon[0])
  .filter((ring) => ring.length >= 4)
  .map((ring) => {
    const kept = thin(ring.slice(0, -1), 0.004);
    return kept.map((p) => [round(p[0]), round(p[1]), onLand.has(key(p)) ? 1 : 0]);
  })
  .sort((a, b) => b.length - a.length);

const neighbourRings = Object.entries(neighbours).map(([id, name]) => ({
  name,
  rings: polygonsOf(all.find((f) => String(f.id) === id))
    .map((polygon) => clipToFrame(polygon[0].slice(0, -1)))
    .filter((ring) => ring.length >= 3)
    .map((ring) => thin(ring, 0.01).map((p) => [round(p[0]), round(p[1])]))
    .filter((ring) => ring.length >= 3),
}));

const extract = {
  source:
    'Natural Earth 1:10m Cultural Vectors, Admin 0 – Countries (public domain, naturalearthdata.com), via the npm package world-atlas 2.0.2 (ISC); thinned to ~400 m, clipped to 100.5–109.5 E, 8.6–16.2 N.',
  cambodia: outline,
  neighbours: neighbourRings,
};
const target = path.join(import.meta.dirname, '../packages/server/src/compounds/natural-earth-cambodia.json');
fs.writeFileSync(target, `${JSON.stringify(extract)}\n`);
console.log(
  `wrote ${target}: ${outline.length} Cambodian rings (${outline[0].length} vertices in the main one, ${outline[0].filter((p) => p[2]).length} on land borders), ${neighbourRings.map((n) => `${n.name} ${n.rings.length}`).join(', ')}; ${fs.statSync(target).size} bytes`,
);
