// Form controls the page rebuilds: the condition picker (a prompt box for a
// prompted model; labels, or a class id when the model names none), the model
// list, random seeds.

/**
 * @param {string} id
 * @returns {any}
 */
export function byId(id) {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from the page`);
  return el;
}

/** A random uint32 seed. */
export function randomSeed() {
  return crypto.getRandomValues(new Uint32Array(1))[0];
}

/**
 * Replaces the control `#id` with a prompt box for a prompted model, a select
 * of `labels`, or a class-id number input when the model names no labels; the
 * `<label for=id>` keeps pointing at it, and says its `data-prompt-text` over a
 * prompt box.
 * @param {string} id
 * @param {string[]} labels
 * @param {string} [value] value to keep when it is still valid
 * @param {boolean} [prompted] the model takes prompts
 */
export function renderCondition(id, labels, value, prompted = false) {
  const old = byId(id);
  /** @type {HTMLSelectElement | HTMLInputElement} */
  let el;
  if (prompted) {
    el = document.createElement('input');
    const example = 'a small red circle at the top left';
    Object.assign(el, { type: 'text', value: value ?? example, placeholder: example, maxLength: 2000 });
  } else if (labels.length > 0) {
    el = document.createElement('select');
    for (const label of labels) el.append(new Option(label, label));
    if (value && labels.includes(value)) el.value = value;
  } else {
    el = document.createElement('input');
    Object.assign(el, { type: 'number', min: '0', step: '1', value: value ?? '0', required: true });
  }
  el.id = id;
  old.replaceWith(el);
  /** @type {HTMLLabelElement | null} */
  const label = document.querySelector(`label[for="${id}"]`);
  if (label?.dataset.promptText) {
    label.dataset.classText ??= label.textContent ?? '';
    label.textContent = prompted ? label.dataset.promptText : label.dataset.classText;
  }
}

/**
 * Fills the model select from GET /v1/models (the models the page offers);
 * disabled while there are none.
 * @param {HTMLSelectElement} select
 * @param {{ name: string }[]} models
 * @param {string} [value] value to keep when it is still offered
 */
export function renderModels(select, models, value) {
  select.replaceChildren(...models.map((m) => new Option(m.name, m.name)));
  if (value && models.some((m) => m.name === value)) select.value = value;
  select.disabled = models.length === 0;
}

/**
 * Fills the size select with the sizes a model serves well ("32×32"; value "32x32").
 * @param {HTMLSelectElement} select
 * @param {{ width: number, height: number }[]} sizes
 */
export function renderSizes(select, sizes) {
  select.replaceChildren(...sizes.map((s) => new Option(`${s.width}×${s.height}`, `${s.width}x${s.height}`)));
}
