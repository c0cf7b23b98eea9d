// What the resident portal's pages share: their texts (from the server's resource bundles, in the
// page's language), the city, small DOM helpers and showing a message next to a field.
const textsMeta = document.querySelector('meta[name="civic311-texts"]');
const texts = textsMeta ? JSON.parse(textsMeta.content) : {};

export const city = document.querySelector('meta[name="civic311-city"]').content;
export const lang = document.documentElement.lang;
export const cityApi = `/api/v1/cities/${encodeURIComponent(city)}`;

/** The text `key` with {0}, {1}... replaced by `args`. */
export function t(key, ...args) {
  let text = Object.prototype.hasOwnProperty.call(texts, key) ? texts[key] : key;
  args.forEach((arg, i) => { text = text.split(`{${i}}`).join(String(arg)); });
  return text;
}

/** An element with attributes (`text` sets its text, `on<Event>` a listener) and children. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') node.textContent = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2).toLowerCase(), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

/** A moment, as people of the page's language write it; a dash when there is none. */
export function when(text) {
  return text ? new Date(text).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' }) : '—';
}

/** A status's stage, as residents see it (see the API's `stage`). */
export const STAGE = {
  received: 'received', reopened: 'received', open: 'received', reopen: 'received',
  in_progress: 'in_progress', action_scheduled: 'in_progress', investigating: 'in_progress',
  resolved: 'resolved', fixed: 'resolved', closed: 'resolved', cancelled: 'resolved',
  no_further_action: 'resolved', duplicate: 'resolved',
};

/**
 * Shows `message` next to `input` (the element whose id + '-error' holds it, or `errorId`): marked
 * invalid and described by the message. What the resident typed stays.
 */
export function showError(input, message, errorId) {
  const error = document.getElementById(errorId || `${input.id}-error`);
  if (error) error.textContent = message;
  input.setAttribute('aria-invalid', 'true');
}

/** Clears every message and invalid mark inside `root`. */
export function clearErrors(root) {
  for (const error of root.querySelectorAll('.error')) error.textContent = '';
  for (const input of root.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
}

/** The JSON answer of a refusal, or an empty problem when it is not JSON. */
export async function problem(answer) {
  try {
    return await answer.json();
  } catch (ignored) {
    return {};
  }
}
