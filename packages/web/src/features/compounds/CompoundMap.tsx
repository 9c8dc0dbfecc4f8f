import 'leaflet/dist/leaflet.css';
import type { MapSettings, ProvincesGeoJson } from '@liaison/core/compounds/compound-schema';
import L from 'leaflet';
import { useEffect, useRef } from 'react';

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

/**
 * Leaflet over the node's offline province layer, so the map works without internet; when the node is
 * configured with a tile server (TILE_URL), its tiles are drawn underneath.
 */
export function CompoundMap({
  points,
  onPick,
  onMarker,
  height = 420,
}: {
  points: MapPoint[];
  onPick?: (lat: number, lon: number) => void;
  /** Called with a marker's id when it is clicked (the register opens the compound's page). */
  onMarker?: (id: string) => void;
  height?: number;
}) {
  const element = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const markers = useRef<L.LayerGroup | null>(null);

  useEffect(() => {
    if (!element.current || map.current) return;
    const m = L.map(element.current, { center: [12.5, 105], zoom: 7, attributionControl: true });
    map.current = m;
    markers.current = L.layerGroup().addTo(m);
    fetch('/api/v1/map/settings')
      .then((r) => r.json())
      .then((s: MapSettings) => {
        if (s.tileUrl)
          L.tileLayer(s.tileUrl, { attribution: escapeHtml(s.attribution ?? '') })
            .addTo(m)
            .bringToBack();
      })
      .catch(() => undefined);
    fetch('/api/v1/map/provinces')
      .then((r) => r.json())
      .then((geo: ProvincesGeoJson) => {
        L.geoJSON(geo, {
          style: { color: '#6b7c8f', weight: 1, fillColor: '#f4f1ea', fillOpacity: 0.6 },
          onEachFeature: (feature, layer) =>
            layer.bindTooltip(asText(`${feature.properties.en} ${feature.properties.km}`)),
        }).addTo(m);
      })
      .catch(() => undefined);
    if (onPick) m.on('click', (e: L.LeafletMouseEvent) => onPick(e.latlng.lat, e.latlng.lng));
    return () => {
      m.remove();
      map.current = null;
    };
  }, [onPick]);

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
  }, [points, onMarker]);

  return <div ref={element} style={{ height }} role="application" aria-label="Map" />;
}
