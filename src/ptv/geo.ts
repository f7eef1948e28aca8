import proj4 from 'proj4';

/**
 * PTV gives coordinates in ETRS-TM35FIN (EPSG:3067): `latitude` holds the northing and
 * `longitude` the easting, as strings. The catalog stores WGS84 degrees. ETRS89 and
 * WGS84 differ by well under a metre in Finland, so the datum shift is taken as zero,
 * as EPSG's own definition of 3067 does.
 */
proj4.defs('EPSG:3067', '+proj=utm +zone=35 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs');
const toWgs84 = proj4('EPSG:3067', 'WGS84');

/** Finland and its sea areas in EPSG:3067, with a margin. */
const EASTING = [40_000, 800_000];
const NORTHING = [6_550_000, 7_850_000];

export interface LatLon {
  latitude: number;
  longitude: number;
}

/** WGS84 degrees (6 decimals, ~0.1 m) of a TM35FIN point, or undefined when it is missing or outside Finland. */
export function tm35finToWgs84(northing: string | null | undefined, easting: string | null | undefined): LatLon | undefined {
  const n = Number(northing);
  const e = Number(easting);
  if (!northing || !easting || !Number.isFinite(n) || !Number.isFinite(e)) return undefined;
  if (e < EASTING[0]! || e > EASTING[1]! || n < NORTHING[0]! || n > NORTHING[1]!) return undefined;
  const [longitude, latitude] = toWgs84.forward([e, n]);
  return { latitude: round6(latitude!), longitude: round6(longitude!) };
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
