// The lead's dashboard: projects and rounds, the per-round metrics as charts (Data and Model mIoU against clicks; clicks,
// bits and seconds per round), corrections per class, the automated-correction record, annotator throughput, D0 against
// D_t per image, and starting or closing a round (an admin key) with the job's live progress from its server-sent events.

import { h, toast } from './dom.js';
import { barChart, lineChart } from './charts.js';
import { readEvents } from './events.js';
import { changedPixels } from './label-diff.js';

export function mountDashboard(root, api) {
  const abort = new AbortController();
  const signal = abort.signal;
  let projects = [], project = null, following = null;
  root.replaceChildren(h('section', { class: 'panel' }, h('h2', {}, 'Dashboard'), h('p', { id: 'dashboard-loading' }, 'Loading…')));
  load();

  async function load(selectId) {
    try {
      projects = await api.get('/projects', { signal });
    } catch (error) {
      if (signal.aborted) return;
      root.replaceChildren(h('section', { class: 'panel' }, h('h2', {}, 'Dashboard'),
        h('p', { id: 'dashboard-error', class: 'error', role: 'alert' }, error.status === 403
          ? 'The dashboard needs an admin key: this key may only lease and answer queries (and cannot start or close rounds).'
          : error.status === 401 ? 'This engine needs an API key: choose "API key" above.' : `Could not load the projects: ${error.message}`)));
      return;
    }
    const select = h('select', { id: 'dashboard-project', onchange: () => show(Number(select.value)) },
      projects.map(p => h('option', { value: p.id }, p.name)));
    root.replaceChildren(h('section', { class: 'panel', 'aria-labelledby': 'dashboard-title' },
      h('h2', { id: 'dashboard-title' }, 'Dashboard'),
      projects.length
        ? h('div', { class: 'row' }, h('label', { for: 'dashboard-project' }, 'Project'), select)
        : h('p', {}, 'No projects yet (create one with POST /projects or `alc projects create`).'),
      h('div', { id: 'dashboard-body' })));
    if (projects.length) {
      const id = selectId ?? projects[0].id;
      select.value = String(id);
      await show(id);
    }
  }

  async function show(projectId) {
    project = projects.find(p => p.id === projectId);
    const body = root.querySelector('#dashboard-body');
    const [rounds, metrics, throughput] = await Promise.all([
      api.get(`/projects/${projectId}/rounds`, { signal }),
      api.get(`/projects/${projectId}/metrics`, { signal }),
      api.get(`/projects/${projectId}/annotators`, { signal }),
    ]);
    const dataset = await api.get(`/datasets/${project.datasetId}`, { signal });
    body.replaceChildren(
      roundControls(rounds),
      h('div', { class: 'grid' },
        chartCard('Label quality', qualityChart(metrics), 'quality-chart'),
        chartCard('Cost per round', costCharts(metrics), 'cost-chart'),
        chartCard('Corrections per class', correctionsChart(metrics, dataset.classes), 'corrections-chart')),
      metricsTable(metrics),
      automatedTable(metrics),
      throughputTable(throughput),
      imageViewer(projectId, project.datasetId));
    const running = rounds.find(r => r.state === 'training' || r.state === 'scoring');
    if (running?.jobId) follow(running.jobId);
  }

  function chartCard(title, content, id) {
    return h('section', { class: 'card-box', id, 'aria-label': title }, h('h3', {}, title), content);
  }

  function roundControls(rounds) {
    const latest = rounds.at(-1);
    const busy = latest && (latest.state === 'training' || latest.state === 'scoring');
    const bar = h('progress', { id: 'job-progress', max: '1', value: '0', 'aria-label': 'Job progress', hidden: !busy });
    const message = h('p', { id: 'job-message', role: 'status', 'aria-live': 'polite' },
      latest ? `Round ${latest.number}: ${latest.state}, ${latest.answered} of ${latest.queries} answered.` : 'No round yet.');
    const start = h('button', { type: 'button', id: 'start-round', class: 'primary', disabled: busy || latest?.state === 'querying',
      onclick: () => act(() => api.post(`/projects/${project.id}/rounds`, undefined, { signal }), r => follow(r.job.id)) }, 'Start next round');
    const close = latest?.state === 'querying' ? h('button', { type: 'button', id: 'close-round',
      onclick: () => act(() => api.post(`/projects/${project.id}/rounds/${latest.number}/close`, undefined, { signal }), () => load(project.id)) },
      `Close round ${latest.number}`) : null;
    return h('section', { class: 'card-box', id: 'round-controls', 'aria-label': 'Rounds' },
      h('h3', {}, 'Rounds'), h('div', { class: 'row' }, start, close), bar, message,
      h('ol', { class: 'rounds' }, rounds.map(r => h('li', { dataset: { round: r.number, state: r.state } },
        `Round ${r.number}: ${r.state} (${r.answered}/${r.queries})`))));
  }

  async function act(request, then) {
    try {
      then(await request());
    } catch (error) {
      toast(error.status === 403 ? 'This key may not do that: starting and closing rounds needs an admin key.' : error.message);
      const message = root.querySelector('#job-message');
      if (message) message.textContent = error.message;
    }
  }

  // Live progress from the job's server-sent events; the page reloads the project when the job ends.
  async function follow(jobId) {
    if (following === jobId) return;
    following = jobId;
    const bar = root.querySelector('#job-progress');
    const message = root.querySelector('#job-message');
    bar.hidden = false;
    root.querySelector('#start-round').disabled = true;
    let last = null;
    try {
      await readEvents(api, `/jobs/${jobId}/events`, (name, job) => {
        last = job;
        bar.value = job.progress;
        bar.dataset.progress = job.progress;
        message.textContent = `Job ${job.id} ${job.state}: ${Math.round(100 * job.progress)} % — ${job.message ?? ''}`;
        message.dataset.state = job.state;
      }, signal);
    } catch (error) {
      if (signal.aborted) return;
      toast(`Lost the job's progress: ${error.message}`);
    }
    following = null;
    if (last && last.state !== 'succeeded') toast(`Job ${jobId} ${last.state}: ${last.error ?? ''}`);
    if (!signal.aborted) await load(project.id);
  }

  function qualityChart(metrics) {
    const data = [{ x: 0, y: metrics.initialDataMIoU, round: 0 }].filter(p => p.y != null);
    const model = [];
    for (const r of metrics.rounds) {
      if (r.dataMIoU != null) data.push({ x: r.cumulativeClicks, y: r.dataMIoU, round: r.round });
      if (r.modelMIoU != null) model.push({ x: r.cumulativeClicks, y: r.modelMIoU, round: r.round });
    }
    if (!data.length && !model.length) return h('p', {}, 'No mIoU yet: it needs ground truth, and a closed round.');
    return lineChart({ label: 'Data mIoU and Model mIoU against clicks', xLabel: 'clicks (cumulative)', yLabel: 'mIoU', yMax: 1,
      series: [{ name: 'Data mIoU', points: data }, { name: 'Model mIoU', points: model }] });
  }

  function costCharts(metrics) {
    if (!metrics.rounds.length) return h('p', {}, 'No rounds yet.');
    const by = key => metrics.rounds.map(r => ({ category: `R${r.round}`, value: +r[key].toFixed(1) }));
    return h('div', { class: 'stack' },
      barChart({ label: 'Clicks per round', xLabel: 'round', yLabel: 'clicks', bars: by('clicks') }),
      barChart({ label: 'Bits per round', xLabel: 'round', yLabel: 'bits', bars: by('bits') }),
      barChart({ label: 'Annotator seconds per round', xLabel: 'round', yLabel: 'seconds', bars: by('seconds') }));
  }

  function correctionsChart(metrics, classes) {
    const totals = new Map();
    for (const r of metrics.rounds) for (const [name, n] of Object.entries(r.correctionsPerClass)) totals.set(name, (totals.get(name) ?? 0) + n);
    if (!totals.size) return h('p', { id: 'no-corrections' }, 'No corrections yet.');
    const colour = name => classes.find(c => c.name === name)?.color;
    return barChart({ label: 'Corrections per class, all rounds', xLabel: 'class', yLabel: 'corrections',
      bars: [...totals].map(([category, value]) => ({ category, value, color: colour(category) })) });
  }

  function table(id, caption, headers, rows) {
    return h('table', { id }, h('caption', {}, caption),
      h('thead', {}, h('tr', {}, headers.map(x => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, rows.map(row => h('tr', {}, row.map(cell => h('td', {}, cell ?? '—'))))));
  }

  const fixed = (v, d = 3) => (v == null ? null : v.toFixed(d));

  function metricsTable(metrics) {
    return table('metrics-table', 'Per round', ['round', 'state', 'clicks', 'bits', 'seconds', 'Data mIoU', 'Model mIoU', 'precision'],
      metrics.rounds.map(r => [r.round, r.state, r.clicks, fixed(r.bits, 1), fixed(r.seconds, 1), fixed(r.dataMIoU), fixed(r.modelMIoU), fixed(r.precision, 2)]));
  }

  function automatedTable(metrics) {
    const rows = metrics.rounds.filter(r => r.automatedCorrection).map(r => {
      const a = r.automatedCorrection;
      return [r.round, a.pixels, a.superpixels, a.shareRight == null ? null : `${(100 * a.shareRight).toFixed(1)} %`, a.checks, a.checksAnswered, a.checkCorrections];
    });
    return table('automated-table', 'Automated correction (pixels relabelled without a click; region checks asked)',
      ['round', 'pixels', 'superpixels', 'share right', 'region checks', 'answered', 'corrected'], rows);
  }

  function throughputTable(rows) {
    return table('throughput-table', 'Annotators', ['annotator', 'answers', 'corrections', 'unsure', 'median s / query', 'queries / hour'],
      rows.map(r => [r.annotator, r.answers, r.corrections, r.unsure, fixed(r.medianSeconds, 1), r.queriesPerHour == null ? null : Math.round(r.queriesPerHour)]));
  }

  function imageViewer(projectId, datasetId) {
    const select = h('select', { id: 'image-select' });
    const view = h('div', { id: 'image-view', class: 'images' });
    const section = h('section', { class: 'card-box', id: 'image-compare', 'aria-label': 'D0 against D_t' },
      h('h3', {}, 'Labels of one image: D0 against D_t'),
      h('div', { class: 'row' }, h('label', { for: 'image-select' }, 'Image'), select,
        h('button', { type: 'button', id: 'image-show', onclick: () => draw() }, 'Show')), view);
    api.get(`/datasets/${datasetId}/images?split=train&limit=500`, { signal }).then(page => {
      select.replaceChildren(...page.items.map(i => h('option', { value: i.id }, i.stem)));
      if (page.items.length) draw();
    }).catch(() => {});

    async function draw() {
      const imageId = select.value;
      const base = `/datasets/${datasetId}/images/${imageId}`;
      const blobs = await Promise.all([
        api.blob(`${base}/photo`, signal), api.blob(`${base}/labels.png?source=pseudo`, signal),
        api.blob(`/projects/${projectId}/images/${imageId}/labels.png`, signal)]);
      const diff = await changedPixels(...blobs);
      const [photo, before, after] = blobs.map(b => URL.createObjectURL(b));
      diff.canvas.setAttribute('role', 'img');
      diff.canvas.setAttribute('aria-label', `${diff.changed} pixels changed between D0 and D_t, in magenta`);
      view.replaceChildren(
        h('figure', {}, h('img', { src: photo, alt: 'Photo' }), h('figcaption', {}, 'photo')),
        h('figure', {}, h('img', { src: before, alt: 'D0: the initial labels' }), h('figcaption', {}, 'D0')),
        h('figure', {}, h('img', { src: after, alt: 'D_t: the current labels' }), h('figcaption', {}, 'D_t')),
        h('figure', {}, diff.canvas, h('figcaption', { id: 'changed-count', dataset: { changed: diff.changed } }, `${diff.changed} pixels changed`)));
    }
    return section;
  }

  return { unmount() { abort.abort(); } };
}
