/**
 * <tarjotin-search>: the catalog's search as a web component for wellbeing-area and
 * municipal portals. One script tag and one element:
 *
 *   <script type="module" src="https://palvelut.example.fi/widget/tarjotin-search.js"></script>
 *   <tarjotin-search lang="fi" municipality="297"></tarjotin-search>
 *
 * Attributes: `api` (the catalog's address; by default where this script came from),
 * `lang` (fi, sv or en; by default the page's language), `municipality`, `area`, `need`
 * (comma-separated need codes fixed by the portal), `limit` (results per page, 10).
 * Styling: CSS custom properties `--tarjotin-accent` and `--tarjotin-radius`, and the
 * parts `form`, `input`, `button`, `facet`, `result`, `name`, `status`.
 *
 * Everything the API returns is inserted as text, never as HTML: the highlight's <mark>
 * tags are the only markup taken from it, and links are followed only to http(s) pages.
 */

const TEXTS = {
  fi: {
    label: 'Hae palveluita',
    placeholder: 'esim. velkaneuvonta, vertaistuki, turvakoti',
    search: 'Hae',
    found: (n) => (n === 1 ? '1 palvelu' : `${n} palvelua`),
    none: 'Ei palveluita tällä haulla. Kokeile toista sanaa.',
    noneFiltered: 'Ei palveluita tällä haulla. Kokeile toista sanaa tai poista tarverajaus.',
    failed: 'Haku ei onnistunut. Yritä hetken kuluttua uudelleen.',
    openNow: 'Avoinna nyt',
    alwaysOpen: 'Avoinna aina',
    stale: 'Tietoja ei ole tarkistettu vuoteen',
    needs: 'Rajaa tarpeen mukaan',
    chosen: (n) => `${n} valittu`,
    languages: 'Kielet',
    previous: 'Edelliset',
    next: 'Seuraavat',
    page: (p, of) => `Sivu ${p} / ${of}`,
  },
  sv: {
    label: 'Sök tjänster',
    placeholder: 't.ex. skuldrådgivning, kamratstöd, skyddshem',
    search: 'Sök',
    found: (n) => (n === 1 ? '1 tjänst' : `${n} tjänster`),
    none: 'Inga tjänster med denna sökning. Prova ett annat ord.',
    noneFiltered: 'Inga tjänster med denna sökning. Prova ett annat ord eller ta bort behovsavgränsningen.',
    failed: 'Sökningen misslyckades. Försök igen om en stund.',
    openNow: 'Öppet nu',
    alwaysOpen: 'Alltid öppet',
    stale: 'Uppgifterna har inte kontrollerats på ett år',
    needs: 'Avgränsa enligt behov',
    chosen: (n) => `${n} valda`,
    languages: 'Språk',
    previous: 'Föregående',
    next: 'Nästa',
    page: (p, of) => `Sida ${p} / ${of}`,
  },
  en: {
    label: 'Search services',
    placeholder: 'e.g. debt advice, peer support, shelter',
    search: 'Search',
    found: (n) => (n === 1 ? '1 service' : `${n} services`),
    none: 'No services for this search. Try another word.',
    noneFiltered: 'No services for this search. Try another word or remove the need filter.',
    failed: 'The search did not succeed. Please try again in a moment.',
    openNow: 'Open now',
    alwaysOpen: 'Always open',
    stale: 'Details not verified for a year',
    needs: 'Filter by need',
    chosen: (n) => `${n} chosen`,
    languages: 'Languages',
    previous: 'Previous',
    next: 'Next',
    page: (p, of) => `Page ${p} of ${of}`,
  },
};

const STYLE = `
:host { display: block; container-type: inline-size; font: inherit; color: inherit; --tarjotin-accent: #0b5ea8; --tarjotin-radius: 6px; }
form { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; }
label { flex-basis: 100%; font-weight: 600; }
input { flex: 1 1 16rem; font: inherit; padding: .5rem .75rem; border: 1px solid #767676; border-radius: var(--tarjotin-radius); }
button { font: inherit; cursor: pointer; border-radius: var(--tarjotin-radius); }
form button { padding: .5rem 1rem; border: 0; background: var(--tarjotin-accent); color: #fff; }
:focus-visible { outline: 3px solid var(--tarjotin-accent); outline-offset: 2px; }
details { margin: .75rem 0 0; }
summary { cursor: pointer; font-size: .9em; margin-bottom: .375rem; }
.chips { display: flex; flex-wrap: wrap; gap: .375rem; }
.facet { padding: .25rem .625rem; border: 1px solid var(--tarjotin-accent); background: #fff; color: var(--tarjotin-accent); }
@container (max-width: 36rem) {
  .chips { flex-wrap: nowrap; overflow-x: auto; padding-bottom: .25rem; scrollbar-width: thin; }
  .facet { white-space: nowrap; font-size: .9em; }
}
.langs { font-size: .9em; color: #555; }
.facet[aria-pressed="true"] { background: var(--tarjotin-accent); color: #fff; }
[role="status"] { margin: .75rem 0 .25rem; min-height: 1.5em; }
ol { list-style: none; padding: 0; margin: 0; }
li { padding: .75rem 0; border-top: 1px solid #ddd; }
h3 { margin: 0 0 .25rem; font-size: 1.05em; }
a { color: var(--tarjotin-accent); }
p { margin: .25rem 0; }
.org { font-size: .9em; color: #555; }
.badge { display: inline-block; margin-right: .375rem; padding: 0 .375rem; border-radius: var(--tarjotin-radius); background: #e6f1e6; font-size: .85em; }
.badge.stale { background: #fff3cd; }
mark { background: #fff0a0; color: inherit; }
nav { display: flex; gap: .5rem; align-items: center; margin-top: .75rem; }
nav button { padding: .25rem .75rem; border: 1px solid #767676; background: #fff; }
nav button[disabled] { opacity: .4; cursor: default; }
`;

const DEBOUNCE_MS = 300;
const ENTITIES = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const decode = (s) => s.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]);
/** The catalog this script was served by (`…/widget/tarjotin-search.js` → `…/`). */
const SCRIPT_API = new URL('..', import.meta.url).href;

/** An element with attributes and children; strings become text nodes. */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== false) el.setAttribute(k, v === true ? '' : String(v));
  el.append(...children.flat().filter((c) => c !== undefined && c !== null && c !== false));
  return el;
}

/** The API's highlight (escaped text with <mark>) as nodes, taking no other markup from it. */
function highlighted(html) {
  return html.split(/(<mark>[^<]*<\/mark>)/).map((part) =>
    part.startsWith('<mark>') ? h('mark', {}, decode(part.slice(6, -7))) : document.createTextNode(decode(part)),
  );
}

const webLink = (url) => {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
};

class TarjotinSearch extends HTMLElement {
  static observedAttributes = ['lang', 'municipality', 'area', 'need', 'limit', 'api'];

  #query = '';
  #needs = new Set();
  /** Labels of the need codes seen, for a pressed filter that no longer has hits. */
  #labels = new Map();
  /**
   * The order the need chips are shown in, fixed when the search words change: pressing
   * a chip or paging does not move the chips under the pointer.
   */
  #chipOrder = [];
  #page = 1;
  #inflight;
  #timer;
  #ui;

  connectedCallback() {
    if (!this.#ui) this.#render();
    this.#search();
  }

  disconnectedCallback() {
    this.#inflight?.abort();
    clearTimeout(this.#timer);
  }

  attributeChangedCallback() {
    if (!this.#ui) return;
    this.#render();
    this.#search();
  }

  get #lang() {
    const lang = (this.getAttribute('lang') || document.documentElement.lang || 'fi').slice(0, 2);
    return lang in TEXTS ? lang : 'fi';
  }

  get #t() {
    return TEXTS[this.#lang];
  }

  get #limit() {
    const n = Number(this.getAttribute('limit'));
    return Number.isInteger(n) && n >= 1 && n <= 50 ? n : 10;
  }

  #render() {
    const t = this.#t;
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const input = h('input', { id: 'q', type: 'search', part: 'input', placeholder: t.placeholder, autocomplete: 'off' });
    input.value = this.#query;
    const form = h('form', { role: 'search', part: 'form' }, h('label', { for: 'q' }, t.label), input, h('button', { type: 'submit', part: 'button' }, t.search));
    // Open on a wide host; on a phone the chips start folded so that results come first.
    const facets = h('details', { hidden: true, open: this.clientWidth >= 576 }, h('summary', {}, t.needs), h('div', { class: 'chips', role: 'group', 'aria-label': t.needs }));
    const status = h('p', { role: 'status', 'aria-live': 'polite', part: 'status' });
    const results = h('ol');
    const nav = h('nav', { hidden: true });
    input.addEventListener('input', () => {
      this.#query = input.value;
      this.#page = 1;
      this.#chipOrder = [];
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => this.#search(), DEBOUNCE_MS);
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      clearTimeout(this.#timer);
      this.#query = input.value;
      this.#page = 1;
      this.#chipOrder = [];
      this.#search();
    });
    root.replaceChildren(h('style', {}, STYLE), form, facets, status, results, nav);
    this.#ui = { facets, status, results, nav };
  }

  #url() {
    const api = this.getAttribute('api') || SCRIPT_API;
    const url = new URL('v1/search', api.endsWith('/') ? api : `${api}/`);
    const p = url.searchParams;
    if (this.#query.trim()) p.set('q', this.#query.trim().slice(0, 200));
    for (const name of ['municipality', 'area']) if (this.getAttribute(name)) p.set(name, this.getAttribute(name));
    const needs = [...(this.getAttribute('need')?.split(',').filter(Boolean) ?? []), ...this.#needs];
    if (needs.length > 0) p.set('need', needs.join(','));
    p.set('lang', this.#lang);
    p.set('limit', String(this.#limit));
    p.set('page', String(this.#page));
    return url;
  }

  async #search() {
    this.#inflight?.abort();
    const controller = (this.#inflight = new AbortController());
    this.setAttribute('aria-busy', 'true');
    try {
      const res = await fetch(this.#url(), { signal: controller.signal, headers: { accept: 'application/json' } });
      if (!res.ok) throw new Error(`search answered ${res.status}`);
      this.#show(await res.json());
    } catch (err) {
      if (controller.signal.aborted) return;
      this.#ui.results.replaceChildren();
      this.#ui.nav.hidden = true;
      this.#ui.status.textContent = this.#t.failed;
      this.dispatchEvent(new CustomEvent('tarjotin-error', { detail: { message: String(err?.message ?? err) } }));
    } finally {
      if (this.#inflight === controller) this.removeAttribute('aria-busy');
    }
  }

  #show(body) {
    const t = this.#t;
    const { status, results } = this.#ui;
    const empty = body.total === 0;
    status.textContent = !empty ? t.found(body.total) : this.#needs.size > 0 ? t.noneFiltered : t.none;
    results.replaceChildren(...body.hits.map((hit) => this.#hit(hit)));
    this.#showNeeds(body.facets?.needs ?? [], empty);
    this.#showPager(body);
    this.dispatchEvent(new CustomEvent('tarjotin-results', { detail: { total: body.total, page: body.page, ids: body.hits.map((x) => x.id) } }));
  }

  /** The need chips in a stable order; none at all for an empty result without a pressed need. */
  #showNeeds(needFacets, empty) {
    const { facets } = this.#ui;
    for (const f of needFacets) this.#labels.set(f.code, f.label);
    const fixed = new Set(this.getAttribute('need')?.split(',') ?? []);
    const values = needFacets.filter((f) => !fixed.has(f.code) && (f.count > 0 || this.#needs.has(f.code))).slice(0, 8);
    for (const code of this.#needs) if (!values.some((f) => f.code === code)) values.push({ code, label: this.#labels.get(code) ?? code, count: 0 });
    for (const f of values) if (!this.#chipOrder.includes(f.code)) this.#chipOrder.push(f.code);
    values.sort((a, b) => this.#chipOrder.indexOf(a.code) - this.#chipOrder.indexOf(b.code));
    facets.hidden = values.length === 0 || (empty && this.#needs.size === 0);
    const summary = facets.querySelector('summary');
    summary.textContent = this.#needs.size > 0 ? `${this.#t.needs} (${this.#t.chosen(this.#needs.size)})` : this.#t.needs;
    facets.querySelector('.chips').replaceChildren(
      ...values.map((f) => {
        const pressed = this.#needs.has(f.code);
        const button = h('button', { type: 'button', class: 'facet', part: 'facet', 'aria-pressed': String(pressed), 'data-code': f.code }, `${f.label} (${f.count})`);
        button.addEventListener('click', () => {
          if (pressed) this.#needs.delete(f.code);
          else this.#needs.add(f.code);
          this.#page = 1;
          this.#search();
        });
        return button;
      }),
    );
  }

  /** Previous and next, only when there is more than one page. */
  #showPager(body) {
    const t = this.#t;
    const { nav } = this.#ui;
    const pages = Math.max(1, Math.ceil(body.total / body.limit));
    nav.hidden = body.total === 0 || pages <= 1;
    const step = (label, page, disabled) => {
      const b = h('button', { type: 'button', disabled }, label);
      b.addEventListener('click', () => {
        this.#page = page;
        this.#search();
      });
      return b;
    };
    nav.replaceChildren(step(t.previous, body.page - 1, body.page <= 1), h('span', {}, t.page(body.page, pages)), step(t.next, body.page + 1, body.page >= pages));
  }

  #hit(hit) {
    const t = this.#t;
    const link = hit.url ? webLink(hit.url) : undefined;
    const name = h('h3', { part: 'name' }, link ? h('a', { href: link, target: '_blank', rel: 'noopener noreferrer' }, hit.name) : hit.name);
    const badges = [
      hit.always_open ? h('span', { class: 'badge' }, t.alwaysOpen) : hit.open_now ? h('span', { class: 'badge' }, t.openNow) : undefined,
      hit.stale ? h('span', { class: 'badge stale' }, t.stale) : undefined,
    ].filter(Boolean);
    const phones = (hit.phones ?? []).map((p) => h('a', { href: `tel:${String(p.number).replace(/[^0-9+]/g, '')}` }, p.number));
    const languages = this.#languageNames(hit.languages ?? []);
    return h(
      'li',
      { part: 'result', 'data-id': hit.id },
      name,
      h('p', { class: 'org' }, hit.organization?.name ?? ''),
      h('p', {}, ...(hit.highlight ? highlighted(hit.highlight.description) : [hit.description])),
      badges.length > 0 ? h('p', {}, ...badges) : undefined,
      languages ? h('p', { class: 'langs' }, `${t.languages}: ${languages}`) : undefined,
      phones.length > 0 ? h('p', {}, ...phones.flatMap((a, i) => (i === 0 ? [a] : [', ', a]))) : undefined,
    );
  }

  /** A service's language codes as names in the widget's language (`fi, sv` → "suomi, ruotsi"). */
  #languageNames(codes) {
    const names = new Intl.DisplayNames([this.#lang], { type: 'language', fallback: 'code' });
    return codes
      .map((code) => {
        try {
          return names.of(code);
        } catch {
          return code;
        }
      })
      .join(', ');
  }
}

if (!customElements.get('tarjotin-search')) customElements.define('tarjotin-search', TarjotinSearch);
