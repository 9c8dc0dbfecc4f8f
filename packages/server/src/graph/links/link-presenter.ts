/** A link as the API shows it. */
export function presentLink(l: {
  id: string;
  type: string;
  source_id: string;
  target_id: string;
  properties: Record<string, unknown>;
  valid_from: string | null;
  valid_to: string | null;
  confidence: number | null;
  created_by: string;
  created_at: Date;
}) {
  return {
    id: l.id,
    type: l.type,
    sourceId: l.source_id,
    targetId: l.target_id,
    properties: l.properties,
    validFrom: l.valid_from ?? undefined,
    validTo: l.valid_to ?? undefined,
    confidence: l.confidence ?? undefined,
    createdBy: l.created_by,
    createdAt: l.created_at.toISOString(),
  };
}
