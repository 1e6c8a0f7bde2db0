// The moderation page. The token lives in sessionStorage only (no cookies, so
// no CSRF); every review field is put on the page as text (textContent), never
// as markup. Decisions go to the server at once and can be undone; a delete
// waits until the next action (or ten seconds, or leaving the page), because
// an erased review cannot come back.
const TOKEN_KEY = 'review-admin-token';
const DELETE_GRACE_MS = 10000;
const QUEUES = [
  ['pending', 'Pending'],
  ['reported', 'Reported'],
  ['published', 'Published'],
  ['rejected', 'Rejected'],
];

const $ = (id) => document.getElementById(id);
const state = { queue: 'pending', item: '', reviews: [], next: null, selected: 0, counts: {}, undo: null, deletion: null };

function token() { return sessionStorage.getItem(TOKEN_KEY); }

class SignedOut extends Error {}

async function api(path, { method = 'GET', keepalive = false } = {}) {
  const res = await fetch(path, { method, keepalive, headers: { Authorization: `Bearer ${token()}` } });
  if (res.status === 401) throw new SignedOut('The token was not accepted. Sign in again.');
  if (res.status === 204) return null;
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body.error || `The server answered ${res.status}.`);
  return body;
}

function show(section) {
  $('sign-in').hidden = section !== 'sign-in';
  $('desk').hidden = section !== 'desk';
}

function signOut(message = '') {
  sessionStorage.removeItem(TOKEN_KEY);
  $('sign-in-error').textContent = message;
  show('sign-in');
  $('token').focus();
}

// Runs an API call; a refused token sends the moderator back to sign in, other failures are shown.
async function guarded(work) {
  $('desk-error').textContent = '';
  try {
    await work();
  } catch (e) {
    if (e instanceof SignedOut) signOut(e.message);
    else $('desk-error').textContent = e.message;
  }
}

function listPath(cursor) {
  const q = new URLSearchParams({ status: state.queue, limit: '25' });
  if (state.item) q.set('item', state.item);
  if (cursor) q.set('cursor', cursor);
  return `/api/admin/reviews?${q}`;
}

let loads = 0;

async function load({ more = false } = {}) {
  const mine = ++loads;
  const body = await api(listPath(more ? state.next : null));
  if (mine !== loads) return; // a later load (another queue, another filter) has the say
  const hiding = state.deletion?.review.identifier;
  const fresh = body.reviews.filter((r) => r.identifier !== hiding);
  state.reviews = more ? state.reviews.concat(fresh) : fresh;
  state.next = body.next;
  state.counts = body.counts;
  if (hiding && state.counts[state.queue] > 0) state.counts[state.queue] -= 1;
  if (!more) state.selected = 0;
  render();
}

function text(tag, className, content) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  el.textContent = content;
  return el;
}

function stars(n) { return '★'.repeat(n) + '☆'.repeat(5 - n); }

function when(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

// The actions that make sense in each queue: publishing a published review only settles its reports.
function actionsFor(review) {
  const out = [];
  if (review.status !== 'published' || review.reports > 0) out.push(['publish', review.status === 'published' ? 'Keep' : 'Publish']);
  if (review.status !== 'rejected') out.push(['reject', 'Reject']);
  out.push(['delete', 'Delete']);
  return out;
}

function renderReview(review, index) {
  const li = document.createElement('li');
  li.className = 'review';
  li.dataset.identifier = review.identifier;
  li.tabIndex = -1;
  if (index === state.selected) li.classList.add('selected');
  li.addEventListener('click', (e) => {
    if (e.target.closest('button')) return;
    state.selected = index;
    render();
  });

  const head = document.createElement('div');
  head.className = 'head';
  head.append(text('span', 'stars', stars(review.reviewRating.ratingValue)));
  head.lastChild.setAttribute('aria-label', `${review.reviewRating.ratingValue} of 5 stars`);
  head.append(text('strong', 'author', review.author.name));
  if (review.author.email) head.append(text('span', 'email', review.author.email));
  li.append(head);

  const meta = document.createElement('div');
  meta.className = 'meta';
  meta.append(text('span', 'item', review.itemReviewed), text('time', 'date', when(review.datePublished)));
  meta.lastChild.dateTime = review.datePublished;
  meta.append(text('span', `badge ${review.status}`, review.status));
  if (review.reports > 0) meta.append(text('span', 'badge reported', `${review.reports} report${review.reports === 1 ? '' : 's'}`));
  if (review.hidden) meta.append(text('span', 'badge hidden', 'hidden'));
  li.append(meta);

  li.append(text('p', 'body', review.reviewBody));

  const actions = document.createElement('div');
  actions.className = 'actions';
  for (const [action, label] of actionsFor(review)) {
    const button = text('button', action, label);
    button.type = 'button';
    button.dataset.action = action;
    button.addEventListener('click', () => act(action, review));
    actions.append(button);
  }
  li.append(actions);
  return li;
}

function render() {
  const nav = $('queues');
  nav.replaceChildren(...QUEUES.map(([queue, label]) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.queue = queue;
    button.append(text('span', 'label', label), text('span', 'count', String(state.counts[queue] ?? 0)));
    if (queue === state.queue) button.setAttribute('aria-current', 'true');
    button.addEventListener('click', () => { state.queue = queue; guarded(() => load()); });
    return button;
  }));
  const items = [...new Set(state.reviews.map((r) => r.itemReviewed))];
  $('items').replaceChildren(...items.map((item) => Object.assign(document.createElement('option'), { value: item })));
  if (state.selected >= state.reviews.length) state.selected = Math.max(0, state.reviews.length - 1);
  $('reviews').replaceChildren(...state.reviews.map(renderReview));
  $('empty').hidden = state.reviews.length > 0;
  $('more').hidden = !state.next;
  const undo = state.deletion ?? state.undo;
  $('undo-bar').hidden = !undo;
  if (undo) $('undo-text').textContent = undo.label;
}

const PAST = { publish: 'Published', reject: 'Rejected', delete: 'Deleted' };

async function commitDeletion({ keepalive = false } = {}) {
  const pending = state.deletion;
  if (!pending) return;
  clearTimeout(pending.timer);
  state.deletion = null;
  await api(`/api/admin/reviews/${encodeURIComponent(pending.review.identifier)}`, { method: 'DELETE', keepalive })
    .catch((e) => { if (!keepalive) throw e; });
}

async function act(action, review) {
  await guarded(async () => {
    await commitDeletion();
    const label = `${PAST[action]} the review by ${review.author.name}.`;
    const index = state.reviews.findIndex((r) => r.identifier === review.identifier);
    if (action === 'delete') {
      state.undo = null;
      state.deletion = { review, index, label, timer: setTimeout(() => guarded(async () => { await commitDeletion(); render(); }), DELETE_GRACE_MS) };
      state.reviews.splice(index, 1);
      state.counts[state.queue] = Math.max(0, (state.counts[state.queue] ?? 1) - 1);
      render();
      return;
    }
    await api(`/api/admin/reviews/${encodeURIComponent(review.identifier)}/${action}`, { method: 'POST' });
    state.undo = { review, label };
    await load();
    state.selected = Math.min(index, state.reviews.length - 1);
    render();
  });
}

async function undo() {
  await guarded(async () => {
    if (state.deletion) {
      const { review, index, timer } = state.deletion;
      clearTimeout(timer);
      state.deletion = null;
      state.reviews.splice(index, 0, review);
      state.counts[state.queue] = (state.counts[state.queue] ?? 0) + 1;
      state.selected = index;
      render();
      return;
    }
    if (!state.undo) return;
    const { review } = state.undo;
    state.undo = null;
    await api(`/api/admin/reviews/${encodeURIComponent(review.identifier)}/undo`, { method: 'POST' });
    await load();
  });
}

function onKey(e) {
  if (e.target.closest('input, textarea, select') || e.ctrlKey || e.metaKey || e.altKey || $('desk').hidden) return;
  const review = state.reviews[state.selected];
  const keys = {
    j: () => { state.selected = Math.min(state.selected + 1, state.reviews.length - 1); render(); },
    k: () => { state.selected = Math.max(state.selected - 1, 0); render(); },
    p: () => review && actionsFor(review).some(([a]) => a === 'publish') && act('publish', review),
    r: () => review && review.status !== 'rejected' && act('reject', review),
    d: () => review && act('delete', review),
    u: () => undo(),
  };
  keys.ArrowDown = keys.j;
  keys.ArrowUp = keys.k;
  const run = keys[e.key];
  if (!run) return;
  e.preventDefault();
  run();
  document.querySelector('#reviews .selected')?.scrollIntoView({ block: 'nearest' });
}

$('sign-in-form').addEventListener('submit', (e) => {
  e.preventDefault();
  sessionStorage.setItem(TOKEN_KEY, $('token').value.trim());
  $('token').value = '';
  start();
});
$('sign-out').addEventListener('click', () => guarded(async () => { await commitDeletion(); signOut(); }));
$('item-filter').addEventListener('change', (e) => { state.item = e.target.value.trim(); guarded(() => load()); });
$('more').addEventListener('click', () => guarded(() => load({ more: true })));
$('undo').addEventListener('click', undo);
document.addEventListener('keydown', onKey);
// Leaving the page is the last chance for a delete still waiting for its undo.
window.addEventListener('pagehide', () => commitDeletion({ keepalive: true }));

async function start() {
  if (!token()) return signOut();
  $('sign-in-error').textContent = '';
  show('desk');
  await guarded(() => load());
}

start();
