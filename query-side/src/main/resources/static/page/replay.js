// The replay page: a chronicle day by day on a map, a chart and the day's panel.
// Plain JavaScript, no build step. Every URL is relative, so the page works wherever it is
// served (the query side, app, behind a proxy). Every text from the data is set with
// textContent, never as markup.

const L = window.L;
const Chart = window.Chart;

const PALETTE = ['#2e7d32', '#c62828', '#1565c0', '#ef6c00', '#6a1b9a', '#00838f', '#5d4037', '#ad1457'];
const PARTY_NAMES = {civilians: 'Civilians', unknown: 'Unknown'};

const $ = id => document.getElementById(id);
const el = (tag, attributes = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
        if (value === null || value === undefined || value === false) continue;
        if (name === 'class') node.className = value;
        // Through the CSSOM: the Content-Security-Policy refuses style attributes, not this.
        else if (name === 'style') node.style.cssText = String(value);
        else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children) {
        if (child === null || child === undefined) continue;
        node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
};

const state = {
    chronicles: [],
    chronicleId: null,
    chronicle: null,     // the definition
    days: [],            // GET .../days
    dates: [],           // the period's days
    day: null,
    asKnownAt: null,     // an ISO instant or null
    asReported: false,
    settings: {},
    playing: null,
    dayRequest: 0,
    lastPush: 0,
    account: {signedIn: false},
    consistentWith: null,  // a write's position: the next reads wait for it
    recorded: null,        // {reportId, version}: a correction just recorded, shown with its report
};

// ---- the API -----------------------------------------------------------------------------------

class Problem extends Error {
}

async function get(path, params = {}) {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) {
        if (value !== null && value !== undefined && value !== '') query.set(name, value);
    }
    const url = query.toString() ? `${path}?${query}` : path;
    const response = await fetch(url, {headers: {Accept: 'application/json'}, credentials: 'same-origin'});
    if (!response.ok) {
        let detail = `${response.status} ${response.statusText}`;
        try {
            const problem = await response.json();
            detail = problem.detail || problem.title || detail;
        } catch (ignored) {
            // not a problem document
        }
        throw new Problem(`${path}: ${detail}`);
    }
    return response.json();
}

/** The token Spring Security left in the XSRF-TOKEN cookie, sent back with every write. */
function csrfToken() {
    const cookie = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
    return cookie ? decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)) : null;
}

/** A write (or sign-in): answers {status, json} whatever the status, for the caller to judge. */
async function send(method, path, body) {
    const headers = {Accept: 'application/json, application/problem+json'};
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const token = csrfToken();
    if (token) headers['X-XSRF-TOKEN'] = token;
    const response = await fetch(path, {
        method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body),
    });
    let json = null;
    try {
        json = await response.json();
    } catch (ignored) {
        // no body
    }
    return {status: response.status, json};
}

const chroniclePath = () => `api/v1/chronicles/${encodeURIComponent(state.chronicleId)}`;
const timeAxes = day => ({asKnownAt: state.asKnownAt, asReportedBy: state.asReported ? day : null});

function showProblem(error) {
    const box = $('problem');
    if (!error) {
        box.hidden = true;
        box.textContent = '';
        return;
    }
    box.hidden = false;
    box.textContent = error instanceof Problem ? error.message : `The page could not load: ${error.message}`;
}

// ---- names and figures -------------------------------------------------------------------------

function sideName(id) {
    const side = (state.chronicle?.sides || []).find(s => s.id === id);
    return side ? side.name : id;
}

function partyName(id) {
    return PARTY_NAMES[id] || sideName(id);
}

function areaName(id) {
    const area = (state.chronicle?.areas || []).find(a => a.id === id);
    return area ? area.name : id;
}

function sideColour(id) {
    const index = (state.chronicle?.sides || []).findIndex(s => s.id === id);
    return index < 0 ? '#9e9e9e' : PALETTE[index % PALETTE.length];
}

/** A figure as text: "24", "2+" (unknown upper bound), "18 (15–20)"; "–" when nothing was reported. */
function figure(f) {
    if (!f) return '–';
    const {low, best, high} = f;
    if (high === null || high === undefined) {
        return low === best ? `${best}+` : `${best} (${low}+)`;
    }
    return low === best && best === high ? `${best}` : `${best} (${low}–${high})`;
}

// ---- the URL -----------------------------------------------------------------------------------

function readUrl() {
    const params = new URLSearchParams(location.search);
    return {
        chronicle: params.get('chronicle'),
        day: params.get('day'),
        asKnownAt: params.get('asKnownAt'),
        asReported: params.get('asReported') === 'true',
    };
}

function writeUrl(replace = false) {
    const params = new URLSearchParams();
    if (state.chronicleId) params.set('chronicle', state.chronicleId);
    if (state.day) params.set('day', state.day);
    if (state.asKnownAt) params.set('asKnownAt', state.asKnownAt);
    if (state.asReported) params.set('asReported', 'true');
    const url = `?${params}`;
    if (url === location.search) return;
    // Steps closer than half a second apart (a drag, a held key) make one history entry.
    const now = Date.now();
    if (replace || now - state.lastPush < 500) {
        history.replaceState(null, '', url);
    } else {
        history.pushState(null, '', url);
        state.lastPush = now;
    }
}

// ---- the map -----------------------------------------------------------------------------------

const map = {leaflet: null, layers: new Map(), svg: null, bounds: null};

function setUpMap() {
    map.leaflet = L.map('map', {zoomSnap: 0.25, preferCanvas: false});
    if (state.settings.tileUrl) {
        const attribution = state.settings.tileAttribution ? escapeForLeaflet(state.settings.tileAttribution) : '';
        L.tileLayer(state.settings.tileUrl, {attribution}).addTo(map.leaflet);
    }
    map.leaflet.setView([0, 0], 2);
}

/** Leaflet takes attributions as markup: the setting is shown as text. */
function escapeForLeaflet(text) {
    const span = document.createElement('span');
    span.textContent = text;
    return span.innerHTML;
}

function depth(area, areas) {
    let d = 0;
    let parent = area.parent;
    while (parent && d < 50) {
        d++;
        parent = areas.find(a => a.id === parent)?.parent;
    }
    return d;
}

function drawAreas() {
    for (const layer of map.layers.values()) layer.remove();
    map.layers.clear();
    const areas = [...(state.chronicle.areas || [])].filter(a => a.geometry);
    // Areas above first, so that their sub-areas lie on top of them.
    areas.sort((a, b) => depth(a, areas) - depth(b, areas));
    const bounds = L.latLngBounds([]);
    for (const area of areas) {
        const layer = L.geoJSON({type: 'Feature', geometry: area.geometry, properties: {}}, {
            style: {color: '#555', weight: 1.5, fillColor: '#9e9e9e', fillOpacity: 0.5},
        });
        const tooltip = el('span', {}, area.name);
        layer.bindTooltip(tooltip, {sticky: true});
        layer.addTo(map.leaflet);
        map.layers.set(area.id, layer);
        bounds.extend(layer.getBounds());
    }
    if (bounds.isValid()) {
        map.leaflet.fitBounds(bounds, {padding: [10, 10]});
    } else if (state.chronicle.place) {
        map.leaflet.setView([state.chronicle.place.latitude, state.chronicle.place.longitude], 13);
    }
    definePatterns();
}

/** One SVG hatch pattern per side, for contested areas. */
function definePatterns() {
    const svg = map.leaflet.getPanes().overlayPane.querySelector('svg');
    if (!svg) return;
    const ns = 'http://www.w3.org/2000/svg';
    let defs = svg.querySelector('defs');
    if (!defs) {
        defs = document.createElementNS(ns, 'defs');
        svg.insertBefore(defs, svg.firstChild);
    }
    defs.replaceChildren();
    const sides = [...(state.chronicle.sides || []).map(s => s.id), ''];
    sides.forEach(id => {
        const pattern = document.createElementNS(ns, 'pattern');
        pattern.setAttribute('id', hatchId(id));
        pattern.setAttribute('patternUnits', 'userSpaceOnUse');
        pattern.setAttribute('width', '8');
        pattern.setAttribute('height', '8');
        pattern.setAttribute('patternTransform', 'rotate(45)');
        const back = document.createElementNS(ns, 'rect');
        back.setAttribute('width', '8');
        back.setAttribute('height', '8');
        back.setAttribute('fill', '#ffffff');
        const stripe = document.createElementNS(ns, 'rect');
        stripe.setAttribute('width', '4');
        stripe.setAttribute('height', '8');
        stripe.setAttribute('fill', sideColour(id));
        pattern.append(back, stripe);
        defs.append(pattern);
    });
}

function hatchId(side) {
    const index = (state.chronicle?.sides || []).findIndex(s => s.id === side);
    return `hatch-${index < 0 ? 'none' : index}`;
}

function colourMap(control) {
    for (const entry of control) {
        const layer = map.layers.get(entry.area);
        if (!layer) continue;
        const contested = !!entry.contested;
        layer.setStyle({
            color: contested ? '#111' : '#444',
            weight: contested ? 2.5 : 1.5,
            dashArray: contested ? '6 4' : null,
            fillColor: contested ? `url(#${hatchId(entry.side)})` : sideColour(entry.side),
            fillOpacity: contested ? 0.75 : 0.55,
        });
        layer.eachLayer(path => path.getElement()?.setAttribute('data-area', entry.area));
        layer.eachLayer(path => path.getElement()?.setAttribute('data-side', entry.side || ''));
    }
}

function drawLegend() {
    const legend = $('legend');
    legend.replaceChildren();
    for (const side of state.chronicle.sides || []) {
        legend.append(el('li', {'data-side': side.id},
            el('span', {class: 'swatch', style: `background:${sideColour(side.id)}`}), side.name));
    }
    legend.append(el('li', {}, el('span', {class: 'swatch contested'}),
        'Contested (hatched, dashed border)'));
}

// ---- the chart ---------------------------------------------------------------------------------

let chart = null;

const currentDayMarker = {
    id: 'currentDay',
    afterDatasetsDraw(c) {
        const index = state.dates.indexOf(state.day);
        if (index < 0) return;
        const x = c.scales.x.getPixelForValue(index);
        const {top, bottom} = c.chartArea;
        const context = c.ctx;
        context.save();
        context.strokeStyle = 'rgba(0, 0, 0, 0.7)';
        context.lineWidth = 2;
        context.setLineDash([4, 3]);
        context.beginPath();
        context.moveTo(x, top);
        context.lineTo(x, bottom);
        context.stroke();
        context.restore();
    },
};

function parties(days) {
    const found = new Set();
    for (const day of days) {
        Object.keys(day.killed || {}).forEach(p => found.add(p));
        Object.keys(day.cumulativeKilled || {}).forEach(p => found.add(p));
    }
    const sides = (state.chronicle.sides || []).map(s => s.id);
    return [...found].sort((a, b) => rank(a, sides) - rank(b, sides) || a.localeCompare(b));
}

function rank(party, sides) {
    const index = sides.indexOf(party);
    if (index >= 0) return index;
    return party === 'civilians' ? sides.length : sides.length + 1;
}

function partyColour(party) {
    if (party === 'civilians') return '#546e7a';
    if (party === 'unknown') return '#8d6e63';
    return sideColour(party);
}

function drawChart() {
    const days = state.days;
    const labels = days.map(d => d.date);
    const datasets = [];
    for (const party of parties(days)) {
        const colour = partyColour(party);
        const name = partyName(party);
        datasets.push({
            type: 'bar', label: `${name}, killed that day`, data: days.map(d => d.killed?.[party]?.best ?? 0),
            backgroundColor: colour, yAxisID: 'y', order: 2, barPercentage: 1, categoryPercentage: 0.9,
        });
        datasets.push({
            type: 'line', label: `${name}, cumulative`, data: days.map(d => d.cumulativeKilled?.[party]?.best ?? null),
            borderColor: colour, backgroundColor: colour, pointRadius: 0, borderWidth: 2, yAxisID: 'y1', order: 1,
            stepped: true,
        });
        datasets.push({
            type: 'line', label: 'band-low', data: days.map(d => d.cumulativeKilled?.[party]?.low ?? null),
            borderWidth: 0, pointRadius: 0, yAxisID: 'y1', order: 1, stepped: true,
        });
        datasets.push({
            type: 'line', label: 'band-high', data: days.map(d => d.cumulativeKilled?.[party]?.high ?? null),
            borderWidth: 0, pointRadius: 0, yAxisID: 'y1', order: 1, stepped: true,
            fill: '-1', backgroundColor: colour + '33',
        });
    }
    const config = {
        data: {labels, datasets},
        options: {
            animation: false,
            responsive: true,
            maintainAspectRatio: false,
            interaction: {mode: 'index', intersect: false},
            scales: {
                x: {ticks: {maxRotation: 0, autoSkip: true, maxTicksLimit: 10}},
                y: {beginAtZero: true, position: 'left', title: {display: true, text: 'killed that day'}},
                y1: {beginAtZero: true, position: 'right', grid: {drawOnChartArea: false},
                    title: {display: true, text: 'cumulative (low–high band)'}},
            },
            plugins: {
                legend: {labels: {filter: item => !item.text.startsWith('band-')}},
                tooltip: {filter: item => !item.dataset.label.startsWith('band-')},
            },
            onClick: (event, elements, c) => {
                const index = c.scales.x.getValueForPixel(event.x);
                if (index >= 0 && index < state.dates.length) goToDay(state.dates[Math.round(index)]);
            },
        },
        plugins: [currentDayMarker],
    };
    if (chart) chart.destroy();
    chart = new Chart($('chart'), config);
}

// ---- the day's panel ---------------------------------------------------------------------------

function renderControl(control) {
    const body = $('control').tBodies[0];
    body.replaceChildren();
    for (const entry of control) {
        body.append(el('tr', {'data-area': entry.area, 'data-side': entry.side, 'data-contested': String(!!entry.contested)},
            el('td', {class: 'area'}, areaName(entry.area)),
            el('td', {class: 'side'}, el('span', {class: 'side-dot', style: `background:${sideColour(entry.side)}`}),
                entry.side ? sideName(entry.side) : '–'),
            el('td', {class: 'extent'}, entry.extent || '–'),
            el('td', {class: 'since'}, entry.since || '–'),
            el('td', {class: 'contested'}, entry.contested ? 'contested' : '')));
    }
}

function renderCasualties(casualties) {
    const body = $('casualties').tBodies[0];
    body.replaceChildren();
    const day = casualties?.day || {};
    const cumulative = casualties?.cumulative || {};
    const sides = (state.chronicle.sides || []).map(s => s.id);
    const all = [...new Set([...Object.keys(day), ...Object.keys(cumulative)])]
        .sort((a, b) => rank(a, sides) - rank(b, sides) || a.localeCompare(b));
    if (all.length === 0) {
        body.append(el('tr', {}, el('td', {colspan: 5}, 'Nothing reported so far.')));
    }
    for (const party of all) {
        body.append(el('tr', {'data-party': party},
            el('td', {class: 'party'}, partyName(party)),
            el('td', {class: 'figure day-killed'}, figure(day[party]?.killed)),
            el('td', {class: 'figure day-wounded'}, figure(day[party]?.wounded)),
            el('td', {class: 'figure cumulative-killed'}, figure(cumulative[party]?.killed)),
            el('td', {class: 'figure cumulative-wounded'}, figure(cumulative[party]?.wounded))));
    }
}

function renderPeriodClaims(claims) {
    const box = $('period-claims');
    box.replaceChildren();
    if (!claims || claims.length === 0) return;
    const list = el('ul');
    for (const claim of claims) {
        const figures = (claim.casualties || [])
            .map(c => `${partyName(c.party)}: ${figure(c.killed)} killed, ${figure(c.wounded)} wounded`).join('; ');
        list.append(el('li', {}, el('span', {class: 'report-id'}, claim.reportId), ' ',
            `${claim.period?.start} to ${claim.period?.end}: ${figures}`));
    }
    box.append(el('h3', {}, 'Claims over a period that includes this day'), list);
}

function statusBadge(status) {
    if (!status || status === 'ACTIVE') return null;
    return el('span', {class: `badge status status-${status.toLowerCase()}`}, status.toLowerCase());
}

function sourcesList(sources) {
    const list = el('ul', {class: 'sources'});
    for (const source of sources || []) {
        const title = source.name || '(untitled)';
        let name = title;
        if (source.url && /^https?:\/\//i.test(source.url)) {
            name = el('a', {href: source.url, rel: 'noopener noreferrer', target: '_blank'}, title);
        }
        list.append(el('li', {}, name,
            source.publisher ? ` (${source.publisher})` : '',
            source.publishedOn ? `, ${source.publishedOn}` : ''));
    }
    return list;
}

function renderReports(reports) {
    const list = $('reports');
    list.replaceChildren();
    if (!reports || reports.length === 0) {
        list.append(el('li', {class: 'empty'}, 'No report dated this day.'));
        return;
    }
    for (const report of reports) {
        const history = el('details', {class: 'history'}, el('summary', {}, `Version history (version ${report.version})`));
        history.addEventListener('toggle', () => {
            if (history.open && !history.dataset.loaded) loadHistory(report.reportId, history);
        });
        const recorded = state.recorded?.reportId === report.reportId ? state.recorded : null;
        list.append(el('li', {'data-report': report.reportId, 'data-status': report.status},
            el('div', {},
                el('span', {class: 'badge type'}, report.type),
                statusBadge(report.status),
                el('span', {class: 'report-id'}, report.reportId),
                report.area ? ` · ${areaName(report.area)}` : ''),
            recorded ? el('p', {class: 'correction-recorded', role: 'status', 'data-version': recorded.version},
                `Version ${recorded.version} recorded`) : null,
            el('div', {class: 'summary'}, report.summary || ''),
            sourcesList(report.sources),
            history));
        if (recorded) history.open = true;
    }
    state.recorded = null;
}

async function loadHistory(reportId, container) {
    container.dataset.loaded = 'loading';
    const requestedFor = state.chronicleId;
    try {
        const answer = await get(`${chroniclePath()}/reports/${encodeURIComponent(reportId)}`,
            {asKnownAt: state.asKnownAt});
        if (requestedFor !== state.chronicleId) return;
        const list = el('ol', {class: 'versions'});
        for (const entry of answer.history || []) {
            const item = el('li', {'data-version': entry.version, 'data-kind': entry.kind},
                el('strong', {}, entry.kind.toLowerCase().replace('_', ' ')),
                ` · version ${entry.version} · recorded ${entry.recordedAt}`,
                entry.recordedBy ? ` by ${entry.recordedBy}` : '');
            if (entry.reason) item.append(el('div', {class: 'reason'}, `Reason: ${entry.reason}`));
            if (entry.report) {
                const r = entry.report;
                const when = r.date || (r.period ? `${r.period.start} to ${r.period.end}` : '');
                const figures = (r.casualties || [])
                    .map(c => `${partyName(c.party)} ${figure(c.killed)} killed, ${figure(c.wounded)} wounded`).join('; ');
                const control = r.control ? ` · control to ${sideName(r.control.to)} (${r.control.extent})` : '';
                item.append(el('div', {class: 'version-content'},
                    `${r.type} · ${when}${r.area ? ' · ' + areaName(r.area) : ''}${control}${figures ? ' · ' + figures : ''}`),
                    el('div', {class: 'summary'}, r.summary || ''));
            }
            list.append(item);
        }
        container.append(list);
        if (isEditor() && !state.asKnownAt && answer.report) {
            const button = el('button', {type: 'button', class: 'correct'}, 'Correct this report');
            button.addEventListener('click', () => {
                button.hidden = true;
                container.append(correctionForm(reportId, answer.report, answer.version, () => {
                    button.hidden = false;
                }));
            });
            container.append(button);
        }
        container.dataset.loaded = 'true';
    } catch (error) {
        container.dataset.loaded = '';
        container.append(el('p', {class: 'problem'}, error.message));
    }
}

// ---- signing in ------------------------------------------------------------------------------

const isEditor = () => !!state.account.signedIn && (state.account.roles || []).includes('EDITOR');

function renderAccount() {
    const who = $('signed-in-as');
    if (state.account.signedIn) {
        who.textContent = `Signed in as ${state.account.username} (${(state.account.roles || []).join(', ')})`;
    } else {
        who.textContent = '';
    }
    who.hidden = !state.account.signedIn;
    $('sign-out').hidden = !state.account.signedIn;
    $('sign-in-box').hidden = !!state.account.signedIn;
    document.body.dataset.signedIn = String(!!state.account.signedIn);
}

async function loadAccount() {
    try {
        state.account = await get('api/v1/session');
    } catch (error) {
        state.account = {signedIn: false};
    }
    renderAccount();
}

async function signIn(event) {
    event.preventDefault();
    const problem = $('sign-in-problem');
    problem.hidden = true;
    const answer = await send('POST', 'api/v1/session',
        {username: $('sign-in-username').value, password: $('sign-in-password').value});
    $('sign-in-password').value = '';
    if (answer.status !== 200) {
        problem.textContent = answer.json?.detail || `Not signed in (${answer.status})`;
        problem.hidden = false;
        return;
    }
    state.account = answer.json;
    $('sign-in-box').open = false;
    renderAccount();
    showDay();
}

async function signOut() {
    await send('DELETE', 'api/v1/session');
    state.account = {signedIn: false};
    renderAccount();
    showDay();
}

// ---- corrections -------------------------------------------------------------------------------

const REPORT_FIELDS = ['type', 'date', 'latestDate', 'period', 'area', 'summary', 'sources', 'casualties',
    'shelling', 'defection', 'control', 'origin'];

/**
 * A correction of one report: the current version's content with its summary and casualty figures
 * editable, the rest carried over; a reason and the source of the correction. The contract's
 * validation errors are shown next to the input of the field they name.
 */
function correctionForm(reportId, current, version, onClose) {
    const form = el('form', {class: 'correction', 'data-report': reportId, novalidate: true});
    const problems = el('ul', {class: 'form-problems', role: 'alert'});
    problems.hidden = true;
    const fields = new Map();
    const input = (label, field, value, attributes = {}) => {
        const box = attributes.multiline
            ? el('textarea', {name: field, 'data-field': field, rows: 3})
            : el('input', {name: field, 'data-field': field, type: attributes.type || 'text'});
        box.value = value ?? '';
        const error = el('span', {class: 'field-error', 'data-error-for': field});
        fields.set(field, {box, error});
        return el('label', {class: 'field'}, label, ' ', box, error);
    };
    const today = new Date().toISOString().slice(0, 10);
    form.append(el('h4', {}, `Correct ${reportId} (now version ${version})`), problems,
        input('Reason', 'reason', ''),
        el('fieldset', {}, el('legend', {}, 'Source of the correction'),
            input('Name', 'sources[0].name', ''),
            input('Published on', 'sources[0].publishedOn', today, {type: 'date'})),
        input('Summary', 'report.summary', current.summary, {multiline: true}));
    (current.casualties || []).forEach((count, i) => {
        const figureInputs = kind => ['low', 'best', 'high'].map(bound =>
            input(`${kind} ${bound}`, `report.casualties[${i}].${kind}.${bound}`, count[kind]?.[bound], {type: 'number'}));
        form.append(el('fieldset', {'data-party': count.party},
            el('legend', {}, `Casualties: ${partyName(count.party)}`),
            ...figureInputs('killed'), ...figureInputs('wounded')));
    });
    const status = el('p', {class: 'correction-status', role: 'status'});
    const submit = el('button', {type: 'submit', class: 'submit-correction'}, 'Record the correction');
    const cancel = el('button', {type: 'button', class: 'cancel-correction'}, 'Cancel');
    cancel.addEventListener('click', () => {
        form.remove();
        onClose();
    });
    form.append(el('div', {}, submit, ' ', cancel), status);

    const value = field => fields.get(field).box.value.trim();
    const number = field => {
        const text = value(field);
        if (text === '') return null;
        const n = Number(text);
        return Number.isInteger(n) ? n : text;
    };
    const figureOf = (i, kind) => {
        const [low, best, high] = ['low', 'best', 'high'].map(b => number(`report.casualties[${i}].${kind}.${b}`));
        return low === null && best === null && high === null ? null : {low, best, high};
    };
    const body = () => {
        const report = {};
        for (const name of REPORT_FIELDS) {
            if (current[name] !== null && current[name] !== undefined) report[name] = current[name];
        }
        report.summary = value('report.summary');
        report.casualties = (current.casualties || []).map((count, i) => {
            const corrected = {party: count.party};
            const killed = figureOf(i, 'killed');
            const wounded = figureOf(i, 'wounded');
            if (killed) corrected.killed = killed;
            if (wounded) corrected.wounded = wounded;
            return corrected;
        });
        return {
            reason: value('reason'),
            sources: [{name: value('sources[0].name'), publishedOn: value('sources[0].publishedOn') || null}],
            report,
            expectedVersion: version,
        };
    };
    const clearErrors = () => {
        problems.replaceChildren();
        problems.hidden = true;
        status.textContent = '';
        for (const {box, error} of fields.values()) {
            error.textContent = '';
            box.removeAttribute('aria-invalid');
        }
    };
    const showErrors = answer => {
        const errors = answer.json?.errors || [];
        for (const {field, message} of errors) {
            const known = fields.get(field);
            if (known) {
                known.error.textContent = known.error.textContent ? `${known.error.textContent}; ${message}` : message;
                known.box.setAttribute('aria-invalid', 'true');
            } else {
                problems.append(el('li', {'data-field': field || ''}, field ? `${field}: ${message}` : message));
            }
        }
        if (errors.length === 0) {
            problems.append(el('li', {}, answer.json?.detail || answer.json?.title || `Not recorded (${answer.status})`));
        }
        problems.hidden = problems.children.length === 0;
    };
    form.addEventListener('submit', async event => {
        event.preventDefault();
        clearErrors();
        submit.disabled = true;
        try {
            const answer = await send('POST',
                `${chroniclePath()}/reports/${encodeURIComponent(reportId)}/corrections`, body());
            if (answer.status === 201) {
                status.textContent = `Version ${answer.json.version} recorded`;
                state.recorded = {reportId, version: answer.json.version};
                state.consistentWith = answer.json.position;
                state.daysFor = null;
                await showDay();
                state.consistentWith = null;
            } else {
                showErrors(answer);
            }
        } catch (error) {
            problems.append(el('li', {}, `Not recorded: ${error.message}`));
            problems.hidden = false;
        } finally {
            submit.disabled = false;
        }
    });
    return form;
}

// ---- loading -----------------------------------------------------------------------------------

function renderBanner() {
    const parts = [];
    if (state.asReported) parts.push(`As reported: the news as it stood on ${state.day} (asReportedBy=${state.day}).`);
    if (state.asKnownAt) parts.push(`As known at ${state.asKnownAt}: what the chronicle held then.`);
    const banner = $('banner');
    banner.textContent = parts.join(' ');
    banner.hidden = parts.length === 0;
}

function renderDayControl() {
    const index = Math.max(0, state.dates.indexOf(state.day));
    const slider = $('day');
    slider.max = String(Math.max(0, state.dates.length - 1));
    slider.value = String(index);
    slider.setAttribute('aria-valuetext', state.day || '');
    $('day-label').textContent = state.day || '';
    $('step-back').disabled = index <= 0;
    $('step-forward').disabled = index >= state.dates.length - 1;
    $('as-reported').checked = state.asReported;
    $('as-known-at').value = state.asKnownAt ? state.asKnownAt.replace(/Z$/, '').slice(0, 23) : '';
}

/** The chronicle's definition and the period's rows: again when the chronicle or a time axis changes. */
async function loadChronicle() {
    const knownAt = {asKnownAt: state.asKnownAt};
    state.chronicle = await get(chroniclePath(), knownAt);
    $('chronicle-name').textContent = state.chronicle.name || '';
    document.title = `Chronicle: ${state.chronicle.name || state.chronicleId}`;
    const start = new Date(`${state.chronicle.period.start}T00:00:00Z`);
    const end = new Date(`${state.chronicle.period.end}T00:00:00Z`);
    state.dates = [];
    for (let d = start; d <= end; d = new Date(d.getTime() + 86400000)) {
        state.dates.push(d.toISOString().slice(0, 10));
    }
    if (!state.dates.includes(state.day)) state.day = state.dates[0];
    drawAreas();
    drawLegend();
    state.daysFor = null;
}

async function loadDays() {
    const key = JSON.stringify([state.chronicleId, state.asKnownAt, state.asReported ? state.day : null]);
    if (state.daysFor === key) return;
    state.days = await get(`${chroniclePath()}/days`, {...timeAxes(state.day), consistentWith: state.consistentWith});
    state.daysFor = key;
    drawChart();
}

async function showDay() {
    const request = ++state.dayRequest;
    document.body.dataset.ready = 'false';
    renderDayControl();
    renderBanner();
    try {
        const [answer] = await Promise.all([
            get(`${chroniclePath()}/days/${state.day}`, {...timeAxes(state.day), consistentWith: state.consistentWith}),
            loadDays(),
        ]);
        if (request !== state.dayRequest) return;
        $('day-title').textContent = `${state.day}${state.asReported ? ' (as reported that day)' : ''}`;
        colourMap(answer.control || []);
        renderControl(answer.control || []);
        renderCasualties(answer.casualties);
        renderPeriodClaims(answer.periodClaims);
        renderReports(answer.reports);
        chart?.update('none');
        document.body.dataset.day = state.day;
        document.body.dataset.ready = 'true';
        showProblem(null);
    } catch (error) {
        if (request === state.dayRequest) showProblem(error);
    }
}

async function apply(view) {
    document.body.dataset.ready = 'false';
    const chronicleChanged = view.chronicle !== state.chronicleId;
    const knownAtChanged = (view.asKnownAt || null) !== state.asKnownAt;
    state.chronicleId = view.chronicle;
    state.day = view.day;
    state.asKnownAt = view.asKnownAt || null;
    state.asReported = !!view.asReported;
    state.daysFor = chronicleChanged || knownAtChanged ? null : state.daysFor;
    $('chronicle').value = state.chronicleId;
    try {
        if (chronicleChanged || knownAtChanged || !state.chronicle) await loadChronicle();
        if (!state.dates.includes(state.day)) state.day = state.dates[0];
        await showDay();
    } catch (error) {
        showProblem(error);
    }
}

function goToDay(day) {
    if (!day || day === state.day) return;
    state.day = day;
    writeUrl();
    showDay();
}

function step(by) {
    const index = state.dates.indexOf(state.day) + by;
    if (index >= 0 && index < state.dates.length) goToDay(state.dates[index]);
}

function togglePlay() {
    const button = $('play');
    if (state.playing) {
        clearInterval(state.playing);
        state.playing = null;
        button.textContent = '▶';
        button.setAttribute('aria-label', 'Play');
        return;
    }
    if (state.dates.indexOf(state.day) >= state.dates.length - 1) goToDay(state.dates[0]);
    state.playing = setInterval(() => {
        if (state.dates.indexOf(state.day) >= state.dates.length - 1) {
            togglePlay();
        } else {
            step(1);
        }
    }, 1000);
    button.textContent = '⏸';
    button.setAttribute('aria-label', 'Pause');
}

function wire() {
    $('chronicle').addEventListener('change', event => {
        apply({chronicle: event.target.value, day: null, asKnownAt: state.asKnownAt, asReported: state.asReported})
            .then(() => writeUrl());
    });
    $('day').addEventListener('input', event => goToDay(state.dates[Number(event.target.value)]));
    $('step-back').addEventListener('click', () => step(-1));
    $('step-forward').addEventListener('click', () => step(1));
    $('play').addEventListener('click', togglePlay);
    $('as-reported').addEventListener('change', event => {
        state.asReported = event.target.checked;
        state.daysFor = null;
        writeUrl();
        showDay();
    });
    $('as-known-at').addEventListener('change', event => {
        const value = event.target.value;
        const instant = value ? new Date(`${value}Z`) : null;
        const asKnownAt = instant && !Number.isNaN(instant.getTime()) ? instant.toISOString() : null;
        apply({chronicle: state.chronicleId, day: state.day, asKnownAt, asReported: state.asReported})
            .then(() => writeUrl());
    });
    $('sign-in-form').addEventListener('submit', signIn);
    $('sign-out').addEventListener('click', signOut);
    $('known-now').addEventListener('click', () => {
        apply({chronicle: state.chronicleId, day: state.day, asKnownAt: null, asReported: state.asReported})
            .then(() => writeUrl());
    });
    document.addEventListener('keydown', event => {
        const target = event.target;
        const typing = target instanceof HTMLInputElement || target instanceof HTMLSelectElement
            || target instanceof HTMLTextAreaElement || target instanceof HTMLButtonElement
            || target.closest?.('details');
        if (typing || event.altKey || event.ctrlKey || event.metaKey) return;
        if (event.key === 'ArrowLeft') step(-1);
        else if (event.key === 'ArrowRight') step(1);
        else if (event.key === ' ') togglePlay();
        else if (event.key === 'Home') goToDay(state.dates[0]);
        else if (event.key === 'End') goToDay(state.dates[state.dates.length - 1]);
        else return;
        event.preventDefault();
    });
    window.addEventListener('popstate', () => {
        const view = readUrl();
        apply({...view, chronicle: view.chronicle || state.chronicleId});
    });
}

async function start() {
    wire();
    try {
        state.settings = await get('page/settings');
    } catch (error) {
        state.settings = {};
    }
    setUpMap();
    await loadAccount();
    try {
        state.chronicles = await get('api/v1/chronicles');
    } catch (error) {
        showProblem(error);
        return;
    }
    const picker = $('chronicle');
    picker.replaceChildren(...state.chronicles.map(c => el('option', {value: c.chronicleId}, c.name || c.chronicleId)));
    if (state.chronicles.length === 0) {
        showProblem(new Problem('No chronicle recorded yet.'));
        return;
    }
    const view = readUrl();
    const known = state.chronicles.some(c => c.chronicleId === view.chronicle);
    await apply({...view, chronicle: known ? view.chronicle : state.chronicles[0].chronicleId});
    // The URL names the view shown, even when the page was opened without one.
    writeUrl(true);
}

start();
