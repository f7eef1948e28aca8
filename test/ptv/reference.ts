/**
 * An independent check of the projection library: ETRS-TM35FIN → geodetic coordinates
 * with the Krüger series of JHS 154 (the public-sector recommendation that defines
 * TM35FIN), written out here for the test only.
 */
export function tm35finReference(northing: number, easting: number): { latitude: number; longitude: number } {
  const f = 1 / 298.257222101;
  const a = 6378137;
  const k0 = 0.9996;
  const lambda0 = (27 * Math.PI) / 180;
  const n = f / (2 - f);
  const A1 = (a / (1 + n)) * (1 + n ** 2 / 4 + n ** 4 / 64);
  const e = Math.sqrt(2 * f - f * f);
  const h = [
    n / 2 - (2 / 3) * n ** 2 + (37 / 96) * n ** 3 - (1 / 360) * n ** 4,
    (1 / 48) * n ** 2 + (1 / 15) * n ** 3 - (437 / 1440) * n ** 4,
    (17 / 480) * n ** 3 - (37 / 840) * n ** 4,
    (4397 / 161280) * n ** 4,
  ];
  const xi = northing / (A1 * k0);
  const eta = (easting - 500000) / (A1 * k0);
  let xi1 = xi;
  let eta1 = eta;
  h.forEach((hj, j) => {
    const k = 2 * (j + 1);
    xi1 -= hj * Math.sin(k * xi) * Math.cosh(k * eta);
    eta1 -= hj * Math.cos(k * xi) * Math.sinh(k * eta);
  });
  const beta = Math.asin(Math.sin(xi1) / Math.cosh(eta1));
  const l = Math.asin(Math.tanh(eta1) / Math.cos(beta));
  const Q = Math.asinh(Math.tan(beta));
  let Q1 = Q;
  for (let i = 0; i < 10; i++) Q1 = Q + e * Math.atanh(e * Math.tanh(Q1));
  return { latitude: (Math.atan(Math.sinh(Q1)) * 180) / Math.PI, longitude: ((lambda0 + l) * 180) / Math.PI };
}

/** Great-circle distance in metres. */
export function metresBetween(p: { latitude: number; longitude: number }, q: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const dLat = (q.latitude - p.latitude) * rad;
  const dLon = (q.longitude - p.longitude) * rad;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(p.latitude * rad) * Math.cos(q.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(s));
}
