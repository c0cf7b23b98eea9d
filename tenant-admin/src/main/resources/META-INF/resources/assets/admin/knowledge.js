// The knowledge base: information articles that agents search and read to callers.
import { api } from '/assets/shared/auth.js';
import { cell, field, formLines, h, list, save, when } from './ui.js';

const SLUG = '[a-z0-9]+(-[a-z0-9]+)*';
const LOCALES = [['en', 'English'], ['fr', 'French'], ['es', 'Spanish']];

let ctx;
let ui;
let articles = [];

/** The article as its PUT sends it. */
function articlePayload(form) {
  const v = (name) => form.elements[name].value;
  return {
    topic: v('topic').trim(),
    title: v('title').trim(),
    body: v('body').trim(),
    keywords: list(v('keywords')),
    locale: v('locale'),
  };
}

function articleForm(article) {
  const form = h('form', { id: 'article-form', novalidate: true });
  const [formError, formStatus] = formLines(form);
  const slug = field({ label: 'Slug', field: 'slug', name: 'slug', value: article?.slug, required: true, maxlength: 80, pattern: SLUG, format: 'lowercase words of letters and digits joined by -, like old-paint', hint: 'Its address. It cannot change later.', autocomplete: 'off', readOnly: Boolean(article) });
  form.append(
    formError,
    slug,
    field({ label: 'Topic', field: 'topic', name: 'topic', value: article?.topic, required: true, maxlength: 80, hint: 'What it is about, e.g. “Property Tax”' }),
    field({ label: 'Title', field: 'title', name: 'title', value: article?.title, required: true, maxlength: 200 }),
    field({ label: 'Answer', field: 'body', name: 'body', type: 'textarea', value: article?.body, required: true, maxlength: 20000, rows: '8', hint: 'Plain text, shown as written.' }),
    field({ label: 'Keywords', field: 'keywords', name: 'keywords', value: (article?.keywords || []).join(', '), hint: 'Words to find it by that the text may not have; separate them with commas.' }),
    field({ label: 'Language', field: 'locale', name: 'locale', type: 'select', options: LOCALES, value: article?.locale || 'en' }),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', text: 'Save article' }),
      h('button', { type: 'button', class: 'secondary', text: 'Close', onclick: closeEditor })),
    formStatus);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const slugValue = slug.control.value.trim();
    const saved = await save(form, () =>
      api(ctx.base + '/admin/knowledge/' + encodeURIComponent(slugValue), {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(articlePayload(form)),
      }),
    );
    if (saved) {
      slug.control.readOnly = true;
      ui.title.textContent = 'Edit “' + saved.title + '”';
      await load();
    }
  });
  return form;
}

function openEditor(article) {
  ui.title.textContent = article ? 'Edit “' + article.title + '”' : 'New article';
  ui.editor.replaceChildren(ui.title, articleForm(article));
  ui.editor.hidden = false;
  highlight(article?.slug);
  ui.title.focus();
}

function closeEditor() {
  ui.editor.hidden = true;
  highlight(null);
  ui.add.focus();
}

function highlight(slug) {
  for (const tr of ui.body.rows) {
    if (slug && tr.dataset.slug === slug) {
      tr.setAttribute('aria-current', 'true');
    } else {
      tr.removeAttribute('aria-current');
    }
  }
}

function render() {
  const q = ui.search.control.value.trim().toLowerCase();
  const shown = articles.filter((a) => !q || [a.slug, a.topic, a.title, ...(a.keywords || [])].some((t) => (t || '').toLowerCase().includes(q)));
  ui.body.replaceChildren(
    ...shown.map((a) => {
      const edit = h('button', { type: 'button', class: 'secondary small', 'aria-label': 'Edit ' + a.title }, 'Edit');
      edit.addEventListener('click', () => openEditor(a));
      return h('tr', { dataset: { slug: a.slug } },
        cell('Slug', h('code', {}, a.slug)),
        cell('Topic', a.topic),
        cell('Title', a.title),
        cell('Language', a.locale),
        cell('Updated', when(a.updatedAt, ctx.profile.time_zone)),
        h('td', { class: 'act' }, edit));
    }),
  );
  ui.count.textContent = q ? shown.length + ' of ' + articles.length + ' articles match “' + q + '”.' : articles.length + ' articles.';
  const open = ui.editor.hidden ? null : ui.editor.querySelector('input[name=slug]');
  highlight(open && open.readOnly ? open.value : null);
}

async function load() {
  articles = await api(ctx.base + '/admin/knowledge');
  render();
}

export async function show(section, context) {
  ctx = context;
  if (!section.dataset.built) {
    section.dataset.built = 'true';
    const search = field({ label: 'Find an article', type: 'search', autocomplete: 'off' });
    search.control.addEventListener('input', render);
    const add = h('button', { type: 'button', text: 'New article' });
    add.addEventListener('click', () => openEditor(null));
    const body = h('tbody');
    const count = h('p', { class: 'count', role: 'status' });
    const title = h('h3', { id: 'article-editor-title', tabindex: '-1' });
    const editor = h('div', { class: 'editor', id: 'article-editor', hidden: true, role: 'region', 'aria-labelledby': 'article-editor-title' }, title);
    ui = { search, add, body, count, title, editor };
    section.append(
      h('div', { class: 'toolbar' }, search, add),
      editor,
      h('div', { class: 'list' },
        count,
        h('div', { class: 'table-wrap' },
          h('table', { class: 'stack', id: 'article-list' },
            h('thead', {}, h('tr', {}, ['Slug', 'Topic', 'Title', 'Language', 'Updated'].map((t) => h('th', { scope: 'col' }, t)), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
            body))));
  }
  await load();
}
