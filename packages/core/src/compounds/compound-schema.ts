import { z } from 'zod';
import { OperationStatus } from '../operations/schemas.ts';
import { RescueState } from '../rescue/states.ts';

// Response schemas of the compound register and the offline map (what the server sends, field by field).

export const compoundStatuses = ['active', 'raided', 'relocated', 'closed'] as const;
export const CompoundStatus = z.enum(compoundStatuses);
export type CompoundStatus = z.infer<typeof CompoundStatus>;

export const CompoundView = z.object({
  id: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  province: z.string(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  borderDistanceKm: z.number().nullable(),
  status: CompoundStatus,
  notes: z.string(),
  updatedAt: z.string(),
});
export type CompoundView = z.infer<typeof CompoundView>;

/** A line of the register, with how many rescue cases are linked to the compound. */
export const CompoundListItem = CompoundView.extend({ rescueCases: z.number() });
export type CompoundListItem = z.infer<typeof CompoundListItem>;

/** A compound with its linked rescue cases (reference, state, risk: no personal data). */
export const CompoundDetail = CompoundView.extend({
  rescueCases: z.array(
    z.object({
      id: z.string(),
      reference: z.string(),
      state: RescueState,
      riskLevel: z.string(),
      reportedAt: z.string(),
    }),
  ),
  /** The joint operations that targeted it, that the reader may see (operations.read and the operation's rule). */
  operations: z.array(
    z.object({
      id: z.string(),
      reference: z.string(),
      codeName: z.string(),
      status: OperationStatus,
      plannedStart: z.string(),
    }),
  ),
});
export type CompoundDetail = z.infer<typeof CompoundDetail>;

/** The tile server when one is configured (else the offline layer only), and its attribution. */
export const MapSettings = z.object({ tileUrl: z.string().nullable(), attribution: z.string().nullable() });
export type MapSettings = z.infer<typeof MapSettings>;

/** The offline province layer: one polygon per Cambodian province, as GeoJSON ([lon, lat] points). */
export const ProvinceFeature = z.object({
  type: z.literal('Feature'),
  properties: z.object({ id: z.string(), en: z.string(), km: z.string(), lat: z.number(), lon: z.number() }),
  geometry: z.object({
    type: z.literal('Polygon'),
    coordinates: z.array(z.array(z.tuple([z.number(), z.number()]))),
  }),
});
export type ProvinceFeature = z.infer<typeof ProvinceFeature>;

export const ProvincesGeoJson = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(ProvinceFeature),
});
export type ProvincesGeoJson = z.infer<typeof ProvincesGeoJson>;

const Ring = z.array(z.tuple([z.number(), z.number()]));
/** The offline base map: Cambodia's rings (mainland first, then islands) and its neighbours, from Natural Earth. */
export const BaseMap = z.object({
  /** Where the data comes from and its licence, shown as the map's attribution. */
  source: z.string(),
  cambodia: z.array(Ring),
  neighbours: z.array(
    z.object({
      names: z.object({ en: z.string(), ko: z.string(), km: z.string() }),
      /** [lon, lat] of the label. */
      label: z.tuple([z.number(), z.number()]),
      rings: z.array(Ring),
    }),
  ),
});
export type BaseMap = z.infer<typeof BaseMap>;
