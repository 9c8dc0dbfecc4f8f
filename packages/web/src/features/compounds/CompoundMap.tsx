import 'leaflet/dist/leaflet.css';
import './compound-map.css';
import type { BaseMap, MapSettings, ProvincesGeoJson } from '@liaison/core/compounds/compound-schema';
import L from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { provinceLabel } from './labels.ts';

/**
 * Leaflet sets a string tooltip, popup or attribution as HTML. Compound names come from users (and from partner
 * nodes), so every label is handed over as a text node and never parsed.
 */
function asText(text: string): HTMLElement {
  const span = document.createElement('span');
  span.textContent = text;
  return span;
}

/** The attribution control only takes strings (as HTML): escape them. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface MapPoint {
  id: string;
  lat: number;
  lon: number;
  label: string;
}

/** A name in the reader's language from a set of three. */
const inLanguage = (names: { en: string; ko: string; km: string }, language: string) =>
  language === 'ko' ? names.ko : language === 'km' ? names.km : names.en;

/** A label on the map (a permanent tooltip with no pointer), as text. */
function label(text: string, lat: number, lon: number, className: string): L.Tooltip {
  return L.tooltip({ permanent: true, direction: 'center', className, interactive: false })
    .setLatLng([lat, lon])
    .setContent(asText(text));
}

/**
 * Leaflet over the node's offline base map (Natural Earth: Cambodia, its islands and its neighbours, labelled in
 * the reader's language) and the province layer, so the map works without internet; when the node is configured
 * with a tile server (TILE_URL), its tiles are drawn underneath.
 */
export function CompoundMap({
  points,
  onPick,
  onMarker,
  focus = false,
  height = 420,
}: {
  points: MapPoint[];
  onPick?: (lat: number, lon: number) => void;
  /** Called with a marker's id when it is clicked (the register opens the compound's page). */
  onMarker?: (id: string) => void;
  /** Centre on the only point (a compound's own page) instead of showing the whole country. */
  focus?: boolean;
  height?: number;
}) {
  const element = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const markers = useRef<L.LayerGroup | null>(null);
  const labels = useRef<L.LayerGroup | null>(null);
  /** True once the map is centred on a single compound (its own page): the country view must not undo it. */
  const focused = useRef(false);
  const { i18n } = useTranslation();
  const [base, setBase] = useState<{ map: BaseMap; provinces: ProvincesGeoJson } | null>(null);

  useEffect(() => {
    if (!element.current || map.current) return;
    const m = L.map(element.current, { center: [12.5, 105], zoom: 7, attributionControl: true });
    map.current = m;
    markers.current = L.layerGroup().addTo(m);
    labels.current = L.layerGroup().addTo(m);
    fetch('/api/v1/map/settings')
      .then((r) => r.json())
      .then((s: MapSettings) => {
        if (s.tileUrl)
          L.tileLayer(s.tileUrl, { attribution: escapeHtml(s.attribution ?? '') })
            .addTo(m)
            .bringToBack();
      })
      .catch(() => undefined);
    Promise.all([
      fetch('/api/v1/map/base').then((r) => r.json() as Promise<BaseMap>),
      fetch('/api/v1/map/provinces').then((r) => r.json() as Promise<ProvincesGeoJson>),
    ])
      .then(([baseMap, provinces]) => {
        const toLatLng = (ring: [number, number][]) => ring.map(([lon, lat]) => [lat, lon] as L.LatLngTuple);
        for (const n of baseMap.neighbours)
          L.polygon(n.rings.map(toLatLng), {
            // No outline: the frame's cut edges would show as lines; Cambodia's own border is drawn below.
            stroke: false,
            fillColor: '#e4e2dc',
            fillOpacity: 1,
            interactive: false,
          }).addTo(m);
        // The islands (the mainland is drawn by its provinces below).
        L.polygon(baseMap.cambodia.slice(1).map(toLatLng), {
          color: '#6b7c8f',
          weight: 1,
          fillColor: '#f4f1ea',
          fillOpacity: 1,
          interactive: false,
        }).addTo(m);
        L.geoJSON(provinces, {
          style: { color: '#6b7c8f', weight: 1, fillColor: '#f4f1ea', fillOpacity: 1 },
        }).addTo(m);
        // The country's own border, over the province lines.
        L.polygon(toLatLng(baseMap.cambodia[0]!), {
          color: '#37474f',
          weight: 2,
          fill: false,
          interactive: false,
        }).addTo(m);
        m.attributionControl.addAttribution(escapeHtml('Natural Earth'));
        // Markers drawn before the base map arrived would sit under its (opaque) land: raise them.
        markers.current?.eachLayer((layer) => (layer as L.Path).bringToFront());
        // The whole country at any width (a phone too), unless the map already shows one compound.
        if (!focused.current) m.fitBounds(L.latLngBounds(toLatLng(baseMap.cambodia[0]!)));
        setBase({ map: baseMap, provinces });
      })
      .catch(() => undefined);
    if (onPick) m.on('click', (e: L.LeafletMouseEvent) => onPick(e.latlng.lat, e.latlng.lng));
    return () => {
      m.remove();
      map.current = null;
    };
  }, [onPick]);

  // Labels in the reader's language: neighbours, then provinces (smaller), redrawn when the language changes.
  useEffect(() => {
    const group = labels.current;
    if (!group || !base) return;
    group.clearLayers();
    for (const n of base.map.neighbours)
      label(inLanguage(n.names, i18n.language), n.label[1], n.label[0], 'map-label map-label-country').addTo(
        group,
      );
    for (const f of base.provinces.features)
      label(
        provinceLabel(f.properties.id, i18n.language),
        f.properties.lat,
        f.properties.lon,
        'map-label',
      ).addTo(group);
  }, [base, i18n.language]);

  useEffect(() => {
    const group = markers.current;
    if (!group) return;
    group.clearLayers();
    for (const p of points) {
      L.circleMarker([p.lat, p.lon], { radius: 7, color: '#b71c1c', fillColor: '#e53935', fillOpacity: 0.9 })
        .bindTooltip(asText(p.label))
        .on('click', () => onMarker?.(p.id))
        .addTo(group);
    }
    const only = focus && points.length === 1 ? points[0] : undefined;
    if (only && map.current) {
      focused.current = true;
      map.current.setView([only.lat, only.lon], 9);
    }
  }, [points, onMarker, focus]);

  return (
    <div ref={element} className="compound-map" style={{ height }} role="application" aria-label="Map" />
  );
}
