import fs from 'node:fs';
import path from 'node:path';
import type { BaseMap } from '@liaison/core/compounds/compound-schema';
import { cambodianProvinces } from '@liaison/core/rescue/index';

type Point = [number, number];

/**
 * The offline base layer for Cambodia, from real open map data: Natural Earth's 1:10m Admin 0 countries (public
 * domain), extracted once by scripts/natural-earth-cambodia.mjs from the npm package world-atlas into the committed
 * natural-earth-cambodia.json (60 kB): Cambodia's outline and islands, each vertex marked as on a land border (an
 * arc shared with Thailand, Laos or Vietnam) or on the coast, and the neighbours clipped to the map frame.
 * Natural Earth has no Cambodian provinces at a size worth shipping here, so the provinces below are still the
 * Voronoi cells of the province centres, now clipped to the real outline: an overview, never for planning.
 */
const extract: {
  source: string;
  cambodia: [number, number, 0 | 1][][];
  neighbours: { name: string; rings: Point[][] }[];
} = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'natural-earth-cambodia.json'), 'utf8'));

/** The mainland outline (the first, largest ring); `land` marks vertices on a land border (not the coast). */
export const cambodiaOutline: { lon: number; lat: number; land: boolean }[] = extract.cambodia[0]!.map(
  ([lon, lat, land]) => ({ lon, lat, land: land === 1 }),
);

/** Names of the neighbours in the three languages, for the map's labels. */
const neighbourNames: Record<string, { en: string; ko: string; km: string }> = {
  Thailand: { en: 'Thailand', ko: '태국', km: 'ថៃ' },
  Laos: { en: 'Laos', ko: '라오스', km: 'ឡាវ' },
  Vietnam: { en: 'Vietnam', ko: '베트남', km: 'វៀតណាម' },
};
/** Where each neighbour's label sits (inside the map frame, away from the border). */
const neighbourLabelAt: Record<string, Point> = {
  Thailand: [102.2, 14.9],
  Laos: [106.3, 15.2],
  Vietnam: [107.6, 11.4],
};

/** The base map for the web and PDF: Cambodia's rings (mainland first, then islands) and its neighbours with labels. */
export function baseMap(): BaseMap {
  return {
    source: extract.source,
    cambodia: extract.cambodia.map((ring) => ring.map(([lon, lat]) => [lon, lat] as Point)),
    neighbours: extract.neighbours.map((n) => ({
      names: neighbourNames[n.name] ?? { en: n.name, ko: n.name, km: n.name },
      label: neighbourLabelAt[n.name] ?? n.rings[0]![0]!,
      rings: n.rings,
    })),
  };
}

/** Keeps the part of `polygon` on the side of the bisector nearer to `a` than to `b` (Sutherland–Hodgman). */
function clipNearer(polygon: Point[], a: Point, b: Point): Point[] {
  const nx = b[0] - a[0];
  const ny = b[1] - a[1];
  const c = (b[0] * b[0] + b[1] * b[1] - a[0] * a[0] - a[1] * a[1]) / 2;
  const inside = (p: Point) => p[0] * nx + p[1] * ny <= c;
  const out: Point[] = [];
  for (let i = 0; i < polygon.length; i++) {
    const p = polygon[i]!;
    const q = polygon[(i + 1) % polygon.length]!;
    const pin = inside(p);
    const qin = inside(q);
    if (pin) out.push(p);
    if (pin !== qin) {
      const t = (c - (p[0] * nx + p[1] * ny)) / ((q[0] - p[0]) * nx + (q[1] - p[1]) * ny);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  }
  return out;
}

const round = (p: Point): Point => [Math.round(p[0] * 1000) / 1000, Math.round(p[1] * 1000) / 1000];

export interface ProvinceFeature {
  type: 'Feature';
  properties: { id: string; en: string; km: string; lat: number; lon: number };
  geometry: { type: 'Polygon'; coordinates: Point[][] };
}

let cached: { type: 'FeatureCollection'; features: ProvinceFeature[] } | null = null;

export function provincesGeoJson() {
  if (cached) return cached;
  const outline: Point[] = cambodiaOutline.map((p) => [p.lon, p.lat]);
  const entries = Object.entries(cambodianProvinces);
  const features: ProvinceFeature[] = entries.map(([id, p]) => {
    let cell = outline;
    for (const [otherId, o] of entries)
      if (otherId !== id) cell = clipNearer(cell, [p.lon, p.lat], [o.lon, o.lat]);
    const ring = cell.map(round);
    if (ring.length > 0) ring.push(ring[0]!);
    return {
      type: 'Feature',
      properties: { id, en: p.en, km: p.km, lat: p.lat, lon: p.lon },
      geometry: { type: 'Polygon', coordinates: [ring] },
    };
  });
  cached = { type: 'FeatureCollection', features };
  return cached;
}

const earthKm = 6371;
const rad = (d: number) => (d * Math.PI) / 180;

/** Distance in km from a point to the nearest land-border segment of the outline (equirectangular: fine at this scale). */
export function distanceToBorderKm(lat: number, lon: number): number {
  const k = Math.cos(rad(lat));
  const xy = (p: { lat: number; lon: number }): Point => [rad(p.lon) * k * earthKm, rad(p.lat) * earthKm];
  const here = xy({ lat, lon });
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < cambodiaOutline.length; i++) {
    const a = cambodiaOutline[i]!;
    const b = cambodiaOutline[(i + 1) % cambodiaOutline.length]!;
    if (!a.land || !b.land) continue;
    const [ax, ay] = xy(a);
    const [bx, by] = xy(b);
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((here[0] - ax) * dx + (here[1] - ay) * dy) / (dx * dx + dy * dy)));
    best = Math.min(best, Math.hypot(here[0] - (ax + t * dx), here[1] - (ay + t * dy)));
  }
  return Math.round(best * 10) / 10;
}
