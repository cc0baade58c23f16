// The annotator view: pick a project, give a name, then one correction query at a time, answered with the keyboard.
// Leases are taken ahead and renewed while the page is open, the next crops are fetched and decoded before they are
// needed, answers go out in the background (AnswerSender), and when nothing is left the view says why, kept current by
// the project's server-sent events.

import { h, toast, textOn } from './dom.js';
import { AnswerSender } from './answer-sender.js';
import { followEvents } from './events.js';
import { ClassPicker } from './class-picker.js';

const LEASE_MORE_BELOW = 4;   // lease again when fewer cards than this wait
const LEASE_STEP = 10;        // how many more to ask for
const PREFETCH = 3;           // crops decoded ahead of the card shown
const NAME_STORAGE = 'alc.annotator';

export function mountAnnotate(root, api) {
  const abort = new AbortController();
  let session = null;
  root.replaceChildren(h('section', { class: 'panel', 'aria-labelledby': 'annotate-title' },
    h('h2', { id: 'annotate-title' }, 'Correct labels'), h('p', { id: 'annotate-loading' }, 'Loading projects…')));
  api.get('/annotation/projects', { signal: abort.signal })
    .then(projects => renderStart(projects))
    .catch(error => {
      if (abort.signal.aborted) return;
      root.querySelector('#annotate-loading').textContent = error.status === 401
        ? 'This engine needs an API key: choose "API key" above.'
        : `Could not load the projects: ${error.message}`;
    });

  function renderStart(projects) {
    const select = h('select', { id: 'project-select', required: true },
      projects.map(p => h('option', { value: p.id }, `${p.name} (${describeRound(p)})`)));
    const name = h('input', { id: 'annotator-name', type: 'text', required: true, autocomplete: 'username',
      value: localStorage.getItem(NAME_STORAGE) || '', maxlength: 200 });
    const form = h('form', { id: 'start-form', class: 'start', onsubmit: event => {
      event.preventDefault();
      const annotator = name.value.trim();
      if (!annotator) { name.focus(); return; }
      localStorage.setItem(NAME_STORAGE, annotator);
      const project = projects.find(p => String(p.id) === select.value);
      session = startSession(root, api, project, annotator, abort.signal);
    } },
      h('label', { for: 'project-select' }, 'Project'), select,
      h('label', { for: 'annotator-name' }, 'Your name'), name,
      h('button', { type: 'submit', class: 'primary', id: 'start-button' }, 'Start correcting'));
    root.replaceChildren(h('section', { class: 'panel', 'aria-labelledby': 'annotate-title' },
      h('h2', { id: 'annotate-title' }, 'Correct labels'),
      projects.length ? form : h('p', { id: 'no-projects' }, 'No projects yet: a lead creates one first.')));
    (projects.length ? select : root).focus();
  }

  return { unmount() { abort.abort(); session?.stop(); } };
}

function describeRound(view) {
  const round = view.round;
  if (!round) return 'no round yet';
  return `round ${round.number} ${round.state}`;
}

function startSession(root, api, project, annotator, outerSignal) {
  const abort = new AbortController();
  outerSignal.addEventListener('abort', () => abort.abort());
  const classes = project.classes;
  let view = project;
  let cards = [];                 // leased queries not yet answered here, the shown one first
  const known = new Set();        // every query id this page has held
  const given = new Map();        // query id → card, for answers not yet acknowledged (undo brings the card back)
  let answeredHere = 0, leasing = false, renewTimer = null, showingContext = false, sequence = 0, lastRemaining = null;

  const sender = new AnswerSender(api, project.id, annotator, {
    onSent: (response, batch) => {
      answeredHere += response.accepted;
      lastRemaining = response.remaining;
      for (const answer of batch.answers) given.delete(answer.queryId);
      renderProgress();
      if (cards.length === 0) renderStatus();
    },
    onRejected: (error, batch) => {
      for (const answer of batch.answers) given.delete(answer.queryId);
      toast(`The engine refused ${batch.answers.length} answer(s): ${error.message}`);
      renderProgress();
      renderStatus();
    },
  });

  // The card.
  const swatch = h('span', { class: 'swatch large', 'aria-hidden': 'true' });
  const shownName = h('span', { id: 'shown-name' });
  const figure = h('figure', { id: 'card-figure' });
  const question = h('p', { class: 'question', id: 'card-question' });
  const viewToggle = h('button', { type: 'button', id: 'toggle-view', 'aria-pressed': 'false', onclick: () => toggleContext() }, 'Whole image ', h('kbd', {}, 'V'));
  const picker = new ClassPicker(classes, id => { answer('correct', id); card.focus(); }, () => card.focus());
  const card = h('article', { id: 'card', class: 'card', tabindex: '-1', 'aria-labelledby': 'card-title', 'aria-describedby': 'card-question', hidden: true },
    h('h2', { id: 'card-title', class: 'shown' }, swatch, h('span', { class: 'visually-hidden' }, 'Shown label: '), shownName),
    question, figure,
    h('div', { class: 'actions', role: 'group', 'aria-label': 'Answer' },
      h('button', { type: 'button', class: 'primary', id: 'confirm', onclick: () => { answer('confirm'); card.focus(); } }, 'Right ', h('kbd', {}, 'Enter')),
      h('button', { type: 'button', id: 'unsure', onclick: () => { answer('unsure'); card.focus(); } }, 'Unsure ', h('kbd', {}, 'U')),
      h('button', { type: 'button', id: 'undo', onclick: () => { undo(); card.focus(); } }, 'Undo ', h('kbd', {}, '⌫')),
      h('button', { type: 'button', id: 'pick-class', onclick: () => picker.open() }, 'Other class… ', h('kbd', {}, '/')),
      viewToggle,
      h('button', { type: 'button', id: 'show-keys', onclick: () => document.getElementById('help-dialog').showModal() }, 'Keys ', h('kbd', {}, '?'))),
    h('ol', { class: 'classes', 'aria-label': 'Correct to class' }, classes.map((c, i) => h('li', {},
      h('button', { type: 'button', dataset: { classId: c.id }, onclick: () => { answer('correct', c.id); card.focus(); } },
        h('kbd', {}, i < 10 ? String((i + 1) % 10) : ''), h('span', { class: 'swatch', style: { background: c.color } }), c.name)))),
    picker.element);
  const status = h('div', { id: 'queue-status', class: 'status', role: 'status', 'aria-live': 'polite' });
  const progress = h('p', { id: 'progress', class: 'progress' });
  root.replaceChildren(h('section', { class: 'session', 'aria-label': `Correcting ${project.name} as ${annotator}` },
    h('p', { class: 'who' }, `${project.name} · ${annotator}`), status, card, progress));

  document.addEventListener('keydown', onKey);
  followEvents(api, `/annotation/projects/${project.id}/events`, (name, data) => {
    if (name !== 'project') return;
    view = data;
    if (view.round?.state === 'querying' && view.free > 0 && cards.length < LEASE_MORE_BELOW) refill();
    if (cards.length === 0) renderStatus();
    renderProgress();
  }, abort.signal);
  refill();

  function newCard(query) {
    return { query, image: null, context: null, startedAt: null, spentBefore: 0 };
  }

  function loadImage(path) {
    return api.imageUrl(path, abort.signal).then(async url => {
      const image = new Image();
      image.src = url;
      await image.decode();
      return image;
    });
  }

  function prefetch() {
    for (const next of cards.slice(0, PREFETCH + 1)) {
      if (!next.image) {
        next.image = loadImage(`/queries/${next.query.id}/crop.png`);
        next.image.catch(() => { next.image = null; });
      }
    }
  }

  async function refill() {
    if (leasing || abort.signal.aborted || cards.length >= LEASE_MORE_BELOW) return;
    leasing = true;
    try {
      const held = cards.length + sender.unacknowledged;
      const batch = await api.post(`/projects/${project.id}/leases`, { annotator, count: Math.min(held + LEASE_STEP, 100) }, { signal: abort.signal });
      merge(batch);
    } catch (error) {
      if (!abort.signal.aborted) toast(`Could not lease queries: ${error.message}`);
    } finally {
      leasing = false;
    }
    if (cards.length > 0 && card.hidden) show();
    else if (cards.length === 0) renderStatus();
  }

  function merge(batch) {
    lastRemaining = batch.remaining;
    for (const query of batch.queries) {
      if (!known.has(query.id)) {
        known.add(query.id);
        cards.push(newCard(query));
      }
    }
    if (batch.queries.length && !renewTimer) {
      const ttl = Date.parse(batch.queries[0].leaseExpiresAt) - Date.now();
      renewTimer = setInterval(renew, Math.min(Math.max(ttl / 3, 5000), 300000));
    }
    prefetch();
    renderProgress();
  }

  // Asking for exactly what this page holds renews those leases and takes no new ones.
  async function renew() {
    const held = cards.length + sender.unacknowledged;
    if (held === 0 || leasing || abort.signal.aborted) return;
    try {
      merge(await api.post(`/projects/${project.id}/leases`, { annotator, count: Math.min(held, 100) }, { signal: abort.signal }));
    } catch { /* the next renewal tries again */ }
  }

  async function show(measure) {
    const current = cards[0];
    if (!current) {
      card.hidden = true;
      renderStatus();
      sender.flush();
      return;
    }
    const query = current.query;
    const shown = classes[query.shownLabel];
    card.hidden = false;
    status.replaceChildren();
    status.dataset.state = 'card';
    shownName.textContent = query.shownClass;
    swatch.style.background = shown ? shown.color : '#808080';
    swatch.style.color = shown ? textOn(shown.color) : '#fff';
    question.textContent = query.kind === 'region'
      ? `Is the outlined region ${query.shownClass}? Confirm, or pick the right class.`
      : `Is the marked pixel ${query.shownClass}? Confirm, or pick the right class for its outlined superpixel.`;
    showingContext = false;
    viewToggle.setAttribute('aria-pressed', 'false');
    prefetch();
    if (!current.image) current.image = loadImage(`/queries/${query.id}/crop.png`);
    let image;
    try {
      image = await current.image;
    } catch {
      figure.replaceChildren(h('p', { class: 'error' }, 'The picture could not be loaded.'));
      return;
    }
    if (cards[0] !== current) return;
    image.alt = `Query ${query.id}: image ${query.imageId}, pixel (${query.x}, ${query.y}), marked; the ${query.kind === 'region' ? 'region' : 'superpixel'} the answer covers is outlined; it is labelled ${query.shownClass}.`;
    image.id = 'card-image';
    figure.replaceChildren(image);
    // The card counts as shown (and answerable: keys before this are ignored) once its picture is in place.
    card.dataset.queryId = query.id;
    card.dataset.kind = query.kind;
    current.startedAt = performance.now();
    if (measure !== undefined) {
      requestAnimationFrame(() => setTimeout(() => performance.measure('alc:next-card', `alc:answer:${measure}`), 0));
    }
  }

  async function toggleContext() {
    const current = cards[0];
    if (!current) return;
    showingContext = !showingContext;
    viewToggle.setAttribute('aria-pressed', String(showingContext));
    if (!showingContext) {
      figure.replaceChildren(await current.image);
      return;
    }
    if (!current.context) current.context = loadImage(`/queries/${current.query.id}/context.png`);
    const image = await current.context;
    image.alt = `Image ${current.query.imageId} whole, with its current labels in the class colours; the queried pixel is marked.`;
    if (cards[0] === current && showingContext) figure.replaceChildren(image);
  }

  function answer(verdict, label) {
    const current = cards[0];
    if (!current || !current.startedAt) return;
    if (verdict === 'correct' && label === current.query.shownLabel) verdict = 'confirm';
    const elapsedMs = Math.min(Math.round(current.spentBefore + performance.now() - current.startedAt), 86400000);
    const seq = ++sequence;
    performance.mark(`alc:answer:${seq}`);
    const item = verdict === 'correct' ? { queryId: current.query.id, verdict, label, elapsedMs } : { queryId: current.query.id, verdict, elapsedMs };
    given.set(current.query.id, current);
    cards.shift();
    sender.add(item);
    show(seq);
    renderProgress();
    if (cards.length < LEASE_MORE_BELOW) refill();
  }

  function undo() {
    const taken = sender.undo();
    if (!taken) {
      toast('Nothing to undo: your answers have been sent.');
      return;
    }
    const back = given.get(taken.queryId);
    given.delete(taken.queryId);
    back.spentBefore = taken.elapsedMs;
    cards.unshift(back);
    toast(`Undone: query ${taken.queryId} is back.`);
    show();
    renderProgress();
  }

  function onKey(event) {
    if (abort.signal.aborted || document.querySelector('dialog[open]') || picker.isOpen) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target.matches?.('input, select, textarea')) return;
    const onControl = target.matches?.('button, a, summary');
    const key = event.key;
    if (key === '?') { document.getElementById('help-dialog').showModal(); event.preventDefault(); return; }
    if (card.hidden && key !== 'Backspace') return;
    if ((key === 'Enter' || key === ' ') && !onControl) answer('confirm');
    else if (/^[0-9]$/.test(key)) {
      const index = key === '0' ? 9 : Number(key) - 1;
      if (index < classes.length) answer('correct', classes[index].id);
    } else if (key === 'u' || key === 'U') answer('unsure');
    else if (key === 'Backspace') undo();
    else if (key === '/') picker.open();
    else if (key === 'v' || key === 'V') toggleContext();
    else return;
    event.preventDefault();
  }

  function renderStatus() {
    if (cards.length > 0) return;
    const round = view.round;
    let state, text;
    if (sender.unacknowledged > 0) [state, text] = ['sending', 'Sending your last answers…'];
    else if (!round) [state, text] = ['none', 'No round has started yet: the first round starts when a lead starts it.'];
    else if (round.state === 'training' || round.state === 'scoring') {
      const percent = Math.round(100 * (view.job?.progress ?? 0));
      [state, text] = ['training', `Round ${round.number} is ${round.state} (${percent} %). Queries appear here when it is ready.`];
    } else if (round.state === 'closed') [state, text] = ['closed', `Round ${round.number} closed — the next round starts when a lead starts it.`];
    else if (view.free > 0 || leasing) [state, text] = ['loading', 'Fetching queries…'];
    else [state, text] = ['empty', `No queries left for you: the rest of round ${round.number} is with other annotators (${round.queries - round.answered} unanswered).`];
    status.dataset.state = state;
    status.replaceChildren(h('p', {}, text));
    card.hidden = true;
  }

  function renderProgress() {
    const round = view.round;
    progress.dataset.unsent = String(sender.pending.length);
    progress.textContent = `Answered here: ${answeredHere} · waiting to send: ${sender.unacknowledged}` +
      (round ? ` · round ${round.number}: ${lastRemaining ?? round.queries - round.answered} unanswered` : '');
  }

  return {
    stop() {
      abort.abort();
      sender.flush().finally(() => sender.stop());
      clearInterval(renewTimer);
      document.removeEventListener('keydown', onKey);
    },
  };
}
