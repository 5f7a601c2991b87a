// The page: generate with live previews and the focus map, then re-edit
// regions of the result with a version history (issue 5, docs/design.md#http-api).
import { ApiError, createApi } from './api.js';
import { byId, randomSeed, renderCondition, renderModels, renderSizes } from './controls.js';
import { addVersion, current, selectVersion, startHistory, undo } from './history.js';
import { keepKey, startingKey } from './key.js';
import { offeredModels, parseSize } from './models.js';
import { editBody, generationBody, readPreview, readResult } from './payloads.js';
import { addProgress, describeResult, describeStats, emptyStats } from './stats.js';
import { createViewer } from './viewer.js';

/**
 * @typedef {import('../../../shared/src/http/responses').ModelView} Model
 * @typedef {import('../../../shared/src/http/responses').QueuedEvent} QueuedEvent
 * @typedef {import('../../../shared/src/http/responses').ProgressEvent} ProgressEvent
 * @typedef {import('../../../shared/src/http/responses').PreviewEvent} PreviewEvent
 * @typedef {{ map: Uint8Array, rows: number, cols: number }} Focus
 * @typedef {{ focus: Focus | null, timings: string }} VersionInfo what the page shows beside a version
 */

const ui = {
  key: byId('api-key'),
  model: byId('model'),
  size: byId('size'),
  seed: byId('seed'),
  steps: byId('steps'),
  ratio: byId('ratio'),
  ratioOut: byId('ratio-out'),
  generate: byId('generate'),
  cancel: byId('cancel'),
  showFocus: byId('show-focus'),
  progress: byId('progress'),
  status: byId('status'),
  timings: byId('timings'),
  error: byId('error'),
  region: byId('region'),
  editSeed: byId('edit-seed'),
  margin: byId('margin'),
  edit: byId('edit'),
  history: byId('history'),
  undo: byId('undo'),
};

const state = {
  /** @type {Model[]} the models the page offers */
  models: [],
  /** @type {Model | null} the model of the shown session */
  sessionModel: null,
  /** The session's image size (edits keep it). */
  size: { width: 0, height: 0 },
  /** @type {import('./history.js').History | null} */
  history: null,
  /** @type {Map<number, VersionInfo>} per version of the session */
  info: new Map(),
  /** @type {import('./viewer.js').Selection} */
  selection: null,
  /** @type {AbortController | null} */
  running: null,
};

const api = createApi({ apiKey: () => ui.key.value });
const viewer = createViewer({
  stage: byId('stage'),
  image: byId('image'),
  patch: byId('edit-preview'),
  focus: byId('focus'),
  box: byId('selection'),
  resampled: byId('resampled'),
  onSelection(selection) {
    state.selection = selection;
    describeRegion();
    refresh();
  },
});

function describeRegion() {
  const words = viewer.describe();
  if (!words) ui.region.textContent = 'No region selected.';
  else {
    const how = state.selection?.confirmed ? 'selected' : 'being chosen (Enter confirms)';
    const resampled = words.resampled
      ? `Re-sampled with the ${ui.margin.value}-token margin: ${words.resampled}.`
      : 'Re-sampled: exactly the selection (no margin).';
    ui.region.textContent = `Region ${how}: ${words.selected}. ${resampled}`;
  }
}

function refresh() {
  const busy = state.running !== null;
  ui.generate.disabled = busy || state.models.length === 0;
  ui.cancel.disabled = !busy;
  ui.edit.disabled = busy || !state.history || !state.selection?.confirmed;
  ui.undo.disabled = busy || !state.history || current(state.history).parent === null;
  ui.showFocus.disabled = !busy && !shownInfo()?.focus;
}

/** @param {string} text */
function showError(text) {
  ui.error.textContent = text;
}

/** @param {unknown} e */
const message = (e) => (e instanceof Error ? e.message : String(e));

function selectedModel() {
  return state.models.find((m) => m.name === ui.model.value) ?? null;
}

function onModelChange() {
  const m = selectedModel();
  if (!m) return;
  renderCondition('condition', m.labels, undefined, m.prompted);
  renderSizes(ui.size, m.sizes);
  ui.size.disabled = false;
  if (!state.history) renderCondition('edit-condition', m.labels, undefined, m.prompted);
  ui.steps.value = String(m.recommendedSteps || 28);
}

async function loadModels() {
  if (!ui.key.value.trim()) {
    ui.status.textContent = 'Enter the API key to start.';
    return;
  }
  ui.status.textContent = 'Loading the models…';
  try {
    const all = (await api.listModels()).models;
    state.models = offeredModels(all);
    renderModels(ui.model, state.models, ui.model.value);
    onModelChange();
    showError('');
    ui.status.textContent = state.models.length
      ? 'Pick a model and press Generate.'
      : `The GPU nodes serve no model trained for any size (${all.map((m) => m.name).join(', ') || 'none'}).`;
  } catch (e) {
    state.models = [];
    renderModels(ui.model, []);
    ui.status.textContent = '';
    showError(`Could not load the models: ${message(e)}`);
  }
  refresh();
}

/** The shown version's info, if any. */
function shownInfo() {
  return state.history ? (state.info.get(state.history.selected) ?? null) : null;
}

/** Shows or hides the focus map of the shown version (the box's state). */
function applyFocusToggle() {
  const focus = shownInfo()?.focus;
  if (ui.showFocus.checked && focus) viewer.drawFocus(focus.map, focus.rows, focus.cols);
  viewer.showFocus(ui.showFocus.checked && Boolean(focus));
}

/**
 * Runs one generation or edit stream, showing its events; resolves with its
 * result and the run's last focus map. An edit's previews show only inside
 * `editRegion`, over the image being edited.
 * @param {(h: import('./api.js').StreamHandlers) => Promise<any>} start
 * @param {import('./selection.js').Rect | null} editRegion
 */
async function run(start, editRegion) {
  const controller = new AbortController();
  state.running = controller;
  let stats = emptyStats();
  /** @type {Focus | null} */
  let focus = null;
  let previews = 0;
  const stage = byId('stage');
  stage.dataset.previews = '0'; // previews on screen for this run (the browser test reads it)
  showError('');
  ui.status.textContent = 'Starting…';
  ui.timings.textContent = '';
  ui.progress.value = 0;
  ui.showFocus.checked = true; // the focus map is for watching a run
  viewer.showFocus(false);
  refresh();
  let drawing = Promise.resolve();
  try {
    const data = await start({
      signal: controller.signal,
      onRetry: (text) => {
        ui.status.textContent = text;
      },
      onEvent(event, d) {
        if (event === 'queued') {
          const { position } = /** @type {QueuedEvent} */ (d);
          ui.status.textContent = `Queued: ${position} request(s) ahead.`;
        }
        if (event === 'progress') {
          stats = addProgress(stats, /** @type {ProgressEvent} */ (d));
          ui.progress.max = stats.steps;
          ui.progress.value = stats.stepsDone;
          ui.status.textContent = describeStats(stats);
        }
        if (event === 'preview') {
          const p = readPreview(/** @type {PreviewEvent} */ (d));
          focus = { map: p.focus, rows: p.gridRows, cols: p.gridCols };
          const f = focus;
          drawing = drawing.then(async () => {
            if (state.running !== controller) return;
            await viewer.showPreview(p.src, p.width, p.height, editRegion);
            viewer.drawFocus(f.map, f.rows, f.cols);
            viewer.showFocus(ui.showFocus.checked);
            stage.dataset.previews = String(++previews);
          });
        }
      },
    });
    const result = readResult(data);
    ui.status.textContent = `Done: version ${result.version}.`;
    return { result, info: { focus, timings: describeResult(result) } };
  } catch (e) {
    ui.status.textContent = controller.signal.aborted ? 'Cancelled.' : 'Failed.';
    if (!controller.signal.aborted) showError(e instanceof ApiError || e instanceof Error ? e.message : String(e));
    return null;
  } finally {
    state.running = null;
    await drawing.catch(() => {});
    ui.showFocus.checked = false; // the finished image is shown clean
    refresh();
  }
}

/** Shows the selected version clean, ready to select a region on, with its timings. */
function showCurrent() {
  if (!state.history || !state.sessionModel) return;
  const { width, height } = state.size;
  viewer.show(current(state.history).image, width, height, state.sessionModel);
  ui.showFocus.checked = false;
  applyFocusToggle();
  ui.timings.textContent = shownInfo()?.timings ?? '';
  refresh();
}

async function generate() {
  const m = selectedModel();
  if (!m) return;
  const condition = byId('condition').value;
  const size = parseSize(ui.size.value);
  const form = {
    model: m.name,
    condition,
    labels: m.labels,
    prompted: m.prompted,
    seed: Number(ui.seed.value),
    ...size,
  };
  const body = generationBody({ ...form, steps: Number(ui.steps.value), ratio: Number(ui.ratio.value) });
  viewer.clearSelection();
  const done = await run((h) => api.generate(body, h), null);
  if (!done) {
    showCurrent(); // the session shown before, if any
    return;
  }
  const { result, info } = done;
  state.sessionModel = m;
  state.size = { width: result.width, height: result.height };
  state.history = startHistory(result.sessionId, {
    ...result,
    image: result.src,
    note: `${condition}, seed ${form.seed}`,
  });
  state.info = new Map([[result.version, info]]);
  renderCondition('edit-condition', m.labels, condition, m.prompted);
  ui.editSeed.value = String(randomSeed());
  showCurrent();
  renderHistory();
}

async function edit() {
  const { history, selection, sessionModel: m } = state;
  if (!history || !selection?.confirmed || !m) return;
  const condition = byId('edit-condition').value;
  const seed = Number(ui.editSeed.value);
  const form = { version: history.selected, rect: selection.rect, margin: Number(ui.margin.value), seed };
  const body = editBody({ ...form, condition, labels: m.labels, prompted: m.prompted });
  const done = await run((h) => api.edit(history.sessionId, body, h), viewer.region());
  if (done) {
    const note = `edit of v${history.selected}: ${condition}, seed ${seed}`;
    state.history = addVersion(history, { version: done.result.version, image: done.result.src, note });
    state.info.set(done.result.version, done.info);
    ui.editSeed.value = String(randomSeed()); // the next edit gets fresh noise unless the user picks a seed
  }
  showCurrent(); // the new version, or the edited one again when the edit failed
  renderHistory();
}

/** @param {import('./history.js').History} next */
function show(next) {
  state.history = next;
  showCurrent();
  ui.status.textContent = `Showing version ${next.selected}; the next edit edits it.`;
  showError('');
  renderHistory();
}

function renderHistory() {
  const h = state.history;
  ui.history.replaceChildren();
  if (!h) return;
  for (const v of h.versions) {
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.version = String(v.version);
    button.setAttribute('aria-current', String(v.version === h.selected));
    const thumb = Object.assign(document.createElement('img'), { src: v.image, alt: '', className: 'thumb' });
    const words = Object.assign(document.createElement('span'), {
      textContent: `Version ${v.version}${v.note ? ` — ${v.note}` : ''}`,
    });
    button.append(thumb, words);
    button.addEventListener('click', () => show(selectVersion(h, v.version)));
    const li = document.createElement('li');
    li.append(button);
    ui.history.append(li);
  }
  refresh();
}

function init() {
  ui.key.value = startingKey(location, localStorage, history);
  const useKey = () => {
    keepKey(localStorage, ui.key.value.trim());
    loadModels();
  };
  ui.key.addEventListener('change', useKey);
  byId('key-form').addEventListener('submit', (/** @type {SubmitEvent} */ e) => {
    e.preventDefault();
    useKey();
  });
  ui.seed.value = String(randomSeed());
  ui.editSeed.value = String(randomSeed());
  byId('seed-random').addEventListener('click', () => (ui.seed.value = String(randomSeed())));
  byId('edit-seed-random').addEventListener('click', () => (ui.editSeed.value = String(randomSeed())));
  ui.ratioOut.value = ui.ratio.value;
  ui.ratio.addEventListener('input', () => (ui.ratioOut.value = ui.ratio.value));
  ui.model.addEventListener('change', onModelChange);
  ui.margin.addEventListener('input', () => {
    viewer.setMargin(Number(ui.margin.value));
    describeRegion();
  });
  viewer.setMargin(Number(ui.margin.value));
  ui.showFocus.addEventListener('change', () => {
    if (state.running) viewer.showFocus(ui.showFocus.checked);
    else applyFocusToggle();
  });
  ui.cancel.addEventListener('click', () => state.running?.abort());
  ui.undo.addEventListener('click', () => {
    const prev = state.history && undo(state.history);
    if (prev) show(prev);
  });
  byId('generate-form').addEventListener('submit', (/** @type {SubmitEvent} */ e) => {
    e.preventDefault();
    generate();
  });
  byId('edit-form').addEventListener('submit', (/** @type {SubmitEvent} */ e) => {
    e.preventDefault();
    edit();
  });
  refresh();
  if (!ui.key.value) ui.key.focus();
  loadModels();
}

init();
