import { useSession } from '../app/session.tsx';
import { formatInZone, formatMultiZone, zonesToShow } from '../app/time.ts';

interface TimeProps {
  value: string | Date;
  /** Show both KST and ICT besides the viewer's zone. */
  dual?: boolean;
}

/** The zone the viewer chose in their preferences (the browser's before sign-in): times show and are read in it. */
export function useViewerZone(): string {
  const { state } = useSession();
  return state.status === 'signed-in' ? state.me.timeZone : Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** A moment in the viewer's zone (their preference), and in KST and ICT when `dual`. */
export function Time({ value, dual = false }: TimeProps) {
  const viewerZone = useViewerZone();
  const iso = typeof value === 'string' ? value : value.toISOString();
  const zones = zonesToShow(viewerZone, dual);
  return (
    <time className="time" dateTime={iso} title={zones.map((zone) => formatInZone(iso, zone)).join('\n')}>
      {formatMultiZone(iso, zones)}
    </time>
  );
}
