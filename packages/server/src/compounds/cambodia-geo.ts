import { cambodianProvinces } from '@liaison/core/rescue/index';

/**
 * A plain, offline base layer for Cambodia. No package ships Cambodian admin boundaries and this node has no
 * internet, so the outline below is DRAWN BY HAND from known approximate coordinates (±10–20 km) of border
 * towns, crossings and the coast, and the provinces are the Voronoi cells of the province centroids clipped
 * to that outline. Good for an overview map and a PDF sketch; never for planning or measuring.
 * `land` marks border segments (the coast does not count for distance to the border).
 */
export const cambodiaOutline: { lon: number; lat: number; land: boolean; name?: string }[] = [
  { lon: 102.91, lat: 11.65, land: true, name: 'Hat Lek (Thai border, coast)' },
  { lon: 102.75, lat: 12.1, land: true },
  { lon: 102.45, lat: 12.6, land: true },
  { lon: 102.48, lat: 12.95, land: true },
  { lon: 102.35, lat: 13.5, land: true },
  { lon: 102.56, lat: 13.66, land: true, name: 'Poipet' },
  { lon: 102.95, lat: 14.2, land: true },
  { lon: 103.6, lat: 14.42, land: true },
  { lon: 104.5, lat: 14.38, land: true },
  { lon: 105.2, lat: 14.35, land: true, name: 'Thai–Lao tripoint' },
  { lon: 105.9, lat: 13.95, land: true },
  { lon: 106.05, lat: 14.38, land: true },
  { lon: 106.6, lat: 14.45, land: true },
  { lon: 107.0, lat: 14.4, land: true },
  { lon: 107.55, lat: 14.69, land: true, name: 'Lao–Vietnam tripoint' },
  { lon: 107.45, lat: 13.8, land: true },
  { lon: 107.62, lat: 12.95, land: true },
  { lon: 107.55, lat: 12.3, land: true },
  { lon: 106.95, lat: 11.95, land: true },
  { lon: 106.42, lat: 11.68, land: true },
  { lon: 106.2, lat: 11.1, land: true, name: 'Bavet (Vietnam border)' },
  { lon: 105.85, lat: 11.0, land: true },
  { lon: 105.1, lat: 10.95, land: true },
  { lon: 104.95, lat: 10.62, land: true },
  { lon: 104.45, lat: 10.42, land: false, name: 'Prek Chak / Ha Tien (coast)' },
  { lon: 104.05, lat: 10.55, land: false },
  { lon: 103.7, lat: 10.5, land: false },
  { lon: 103.5, lat: 10.62, land: false, name: 'Sihanoukville' },
  { lon: 103.3, lat: 10.95, land: false },
  { lon: 103.1, lat: 11.3, land: false },
];

type Point = [number, number];

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
