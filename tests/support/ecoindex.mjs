// The EcoIndex of a page (https://www.ecoindex.fr), from its DOM elements, requests and bytes.
//
// Quantile tables: cnumr/ecoindex_reference, file `ecoindex_reference.json` ("quantiles":
// dom_size, nb_request, response_size in kB), copied below unchanged. Formula: the one the cnumr
// implementations share (e.g. cnumr/GreenIT-Analysis `script/ecoIndex.js`, in its corrected form
// where a value's position runs from 0 to 20): each measure is placed between two quantiles by
// linear interpolation, then
//   EcoIndex = 100 − 5 × (3 × q(DOM) + 2 × q(requests) + q(size)) / 6
// so the DOM counts three times, the requests twice and the bytes once.

export const QUANTILES = {
  dom_size: [0, 47, 75, 159, 233, 298, 358, 417, 476, 537, 603, 674, 753, 843, 949, 1076, 1237, 1459, 1801, 2479, 594601],
  nb_request: [0, 2, 15, 25, 34, 42, 49, 56, 63, 70, 78, 86, 95, 105, 117, 130, 147, 170, 205, 281, 3920],
  response_size: [0, 1.37, 144.7, 319.53, 479.46, 631.97, 783.38, 937.91, 1098.62, 1265.47, 1448.32, 1648.27, 1876.08, 2142.06, 2465.37, 2866.31, 3401.59, 4155.73, 5400.08, 8037.54, 223212.26],
};

/** Where `value` falls in `quantiles`: 0 to 20, interpolated between the two quantiles around it. */
export function quantilePosition(quantiles, value) {
  for (let i = 1; i < quantiles.length; i += 1) {
    if (value < quantiles[i]) return i - 1 + (value - quantiles[i - 1]) / (quantiles[i] - quantiles[i - 1]);
  }
  return quantiles.length - 1;
}

/**
 * The EcoIndex (0–100, not rounded) of a page with `elements` DOM elements, `requests` HTTP
 * requests and `bytes` transferred; the reference's sizes are in kilobytes, taken here as 1,000
 * bytes (the stricter reading: 1,024 would give a slightly higher score).
 */
export function ecoIndex({ elements, requests, bytes }) {
  const dom = quantilePosition(QUANTILES.dom_size, elements);
  const req = quantilePosition(QUANTILES.nb_request, requests);
  const size = quantilePosition(QUANTILES.response_size, bytes / 1000);
  return 100 - (5 * (3 * dom + 2 * req + size)) / 6;
}

/** The EcoIndex grade, from the reference's "grades" (A above 80, B above 70…, G below 10). */
export function grade(score) {
  const grades = [[80, 'A'], [70, 'B'], [55, 'C'], [40, 'D'], [25, 'E'], [10, 'F']];
  return grades.find(([floor]) => score > floor)?.[1] ?? 'G';
}
