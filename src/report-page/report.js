/**
 * The report page of structural social work, `/reports/?area=<wellbeing area>&lang=fi|sv|en`:
 * a heatmap of needs × municipalities (services of the municipality and of the wellbeing
 * area; empty cells stand out), the services that ended or were paused in the last 12
 * months, and — with an API key typed into the page — demand and unmet needs by month.
 *
 * Pictures are SVG with a text alternative and the same figures as tables. Everything the
 * API returns is inserted as text. The key stays in this page's memory only.
 */

const TEXTS = {
  fi: {
    title: (area) => `Palvelujen kattavuus: ${area}`,
    pickArea: 'Hyvinvointialue',
    show: 'Näytä',
    intro: 'Luvut ovat palvelutarjottimen aktiivisia palveluja, joita kunnan asukas voi käyttää: kunnan omat ja hyvinvointialueen palvelut. Valtakunnalliset palvelut ovat taulukossa.',
    heatmapTitle: 'Palvelut tarpeittain ja kunnittain',
    heatmapAlt: (needs, places, empty) => `Lämpökartta: ${needs} tarvetta ja ${places} kuntaa. Solussa kunnan ja hyvinvointialueen palvelujen määrä. ${empty} solua on tyhjiä. Samat luvut ovat taulukossa kuvan alla.`,
    legendEmpty: 'Ei yhtään palvelua',
    asTable: 'Luvut taulukkona',
    need: 'Tarve',
    municipality: 'Kunta',
    local: 'Kunnan',
    regional: 'Hyvinvointialueen',
    national: 'Valtakunnalliset',
    stale: 'Tarkistamatta',
    cell: (place, need, local, regional) => `${place}, ${need}: ${local} kunnan ja ${regional} hyvinvointialueen palvelua`,
    closuresTitle: 'Päättyneet ja keskeytetyt palvelut (12 kk)',
    noClosures: 'Viimeisen 12 kuukauden aikana ei ole päättynyt eikä keskeytynyt palveluja.',
    service: 'Palvelu',
    provider: 'Järjestäjä',
    change: 'Muutos',
    date: 'Päivä',
    needs: 'Tarpeet',
    ended: 'Päättynyt',
    paused: 'Keskeytetty',
    unknownDate: 'ei tiedossa',
    demandTitle: 'Kysyntä ja aukot kuukausittain',
    demandIntro: 'Suosituspyynnöt, joissa kunta oli mukana, ja ne joihin ei löytynyt palvelua. Alle viiden pyynnön solut on jätetty pois.',
    key: 'API-avain',
    showDemand: 'Näytä kysyntä',
    loading: 'Haetaan…',
    failed: 'Tietojen haku ei onnistunut.',
    badKey: 'Avain ei kelpaa.',
    month: 'Kuukausi',
    requests: 'Pyyntöjä',
    withoutLocal: 'Ei palvelua lähellä',
    withoutAny: 'Ei palvelua lainkaan',
    suppressedCells: 'Pois jätettyjä soluja',
    chartAlt: (months, total) => `Pylväskaavio: ${months} kuukautta, yhteensä ${total} pyyntöä. Samat luvut ovat taulukossa kuvan alla.`,
    noDemand: 'Valitulta ajalta ei ole raportoitavia pyyntöjä.',
    unknownArea: 'Valitse hyvinvointialue.',
  },
  sv: {
    title: (area) => `Tjänsternas täckning: ${area}`,
    pickArea: 'Välfärdsområde',
    show: 'Visa',
    intro: 'Siffrorna är aktiva tjänster i katalogen som en invånare i kommunen kan använda: kommunens egna och välfärdsområdets tjänster. De riksomfattande tjänsterna finns i tabellen.',
    heatmapTitle: 'Tjänster per behov och kommun',
    heatmapAlt: (needs, places, empty) => `Värmekarta: ${needs} behov och ${places} kommuner. I varje cell antalet tjänster i kommunen och välfärdsområdet. ${empty} celler är tomma. Samma siffror finns i tabellen under bilden.`,
    legendEmpty: 'Inga tjänster',
    asTable: 'Siffrorna som tabell',
    need: 'Behov',
    municipality: 'Kommun',
    local: 'Kommunens',
    regional: 'Välfärdsområdets',
    national: 'Riksomfattande',
    stale: 'Inte kontrollerade',
    cell: (place, need, local, regional) => `${place}, ${need}: ${local} kommunens och ${regional} välfärdsområdets tjänster`,
    closuresTitle: 'Avslutade och avbrutna tjänster (12 mån)',
    noClosures: 'Inga tjänster har avslutats eller avbrutits under de senaste 12 månaderna.',
    service: 'Tjänst',
    provider: 'Anordnare',
    change: 'Ändring',
    date: 'Datum',
    needs: 'Behov',
    ended: 'Avslutad',
    paused: 'Avbruten',
    unknownDate: 'okänt',
    demandTitle: 'Efterfrågan och luckor per månad',
    demandIntro: 'Rekommendationsförfrågningar som angav en kommun, och de för vilka ingen tjänst hittades. Celler med färre än fem förfrågningar har utelämnats.',
    key: 'API-nyckel',
    showDemand: 'Visa efterfrågan',
    loading: 'Hämtar…',
    failed: 'Uppgifterna kunde inte hämtas.',
    badKey: 'Nyckeln duger inte.',
    month: 'Månad',
    requests: 'Förfrågningar',
    withoutLocal: 'Ingen tjänst nära',
    withoutAny: 'Ingen tjänst alls',
    suppressedCells: 'Utelämnade celler',
    chartAlt: (months, total) => `Stapeldiagram: ${months} månader, sammanlagt ${total} förfrågningar. Samma siffror finns i tabellen under bilden.`,
    noDemand: 'Inga förfrågningar att rapportera för perioden.',
    unknownArea: 'Välj ett välfärdsområde.',
  },
  en: {
    title: (area) => `Service coverage: ${area}`,
    pickArea: 'Wellbeing area',
    show: 'Show',
    intro: "The figures are the catalog's active services a resident of the municipality can use: the municipality's own and the wellbeing area's. National services are in the table.",
    heatmapTitle: 'Services by need and municipality',
    heatmapAlt: (needs, places, empty) => `Heatmap: ${needs} needs and ${places} municipalities. Each cell holds the number of municipal and wellbeing-area services. ${empty} cells are empty. The same figures are in the table below the picture.`,
    legendEmpty: 'No services',
    asTable: 'The figures as a table',
    need: 'Need',
    municipality: 'Municipality',
    local: 'Municipal',
    regional: 'Wellbeing area',
    national: 'National',
    stale: 'Not verified',
    cell: (place, need, local, regional) => `${place}, ${need}: ${local} municipal and ${regional} wellbeing-area services`,
    closuresTitle: 'Services ended or paused (12 months)',
    noClosures: 'No services ended or were paused in the last 12 months.',
    service: 'Service',
    provider: 'Provider',
    change: 'Change',
    date: 'Date',
    needs: 'Needs',
    ended: 'Ended',
    paused: 'Paused',
    unknownDate: 'unknown',
    demandTitle: 'Demand and gaps by month',
    demandIntro: 'Recommend requests that named a municipality, and those for which no service was found. Cells of fewer than five requests are left out.',
    key: 'API key',
    showDemand: 'Show demand',
    loading: 'Loading…',
    failed: 'The figures could not be fetched.',
    badKey: 'The key is not valid.',
    month: 'Month',
    requests: 'Requests',
    withoutLocal: 'Nothing nearby',
    withoutAny: 'Nothing at all',
    suppressedCells: 'Cells left out',
    chartAlt: (months, total) => `Bar chart: ${months} months, ${total} requests in all. The same figures are in the table below the picture.`,
    noDemand: 'No requests to report for the period.',
    unknownArea: 'Choose a wellbeing area.',
  },
};

const SVG = 'http://www.w3.org/2000/svg';
const API = new URL('..', import.meta.url);

/** Colours of 1, 2–3, 4–6 and 7+ services; text on each keeps a 4.5:1 contrast. */
const SCALE = [
  { min: 7, label: '7+', fill: '#08306b', text: '#ffffff' },
  { min: 4, label: '4–6', fill: '#2171b5', text: '#ffffff' },
  { min: 2, label: '2–3', fill: '#9ecae1', text: '#0b1f33' },
  { min: 1, label: '1', fill: '#deebf7', text: '#0b1f33' },
];
const EMPTY = { fill: '#ffffff', text: '#a30000', stroke: '#a30000' };
const SERIES = [
  { key: 'requests', fill: '#08306b' },
  { key: 'without_local', fill: '#b35806' },
  { key: 'without_any', fill: '#a30000' },
];

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

function svgEl(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  node.append(...children);
  return node;
}

async function getJson(path, params, key) {
  const url = new URL(path, API);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  const res = await fetch(url, { headers: key ? { authorization: `Bearer ${key}` } : {} });
  if (!res.ok) throw Object.assign(new Error(`HTTP ${res.status}`), { status: res.status });
  return res.json();
}

function table(caption, headers, rows) {
  const numeric = headers.map((_, i) => i > 0 && rows.length > 0 && rows.every((r) => typeof r[i] === 'number'));
  const cls = (i) => (numeric[i] ? { class: 'num' } : {});
  return el(
    'table',
    {},
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, ...headers.map((h, i) => el('th', { scope: 'col', ...cls(i) }, h)))),
    el('tbody', {}, ...rows.map((cells) => el('tr', {}, el('th', { scope: 'row' }, String(cells[0])), ...cells.slice(1).map((c, i) => el('td', cls(i + 1), String(c)))))),
  );
}

function cellColour(n) {
  return n === 0 ? EMPTY : SCALE.find((s) => n >= s.min);
}

function heatmap(t, needs, places, byCell) {
  const cw = 46;
  const ch = 24;
  const left = 230;
  const top = 130;
  const width = left + places.length * cw + 10;
  const height = top + needs.length * ch + 10;
  const titleId = 'heatmap-title';
  const descId = 'heatmap-desc';
  const empty = needs.reduce((n, need) => n + places.filter((p) => byCell(p.code, need.code).sum === 0).length, 0);
  const svg = svgEl('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-labelledby': `${titleId} ${descId}`, class: 'heatmap' },
    svgEl('title', { id: titleId }, t.heatmapTitle),
    svgEl('desc', { id: descId }, t.heatmapAlt(needs.length, places.length, empty)),
    svgEl('defs', {}, svgEl('pattern', { id: 'empty-hatch', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
      svgEl('rect', { width: 6, height: 6, fill: EMPTY.fill }),
      svgEl('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: '#e8a3a3', 'stroke-width': 3 }))),
  );
  places.forEach((p, i) => {
    const x = left + i * cw + cw / 2;
    svg.append(svgEl('text', { x, y: top - 8, transform: `rotate(-55 ${x} ${top - 8})`, class: 'axis' }, p.name));
  });
  needs.forEach((need, j) => {
    const y = top + j * ch;
    svg.append(svgEl('text', { x: left - 8, y: y + ch / 2 + 4, 'text-anchor': 'end', class: 'axis' }, need.name));
    places.forEach((p, i) => {
      const cell = byCell(p.code, need.code);
      const colour = cellColour(cell.sum);
      const x = left + i * cw;
      svg.append(svgEl('g', { 'data-municipality': p.code, 'data-need': need.code, class: cell.sum === 0 ? 'cell empty' : 'cell' },
        svgEl('title', {}, t.cell(p.name, need.name, cell.local, cell.regional)),
        svgEl('rect', { x: x + 1, y: y + 1, width: cw - 2, height: ch - 2, fill: cell.sum === 0 ? 'url(#empty-hatch)' : colour.fill, stroke: cell.sum === 0 ? EMPTY.stroke : 'none', 'stroke-width': 1.5 }),
        svgEl('text', { x: x + cw / 2, y: y + ch / 2 + 4, 'text-anchor': 'middle', fill: colour.text, 'font-weight': cell.sum === 0 ? 'bold' : 'normal' }, String(cell.sum)),
      ));
    });
  });
  return svg;
}

function legend(t) {
  const items = [{ label: t.legendEmpty, ...EMPTY }, ...[...SCALE].reverse()];
  return el('ul', { class: 'legend' }, ...items.map((i) => el('li', {},
    el('span', { class: 'swatch', style: `background:${i.fill};border-color:${i.stroke ?? i.fill}`, 'aria-hidden': 'true' }),
    i.label)));
}

function barChart(t, months) {
  const bw = 18;
  const group = bw * SERIES.length + 14;
  const left = 44;
  const top = 12;
  const plot = 180;
  const width = left + Math.max(months.length, 1) * group + 10;
  const max = Math.max(1, ...months.map((m) => m.requests));
  const total = months.reduce((n, m) => n + m.requests, 0);
  const svg = svgEl('svg', { viewBox: `0 0 ${width} ${top + plot + 40}`, width, height: top + plot + 40, role: 'img', 'aria-labelledby': 'demand-title demand-desc', class: 'chart' },
    svgEl('title', { id: 'demand-title' }, t.demandTitle),
    svgEl('desc', { id: 'demand-desc' }, t.chartAlt(months.length, total)),
    svgEl('line', { x1: left, y1: top + plot, x2: width - 5, y2: top + plot, stroke: '#333' }),
    svgEl('text', { x: left - 6, y: top + 8, 'text-anchor': 'end', class: 'axis' }, String(max)),
    svgEl('text', { x: left - 6, y: top + plot, 'text-anchor': 'end', class: 'axis' }, '0'),
  );
  months.forEach((m, i) => {
    const x0 = left + i * group + 7;
    SERIES.forEach((s, k) => {
      const h = (m[s.key] / max) * plot;
      svg.append(svgEl('rect', { x: x0 + k * bw, y: top + plot - h, width: bw - 2, height: h, fill: s.fill, 'data-series': s.key, 'data-month': m.month }));
    });
    svg.append(svgEl('text', { x: x0 + (bw * SERIES.length) / 2, y: top + plot + 16, 'text-anchor': 'middle', class: 'axis' }, m.month));
  });
  return svg;
}

function seriesLegend(t) {
  const names = { requests: t.requests, without_local: t.withoutLocal, without_any: t.withoutAny };
  return el('ul', { class: 'legend' }, ...SERIES.map((s) => el('li', {},
    el('span', { class: 'swatch', style: `background:${s.fill};border-color:${s.fill}`, 'aria-hidden': 'true' }), names[s.key])));
}

/** Demand rows summed per month over the municipalities and needs whose counts may be shown. */
function monthlyTotals(rows) {
  const months = new Map();
  for (const r of rows) {
    const m = months.get(r.month) ?? { month: r.month, requests: 0, without_local: 0, without_any: 0, suppressed: 0 };
    if (r.suppressed) m.suppressed++;
    else for (const s of SERIES) m[s.key] += r[s.key];
    months.set(r.month, m);
  }
  return [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
}

function areaForm(t, lang, areas, current) {
  const select = el('select', { id: 'area', name: 'area' }, ...areas.map((a) => {
    const option = el('option', { value: a.slug }, a.name);
    if (a.slug === current) option.selected = true;
    return option;
  }));
  return el('form', { method: 'get', class: 'no-print' },
    el('input', { type: 'hidden', name: 'lang', value: lang }),
    el('label', { for: 'area' }, t.pickArea), ' ', select, ' ', el('button', { type: 'submit' }, t.show));
}

function languageLinks(area, current) {
  const names = { fi: 'Suomeksi', sv: 'På svenska', en: 'In English' };
  return el('nav', { class: 'languages no-print', 'aria-label': 'Kieli / Språk / Language' }, ...Object.keys(names).map((l) => {
    const a = el('a', { href: `?area=${encodeURIComponent(area ?? '')}&lang=${l}`, lang: l, hreflang: l }, names[l]);
    if (l === current) a.setAttribute('aria-current', 'page');
    return a;
  }));
}

function coverageSection(t, area, needs, coverageRows) {
  const places = area.municipalities;
  const index = new Map(coverageRows.map((r) => [`${r.municipality}:${r.need}`, r]));
  const byCell = (municipality, need) => {
    const r = index.get(`${municipality}:${need}`);
    return { local: r?.local ?? 0, regional: r?.regional ?? 0, sum: (r?.local ?? 0) + (r?.regional ?? 0) };
  };
  const placeName = new Map(places.map((p) => [p.code, p.name]));
  const needName = new Map(needs.map((n) => [n.code, n.name]));
  const rows = coverageRows.map((r) => [`${placeName.get(r.municipality) ?? r.municipality} – ${needName.get(r.need) ?? r.need}`, r.local, r.regional, r.national, r.stale]);
  return el('section', { 'aria-labelledby': 'coverage-h' },
    el('h2', { id: 'coverage-h' }, t.heatmapTitle),
    el('p', {}, t.intro),
    legend(t),
    el('figure', {}, el('div', { class: 'scroll' }, heatmap(t, needs, places, byCell))),
    el('details', { class: 'print-open' }, el('summary', {}, t.asTable),
      table(t.heatmapTitle, [`${t.municipality} – ${t.need}`, t.local, t.regional, t.national, t.stale], rows)),
  );
}

function closuresSection(t, needs, rows) {
  const needName = new Map(needs.map((n) => [n.code, n.name]));
  const body = rows.length === 0
    ? el('p', {}, t.noClosures)
    : table(t.closuresTitle, [t.service, t.provider, t.change, t.date, t.needs], rows.map((r) => [
      r.name, r.organization, r.change === 'ended' ? t.ended : t.paused, r.date ?? t.unknownDate, r.needs.map((c) => needName.get(c) ?? c).join(', '),
    ]));
  return el('section', { 'aria-labelledby': 'closures-h' }, el('h2', { id: 'closures-h' }, t.closuresTitle), body);
}

function demandSection(t, area) {
  const status = el('p', { role: 'status', id: 'demand-status' });
  const output = el('div', { id: 'demand-output' });
  const input = el('input', { id: 'api-key', type: 'password', autocomplete: 'off', spellcheck: 'false', required: '' });
  const form = el('form', { id: 'demand-form', class: 'no-print' },
    el('label', { for: 'api-key' }, t.key), ' ', input, ' ', el('button', { type: 'submit' }, t.showDemand));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    status.textContent = t.loading;
    output.replaceChildren();
    try {
      const { rows } = await getJson('v1/reports/demand', { area: area.slug }, input.value.trim());
      const months = monthlyTotals(rows);
      status.textContent = months.length === 0 ? t.noDemand : '';
      if (months.length === 0) return;
      output.append(
        seriesLegend(t),
        el('figure', {}, el('div', { class: 'scroll' }, barChart(t, months))),
        table(t.demandTitle, [t.month, t.requests, t.withoutLocal, t.withoutAny, t.suppressedCells],
          months.map((m) => [m.month, m.requests, m.without_local, m.without_any, m.suppressed])),
      );
    } catch (err) {
      status.textContent = err.status === 401 || err.status === 403 ? t.badKey : t.failed;
    }
  });
  return el('section', { 'aria-labelledby': 'demand-h' },
    el('h2', { id: 'demand-h' }, t.demandTitle), el('p', {}, t.demandIntro), form, status, output);
}

async function main() {
  const root = document.getElementById('report');
  const params = new URLSearchParams(location.search);
  const lang = TEXTS[params.get('lang')] ? params.get('lang') : TEXTS[document.documentElement.lang] ? document.documentElement.lang : 'fi';
  const t = TEXTS[lang];
  document.documentElement.lang = lang;
  const [{ items: areas }, { items: taxonomies }] = await Promise.all([getJson('v1/areas', { lang }), getJson('v1/taxonomies', { lang })]);
  const area = areas.find((a) => a.slug === params.get('area'));
  const header = el('header', {}, languageLinks(area?.slug, lang), el('h1', {}, area ? t.title(area.name) : t.pickArea), areaForm(t, lang, areas, area?.slug));
  if (!area) {
    document.title = t.pickArea;
    root.replaceChildren(header, el('p', {}, t.unknownArea));
    return;
  }
  document.title = t.title(area.name);
  const needs = taxonomies.find((x) => x.code === 'need').terms;
  const [coverage, closures] = await Promise.all([
    getJson('v1/reports/coverage', { area: area.slug }),
    getJson('v1/reports/closures', { area: area.slug }),
  ]);
  root.replaceChildren(header, coverageSection(t, area, needs, coverage.rows), closuresSection(t, needs, closures.rows), demandSection(t, area));
  root.setAttribute('aria-busy', 'false');
  // Printed, the tables are part of the report.
  addEventListener('beforeprint', () => document.querySelectorAll('details.print-open').forEach((d) => { d.open = true; }));
}

main().catch(() => {
  const root = document.getElementById('report');
  root.replaceChildren(el('p', { role: 'alert' }, (TEXTS[document.documentElement.lang] ?? TEXTS.fi).failed));
  root.setAttribute('aria-busy', 'false');
});
