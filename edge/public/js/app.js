// The page: generate with live previews and the focus map, then re-edit
// regions of the result with a version history (issue 5, DESIGN.md §5–§6).
import { ApiError, createApi } from './api.js';
import { byId, randomSeed, renderCondition, renderModels } from './controls.js';
import { addVersion, current, selectVersion, startHistory, undo } from './history.js';
import { editBody, generationBody, readPreview, readResult } from './payloads.js';
import { addProgress, describeStats, emptyStats } from './stats.js';
import { createViewer } from './viewer.js';

const KEY_STORAGE = 'ras.apiKey';

/**
 * @typedef {import('../../../shared/src/http/responses').ModelView} Model
 * @typedef {import('../../../shared/src/http/responses').QueuedEvent} QueuedEvent
 * @typedef {import('../../../shared/src/http/responses').ProgressEvent} ProgressEvent
 * @typedef {import('../../../shared/src/http/responses').PreviewEvent} PreviewEvent
 */

const ui = {
  key: byId('api-key'),
  model: byId('model'),
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
  /** @type {Model[]} */
  models: [],
  /** @type {Model | null} the model of the shown session */
  sessionModel: null,
  /** The session's image size (edits keep it). */
  size: { width: 0, height: 0 },
  /** @type {import('./history.js').History | null} */
  history: null,
  /** @type {import('./viewer.js').Selection} */
  selection: null,
  /** @type {AbortController | null} */
  running: null,
};

const api = createApi({ apiKey: () => ui.key.value });
const viewer = createViewer({
  stage: byId('stage'),
  image: byId('image'),
  focus: byId('focus'),
  box: byId('selection'),
  onSelection(selection) {
    state.selection = selection;
    const words = viewer.describe();
    ui.region.textContent = !words
      ? 'No region selected.'
      : `Region ${selection?.confirmed ? 'selected' : 'being chosen (Enter confirms)'}: ${words}.`;
    refresh();
  },
});

function refresh() {
  const busy = state.running !== null;
  ui.generate.disabled = busy || state.models.length === 0;
  ui.cancel.disabled = !busy;
  ui.edit.disabled = busy || !state.history || !state.selection?.confirmed;
  ui.undo.disabled = busy || !state.history || current(state.history).parent === null;
}

/** @param {string} text */
function showError(text) {
  ui.error.textContent = text;
}

function selectedModel() {
  return state.models.find((m) => m.name === ui.model.value) ?? null;
}

function onModelChange() {
  const m = selectedModel();
  if (!m) return;
  renderCondition('condition', m.labels);
  if (!state.history) renderCondition('edit-condition', m.labels);
  ui.steps.value = String(m.recommendedSteps || 28);
}

async function loadModels() {
  try {
    state.models = (await api.listModels()).models;
    renderModels(ui.model, state.models);
    onModelChange();
    showError('');
  } catch (e) {
    showError(`Could not load the models: ${e instanceof Error ? e.message : e}`);
  }
  refresh();
}

/**
 * Runs one generation or edit stream, showing its events; resolves with its result.
 * @param {(h: import('./api.js').StreamHandlers) => Promise<any>} start
 */
async function run(start) {
  const controller = new AbortController();
  state.running = controller;
  let stats = emptyStats();
  let previews = 0;
  const stage = byId('stage');
  stage.dataset.previews = '0'; // previews shown for this run (the browser test reads it)
  showError('');
  ui.timings.textContent = '';
  ui.progress.value = 0;
  refresh();
  try {
    const data = await start({
      signal: controller.signal,
      onRetry: (message) => {
        ui.status.textContent = message;
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
          viewer.show(p.src, p.width, p.height, null);
          viewer.drawFocus(p.focus, p.gridRows, p.gridCols);
          stage.dataset.previews = String(++previews);
        }
      },
    });
    const result = readResult(data);
    ui.status.textContent = `Done: version ${result.version}. ${describeStats(stats)}`;
    ui.timings.textContent =
      `Sampling took ${Math.round(result.totalMs)} ms (${Math.round(result.edgeMs)} ms end to end). ` +
      `Tokens computed: ${result.tokensRun} of ${result.tokensTotal}; estimated speedup vs dense: ${result.speedup.toFixed(2)}×.` +
      (result.rehomed ? ' The session moved to another GPU node and was rebuilt.' : '');
    return result;
  } catch (e) {
    if (controller.signal.aborted) ui.status.textContent = 'Cancelled.';
    else showError(e instanceof ApiError || e instanceof Error ? e.message : String(e));
    return null;
  } finally {
    state.running = null;
    refresh();
  }
}

/** Shows the selected version, ready to select a region on. */
function showCurrent() {
  if (!state.history || !state.sessionModel) return;
  const { width, height } = state.size;
  viewer.show(current(state.history).image, width, height, state.sessionModel);
}

async function generate() {
  const m = selectedModel();
  if (!m) return;
  const condition = byId('condition').value;
  const form = { model: m.name, condition, labels: m.labels, seed: Number(ui.seed.value) };
  const body = generationBody({ ...form, steps: Number(ui.steps.value), ratio: Number(ui.ratio.value) });
  viewer.clearSelection();
  const result = await run((h) => api.generate(body, h));
  if (!result) return;
  state.sessionModel = m;
  state.size = { width: result.width, height: result.height };
  state.history = startHistory(result.sessionId, {
    ...result,
    image: result.src,
    note: `${condition}, seed ${form.seed}`,
  });
  renderCondition('edit-condition', m.labels, condition);
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
  const body = editBody({ ...form, condition, labels: m.labels });
  const result = await run((h) => api.edit(history.sessionId, body, h));
  if (result) {
    const note = `edit of v${history.selected}: ${condition}, seed ${seed}`;
    state.history = addVersion(history, { version: result.version, image: result.src, note });
  }
  showCurrent(); // the new version, or the edited one again when the edit failed
  renderHistory();
}

/** @param {import('./history.js').History} next */
function show(next) {
  state.history = next;
  showCurrent();
  ui.status.textContent = `Showing version ${next.selected}; the next edit edits it.`;
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
    const thumb = Object.assign(document.createElement('img'), { src: v.image, alt: '' });
    button.append(thumb, `Version ${v.version}${v.note ? ` — ${v.note}` : ''}`);
    button.addEventListener('click', () => show(selectVersion(h, v.version)));
    const li = document.createElement('li');
    li.append(button);
    ui.history.append(li);
  }
  refresh();
}

function init() {
  ui.key.value = localStorage.getItem(KEY_STORAGE) ?? '';
  ui.key.addEventListener('change', () => {
    localStorage.setItem(KEY_STORAGE, ui.key.value.trim());
    if (state.models.length === 0) loadModels();
  });
  ui.seed.value = String(randomSeed());
  ui.editSeed.value = String(randomSeed());
  byId('seed-random').addEventListener('click', () => (ui.seed.value = String(randomSeed())));
  byId('edit-seed-random').addEventListener('click', () => (ui.editSeed.value = String(randomSeed())));
  ui.ratioOut.value = ui.ratio.value;
  ui.ratio.addEventListener('input', () => (ui.ratioOut.value = ui.ratio.value));
  ui.model.addEventListener('change', onModelChange);
  ui.showFocus.addEventListener('change', () => viewer.showFocus(ui.showFocus.checked));
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
  loadModels();
}

init();
