import { cambodiaOutline, provincesGeoJson } from '../../compounds/cambodia-geo.ts';
import type { Box } from '../../pdf/layout.ts';
import { writeText } from '../../pdf/mixed-script.ts';

/** A target on the map: where it is and the province it lies in (the register's province id). */
export interface MapPoint {
  lat: number;
  lon: number;
  province: string | null;
  /** The target's number in the pack's list of targets, drawn beside its pin. */
  number: number;
}

type LonLat = [number, number];

const earthKm = 6371;
const rad = (d: number) => (d * Math.PI) / 180;

/**
 * The point of the land border (the compounds feature's outline, `land` segments) nearest to `point`, measured as
 * `distanceToBorderKm` measures: equirectangular around the point, fine at this scale.
 */
export function nearestBorderPoint(point: { lat: number; lon: number }): LonLat {
  const k = Math.cos(rad(point.lat));
  const here: LonLat = [point.lon * k, point.lat];
  let best: { d: number; at: LonLat } = { d: Number.POSITIVE_INFINITY, at: [point.lon, point.lat] };
  for (let i = 0; i < cambodiaOutline.length; i++) {
    const a = cambodiaOutline[i]!;
    const b = cambodiaOutline[(i + 1) % cambodiaOutline.length]!;
    if (!a.land || !b.land) continue;
    const [ax, ay, bx, by] = [a.lon * k, a.lat, b.lon * k, b.lat];
    const [dx, dy] = [bx - ax, by - ay];
    const t = Math.max(0, Math.min(1, ((here[0] - ax) * dx + (here[1] - ay) * dy) / (dx * dx + dy * dy)));
    const [x, y] = [ax + t * dx, ay + t * dy];
    const d = Math.hypot(here[0] - x, here[1] - y);
    if (d < best.d) best = { d, at: [x / k, y] };
  }
  return best.at;
}

interface Bounds {
  minLon: number;
  maxLon: number;
  minLat: number;
  maxLat: number;
}

const country: Bounds = { minLon: 102.2, maxLon: 107.8, minLat: 10.3, maxLat: 14.8 };

/** The province's outline from the offline layer, or none for an unknown id. */
function provinceRing(id: string | null): LonLat[] {
  if (!id) return [];
  return provincesGeoJson().features.find((f) => f.properties.id === id)?.geometry.coordinates[0] ?? [];
}

/**
 * Two vector panels side by side: the country with every province and the targets' provinces shaded, and a close
 * view of the first target's province with its outline, the pin, a dashed line to the nearest land border with its
 * length, and a scale bar. Everything is drawn as paths: the map needs no tiles and no network.
 */
export function drawBriefingMap(
  doc: PDFKit.PDFDocument,
  box: Box,
  points: MapPoint[],
  borderKm: (point: MapPoint) => number,
): void {
  const gap = 12;
  const half = (box.w - gap) / 2;
  const shaded = new Set(points.map((p) => p.province).filter((p): p is string => p !== null));
  drawPanel(doc, { x: box.x, y: box.y, w: half, h: box.h }, country, shaded, points, null, borderKm);
  const first = points[0];
  if (!first) return;
  const ring = provinceRing(first.province);
  const border = nearestBorderPoint(first);
  const around = [...ring, [first.lon, first.lat] as LonLat, border];
  const lons = around.map((p) => p[0]);
  const lats = around.map((p) => p[1]);
  const pad = 0.08;
  const close: Bounds = {
    minLon: Math.min(...lons) - pad,
    maxLon: Math.max(...lons) + pad,
    minLat: Math.min(...lats) - pad,
    maxLat: Math.max(...lats) + pad,
  };
  drawPanel(
    doc,
    { x: box.x + half + gap, y: box.y, w: half, h: box.h },
    close,
    shaded,
    points,
    first,
    borderKm,
  );
}

function drawPanel(
  doc: PDFKit.PDFDocument,
  box: Box,
  bounds: Bounds,
  shaded: Set<string>,
  points: MapPoint[],
  focus: MapPoint | null,
  borderKm: (point: MapPoint) => number,
) {
  // Equirectangular around the panel's middle latitude: east-west distances keep their true proportion.
  const k = Math.cos(rad((bounds.minLat + bounds.maxLat) / 2));
  const scale = Math.min(
    box.w / ((bounds.maxLon - bounds.minLon) * k),
    box.h / (bounds.maxLat - bounds.minLat),
  );
  const ox = box.x + (box.w - (bounds.maxLon - bounds.minLon) * k * scale) / 2;
  const oy = box.y + (box.h - (bounds.maxLat - bounds.minLat) * scale) / 2;
  const px = (lon: number, lat: number): [number, number] => [
    ox + (lon - bounds.minLon) * k * scale,
    oy + (bounds.maxLat - lat) * scale,
  ];
  const path = (ring: LonLat[]) => {
    const [sx, sy] = px(ring[0]![0], ring[0]![1]);
    doc.moveTo(sx, sy);
    for (const p of ring.slice(1)) doc.lineTo(...px(p[0], p[1]));
    doc.closePath();
  };

  doc.save();
  doc.rect(box.x, box.y, box.w, box.h).lineWidth(0.5).fillAndStroke('#eef3f7', '#999');
  doc.rect(box.x, box.y, box.w, box.h).clip();
  for (const f of provincesGeoJson().features) {
    const ring = f.geometry.coordinates[0] ?? [];
    if (ring.length < 3) continue;
    path(ring);
    doc.lineWidth(0.4).fillAndStroke(shaded.has(f.properties.id) ? '#f5c77e' : '#ffffff', '#7a8a99');
  }
  // The land border, thicker than the province lines (the coast is not a border).
  for (let i = 0; i < cambodiaOutline.length; i++) {
    const a = cambodiaOutline[i]!;
    const b = cambodiaOutline[(i + 1) % cambodiaOutline.length]!;
    if (!a.land || !b.land) continue;
    doc
      .moveTo(...px(a.lon, a.lat))
      .lineTo(...px(b.lon, b.lat))
      .lineWidth(1.4)
      .stroke('#5d4037');
  }
  if (focus) {
    const ring = provinceRing(focus.province);
    if (ring.length >= 3) {
      path(ring);
      doc.lineWidth(1.6).stroke('#e65100');
    }
    const [bx, by] = px(...nearestBorderPoint(focus));
    const [tx, ty] = px(focus.lon, focus.lat);
    doc.moveTo(tx, ty).lineTo(bx, by).dash(3, { space: 2 }).lineWidth(1).stroke('#1565c0');
    doc.undash();
    doc.circle(bx, by, 2.2).fill('#1565c0');
    doc.fillColor('#0d47a1');
    // Beside the line's middle; under the pin when the line is too short to hold it.
    const short = Math.hypot(bx - tx, by - ty) < 40;
    writeText(doc, `${borderKm(focus)} km`, {
      bold: true,
      size: 8,
      at: short ? [tx - 14, ty + 7] : [(tx + bx) / 2 + 4, (ty + by) / 2 - 4],
      lineBreak: false,
    });
  }
  for (const p of points) {
    const [cx, cy] = px(p.lon, p.lat);
    doc.circle(cx, cy, 4).lineWidth(1.1).fillAndStroke('#c62828', '#ffffff');
    doc.fillColor('#b71c1c');
    writeText(doc, String(p.number), { bold: true, size: 7.5, at: [cx + 5, cy - 10], lineBreak: false });
  }
  doc.restore();
  if (focus) scaleBar(doc, box, scale);
  doc.fillColor('#000').strokeColor('#000');
}

/** A bar of a round number of km at the panel's lower left; one degree of latitude is 111.2 km. */
function scaleBar(doc: PDFKit.PDFDocument, box: Box, pointsPerDegree: number) {
  const pointsPerKm = pointsPerDegree / ((earthKm * Math.PI) / 180);
  const km = [1, 2, 5, 10, 20, 50, 100].find((n) => n * pointsPerKm >= box.w / 6) ?? 100;
  const x = box.x + 8;
  const y = box.y + box.h - 10;
  doc
    .moveTo(x, y)
    .lineTo(x + km * pointsPerKm, y)
    .lineWidth(1.5)
    .stroke('#000');
  doc.fillColor('#000');
  writeText(doc, `${km} km`, { size: 7, at: [x, y - 10], lineBreak: false });
}
