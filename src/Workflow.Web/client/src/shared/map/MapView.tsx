// A map of places (Leaflet). Tiles come from the configured tile server (settings.mapTileUrl); without
// one, the markers show on a plain background. Markers are vector circles: no image fetched from anywhere.
import { useEffect, useRef } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useTranslation } from 'react-i18next';
import { useSession } from '../shell/session';

export type MarkerKind = 'expert' | 'appointment' | 'planned' | 'place';

export interface MapMarker { id: string; latitude: number; longitude: number; label: string; kind: MarkerKind }

const style: Record<MarkerKind, L.CircleMarkerOptions> = {
  expert: { radius: 8, color: '#0d6efd', fillColor: '#0d6efd', fillOpacity: 0.8 },
  appointment: { radius: 6, color: '#6c757d', fillColor: '#adb5bd', fillOpacity: 0.9 },
  planned: { radius: 10, color: '#fd7e14', fillColor: '#fd7e14', fillOpacity: 0.9 },
  place: { radius: 9, color: '#198754', fillColor: '#198754', fillOpacity: 0.8 },
};

export function MapView({ markers, label }: { markers: MapMarker[]; label: string }) {
  const element = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);
  const { settings } = useSession();
  const { t } = useTranslation();

  useEffect(() => {
    const m = L.map(element.current!, { zoomControl: true, attributionControl: !!settings.mapTileUrl }).setView([50.6, 4.7], 8);
    if (settings.mapTileUrl) L.tileLayer(settings.mapTileUrl, { attribution: settings.mapAttribution ?? '', maxZoom: 18 }).addTo(m);
    layer.current = L.layerGroup().addTo(m);
    map.current = m;
    return () => { m.remove(); map.current = null; };
  }, [settings.mapTileUrl, settings.mapAttribution]);

  useEffect(() => {
    const m = map.current, group = layer.current;
    if (!m || !group) return;
    group.clearLayers();
    const points: L.LatLngExpression[] = [];
    for (const marker of markers) {
      const at: L.LatLngExpression = [marker.latitude, marker.longitude];
      points.push(at);
      L.circleMarker(at, style[marker.kind]).bindTooltip(marker.label).addTo(group);
    }
    if (points.length === 1) m.setView(points[0], 11);
    else if (points.length > 1) m.fitBounds(L.latLngBounds(points), { padding: [24, 24], maxZoom: 12 });
  }, [markers]);

  return (
    <figure className="m-0">
      <div ref={element} className="map-view" role="group" aria-label={label} />
      <figcaption className="small text-body-secondary mt-1">
        <ul className="list-inline m-0">
          {markers.map((m) => <li key={m.id} className="list-inline-item" data-marker={m.kind}>{t(`map:kind.${m.kind}`)}: {m.label}</li>)}
        </ul>
      </figcaption>
    </figure>
  );
}
