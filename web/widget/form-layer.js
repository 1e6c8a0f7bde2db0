// Real form controls over the review form that ImGui draws: transparent
// <input>, <textarea>, radio buttons and a submit <button> placed on the drawn
// fields. The browser does the typing (IME, clipboard, autofill, mobile
// keyboards, screen readers); every change goes to the wasm side, which owns
// the draft, validates it and draws it.

import { Action, Id, Kind, Part } from './protocol.js';
import { cssFont, fitToWidth } from './text-layer.js';

/** @typedef {import('./protocol.js').Rect} Rect */
/** @typedef {import('./protocol.js').Line} Line */
/** @typedef {import('./protocol.js').ControlsMessage} ControlsMessage */
/** @typedef {import('./protocol.js').ListMessage} ListMessage */

const encoder = new TextEncoder();
const utf8Offset = (text, index) => encoder.encode(text.slice(0, index)).length;
let uid = 0;

// The one way the widget opens an outside address: a new tab that gets neither
// a reference back to this page nor the referrer. The URL is data, never script.
export function openExternal(url) {
  window.open(url, '_blank', 'noopener,noreferrer');
}

/** @param {HTMLElement} el @param {Rect} rect */
function place(el, { x, y, width, height }) {
  const s = el.style;
  s.left = `${x}px`;
  s.top = `${y}px`;
  s.width = `${width}px`;
  s.height = `${height}px`;
}

// Without WebGL nothing draws a field's label, message or counter: the
// .plain styles place those elements by the box of what they belong to.
/** @param {Rect} rect */
function at(el, { x, y, width, height }) {
  for (const [k, v] of Object.entries({ x, y, width, height })) el.style.setProperty(`--${k}`, `${v}px`);
}

// Transparent copies of the lines drawn inside a control's box, glyph on
// glyph as in the text layer: find in page and selection highlight the text
// where the reader sees it. `lines` hold content positions; `rect` is the box.
// `hidden`: for finding only, when the control is named otherwise (a link's label).
/** @param {Rect} box @param {Line[]} lines */
function lineSpans(box, lines, hidden = false) {
  return lines.map(({ x, y, width, height, text, face, size }) => {
    const span = Object.assign(document.createElement('span'), { className: 'line', textContent: `${text} ` });
    if (hidden) span.ariaHidden = 'true';
    const font = cssFont(face, size);
    Object.assign(span.style, { left: `${x - box.x}px`, top: `${y - box.y}px`, height: `${height}px`, lineHeight: `${height}px`, font });
    fitToWidth(span, text, font, width);
    return span;
  });
}

// A control's content as those copies, rebuilt only when they or the box move
// (controls are updated on every keystroke).
function showLines(el, rect, lines, hidden = false) {
  const key = JSON.stringify([rect.x, rect.y, lines]);
  if (el.shownKey === key) return;
  el.shownKey = key;
  el.replaceChildren(...lineSpans(rect, lines, hidden));
}

// A radio group (the stars, the report's reasons): a fieldset of transparent
// radio buttons, one on each drawn option. `values`: each option's value.
function makeRadioGroup(c, layer, values) {
  const fieldset = document.createElement('fieldset');
  fieldset.setAttribute('role', 'radiogroup');
  fieldset.dataset.field = c.id;
  const legend = Object.assign(document.createElement('legend'), { className: 'sr-only', textContent: c.label });
  fieldset.append(legend);
  for (const value of values) {
    const radio = Object.assign(document.createElement('input'), { type: 'radio', name: `${layer.id}-${c.id}`, value: String(value) });
    radio.dataset.field = c.id;
    fieldset.append(radio);
  }
  return fieldset;
}

function updateRadioGroup(group, c, layer, newValues) {
  const radios = group.querySelectorAll('input');
  if (layer.plain) at(group.querySelector('legend'), c.options[0].rect); // without the drawing, the legend is the label
  c.options.forEach(({ rect, label }, i) => {
    place(radios[i], rect);
    if (radios[i].getAttribute('aria-label') !== label) radios[i].setAttribute('aria-label', label);
  });
  if (newValues || !group.contains(document.activeElement)) radios.forEach((r) => { r.checked = r.value === String(c.value); });
  layer.describe(group, c);
}

// The element of each control kind: `make` creates it once, `update` brings
// it up to date with each frame's control.
const MIRRORS = {
  [Kind.Heading]: {
    make: (c, layer) => Object.assign(document.createElement('h2'), { id: `${layer.id}-${c.id}` }),
    update(el, c, layer) {
      if (c.part) layer.part(c.part).setAttribute('aria-labelledby', el.id);
      place(el, c.rect);
      showLines(el, c.rect, c.lines);
    },
  },
  [Kind.Text]: {
    make: (c) => Object.assign(document.createElement('p'), { className: c.rect ? 'placed' : 'sr-only' }),
    update(el, c) {
      if (c.rect) place(el, c.rect);
      if (c.lines) showLines(el, c.rect, c.lines);
      else el.textContent = c.text;
    },
  },
  [Kind.Input]: { make: makeTextField, update: updateTextField },
  [Kind.TextArea]: { make: makeTextField, update: updateTextField },
  [Kind.Stars]: { make: (c, layer) => makeRadioGroup(c, layer, [1, 2, 3, 4, 5]), update: updateRadioGroup },
  [Kind.Choice]: { make: (c, layer) => makeRadioGroup(c, layer, c.options.map((o) => o.value)), update: updateRadioGroup },
  [Kind.Summary]: {
    // The drawn line for find in page and selection; the bars as a list in words for screen readers.
    make() {
      const el = Object.assign(document.createElement('div'), { className: 'placed' });
      el.append(document.createElement('p'), Object.assign(document.createElement('ul'), { className: 'sr-only' }));
      return el;
    },
    update(el, c) {
      place(el, c.rect);
      showLines(el.firstChild, c.rect, c.lines);
      const bars = el.lastChild;
      if (bars.textContent !== c.bars.join('')) bars.replaceChildren(...c.bars.map((text) => Object.assign(document.createElement('li'), { textContent: text })));
    },
  },
  [Kind.Honeypot]: {
    // Hidden from people (off-screen, skipped by Tab and screen readers); bots fill it in.
    make(c) {
      const input = Object.assign(document.createElement('input'), { type: 'text', name: c.id, tabIndex: -1, autocomplete: 'off' });
      input.className = 'honeypot';
      input.setAttribute('aria-hidden', 'true');
      return input;
    },
    update() {},
  },
  [Kind.Button]: {
    make(c) {
      const b = Object.assign(document.createElement('button'), { type: 'submit' });
      b.dataset.field = c.id; // focus on it draws its ring
      return b;
    },
    update(el, c) {
      el.textContent = c.label;
      el.disabled = c.disabled;
      place(el, c.rect);
    },
  },
  [Kind.Status]: {
    make() {
      const p = Object.assign(document.createElement('p'), { className: 'notice' });
      p.setAttribute('role', 'status');
      return p;
    },
    update(el, c) {
      if (el.textContent !== c.text) el.textContent = c.text;
      if (c.rect) place(el, c.rect);
    },
  },
  [Kind.Link]: {
    make(c, layer) {
      const a = document.createElement('a');
      a.dataset.field = c.id;
      a.addEventListener('click', (e) => {
        if (a.dataset.openInWidget === 'true') {
          e.preventDefault();
          layer.calls.openInWidget(a.href);
        } else if (a.target === '_blank') {
          e.preventDefault();
          openExternal(a.href); // inside the click: no popup blocker steps in
        }
      });
      return a;
    },
    update(el, c) {
      if (el.getAttribute('href') !== c.href) el.setAttribute('href', c.href);
      el.dataset.openInWidget = String(Boolean(c.openInWidget));
      if (c.external) {
        el.target = '_blank';
        el.rel = 'noopener noreferrer';
        el.title = c.href;
      }
      el.setAttribute('aria-label', c.label);
      el.dataset.label = c.label; // printed with its address (article-widget.css)
      place(el, c.rect);
      // The link is named by its label; the copies of its lines are for find in page only.
      if (c.lines) showLines(el, c.rect, c.lines, true);
    },
  },
  [Kind.Action]: { make: makeAction, update: (el, c) => updateAction(el, c) },
  [Kind.List]: {
    make: () => document.createElement('section'),
    update(el, c, layer) {
      el.setAttribute('aria-label', c.label);
      layer.fillList(el);
    },
  },
};

function makeAction(c, layer) {
  const b = Object.assign(document.createElement('button'), { type: 'button' });
  b.dataset.field = c.id;
  b.addEventListener('click', () => { if (b.ariaDisabled !== 'true') layer.calls.action(c.id); });
  return b;
}

// Busy buttons ("Loading more reviews…") stay focusable: a disabled one would drop the keyboard focus.
function updateAction(el, c, rect = c.rect) {
  if (el.textContent !== c.label) el.textContent = c.label;
  el.ariaDisabled = c.disabled ? 'true' : null;
  place(el, rect);
}

function makeTextField(c) {
  const input = document.createElement(c.kind === Kind.TextArea ? 'textarea' : 'input');
  if (c.kind === Kind.Input) input.type = c.id === Id.Email ? 'email' : 'text';
  input.name = c.id;
  input.dataset.field = c.id;
  input.autocomplete = c.id === Id.Name ? 'name' : c.id === Id.Email ? 'email' : 'off';
  input.spellcheck = c.kind === Kind.TextArea;
  return input;
}

function updateTextField(el, c, layer, newValues) {
  el.setAttribute('aria-label', c.label);
  if (layer.plain) el.placeholder = c.required ? c.label : layer.words().t('field.optional', { label: c.label }); // nothing draws the label
  el.required = c.required;
  place(el, c.rect);
  if (newValues && el.value !== c.value) el.value = c.value;
  layer.describe(el, c);
}

export class FormLayer {
  // calls: { input(id, value, selStart, selEnd), select(id, s, e), focus(id, leftId), rating(n), choose(id, value),
  //          honeypot(v), submit(), action(id), openInWidget(url) }
  // words(): the widget's Translator (i18n.js), for the few words the layer adds itself.
  constructor(container, calls, words) {
    this.calls = calls;
    this.words = words;
    this.id = `aw${++uid}`;
    this.root = Object.assign(document.createElement('div'), { className: 'controls' });
    container.append(this.root);
    this.parts = new Map();
    this.elements = new Map();
    this.valueVersion = -1;
    this.item = null;
    this.wire();
  }

  // The element of one part of the widget: the review form is a <form>, the
  // follow buttons and the News Line are regions named by their headings.
  part(name) {
    let el = this.parts.get(name);
    if (!el) {
      if (name === Part.Review) {
        el = document.createElement('form');
        el.noValidate = true; // the widget's own messages, in plain words, replace the browser's bubbles
        el.addEventListener('submit', (e) => { e.preventDefault(); this.calls.submit(); });
      } else if (name === Part.Report) {
        // The report step sits in the list right after the review it reports (see placeReport).
        el = document.createElement('section');
        el.addEventListener('keydown', (e) => {
          if (e.key !== 'Escape') return;
          e.preventDefault();
          this.calls.action(Action.ReportClose);
        });
      } else {
        el = document.createElement('section');
      }
      el.dataset.part = name; // print shows the follow links and leaves the rest out
      this.root.append(el);
      this.parts.set(name, el);
    }
    return el;
  }

  wire() {
    const f = this.root;
    f.addEventListener('input', (e) => {
      const el = e.target;
      if (el.name === Id.Website) this.calls.honeypot(el.value);
      else if (el.dataset.field) this.calls.input(el.dataset.field, el.value, utf8Offset(el.value, el.selectionStart), utf8Offset(el.value, el.selectionEnd));
    });
    f.addEventListener('change', (e) => {
      const el = e.target;
      if (el.type !== 'radio') return;
      if (el.dataset.field === Id.Rating) this.calls.rating(Number(el.value));
      else this.calls.choose(el.dataset.field, el.value);
    });
    // Caret moves without input: arrows, clicks, selection. Read it after the browser has moved it.
    const report = (e) => {
      const el = e.target; // read now: after dispatch the browser clears targets inside shadow trees
      setTimeout(() => {
        // A Tab's keydown comes from the field focus is leaving: by now it is elsewhere.
        if (el !== el.getRootNode().activeElement) return;
        if (el.dataset?.field && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') && el.type !== 'radio')
          this.calls.select(el.dataset.field, utf8Offset(el.value, el.selectionStart), utf8Offset(el.value, el.selectionEnd));
      });
    };
    for (const type of ['keydown', 'pointerup', 'select']) f.addEventListener(type, report);
    f.addEventListener('focusin', (e) => {
      this.calls.focus(e.target.dataset.field ?? '', this.focused ?? '');
      this.focused = e.target.dataset.field;
      report(e);
    });
    f.addEventListener('focusout', (e) => {
      if (f.contains(e.relatedTarget)) return; // focusin of the next control reports the move
      this.calls.focus('', this.focused ?? '');
      this.focused = undefined;
    });
  }

  // The program asks for the focus as it opens a step (the report's reasons, its Close): the
  // control may be drawn only in the next frame, whose update then moves the focus there.
  focus(id) {
    // A review's Report button lives in the list's mirror, not among the frame's controls.
    const el = this.elements.get(id) ?? this.root.querySelector(`[data-field="${CSS.escape(id)}"]`);
    this.pendingFocus = el ? null : id;
    (el?.querySelector?.('input:checked, input') ?? el)?.focus();
  }

  element(control, make) {
    let el = this.elements.get(control.id);
    if (!el) {
      el = make();
      this.elements.set(control.id, el);
      (control.part ? this.part(control.part) : this.root).append(el); // arrange() puts it in place
    }
    return el;
  }

  describe(el, control) {
    // The message is linked to its field, so it is read out with it.
    const msgId = `${this.id}-${control.id}-msg`;
    let msg = el.messageEl;
    if (!msg) {
      msg = el.messageEl = document.createElement('span');
      msg.id = msgId;
      msg.className = 'sr-only message';
      el.after(msg);
      el.setAttribute('aria-describedby', msgId);
    }
    // The message and the counter are read (and, without WebGL, shown) as two sentences, with one full stop between.
    const message = control.message && !/[.!?]$/.test(control.message) ? `${control.message}.` : control.message;
    const text = [message, control.counter].filter(Boolean).join(' ');
    if (msg.textContent !== text) msg.textContent = text;
    if (this.plain && control.rect) at(msg, control.rect);
    el.setAttribute('aria-invalid', control.message ? 'true' : 'false');
  }

  /** @param {ControlsMessage} state */
  update(state) {
    const newValues = state.valueVersion !== this.valueVersion || state.item !== this.item;
    this.valueVersion = state.valueVersion;
    this.item = state.item;
    const present = new Set(state.controls.map((c) => c.id));
    for (const [id, el] of this.elements) {
      if (present.has(id)) continue;
      el.remove();
      el.messageEl?.remove();
      this.elements.delete(id);
    }
    for (const [name, el] of this.parts) {
      if (el.firstElementChild) continue;
      el.remove();
      this.parts.delete(name);
    }
    for (const c of state.controls) {
      const mirror = MIRRORS[c.kind];
      if (!mirror) continue;
      const made = !this.elements.has(c.id); // a new control takes its value, whatever the version says
      const el = this.element(c, () => mirror.make(c, this));
      mirror.update(el, c, this, newValues || made);
    }
    this.arrange(state.controls);
    this.placeReport();
    if (this.pendingFocus) this.focus(this.pendingFocus);
    this.pendingFocus = null; // asked for one frame: a control that did not come is not waited for
    // The report step is named in the widget's language as it is now (it may change while the step is open).
    const report = this.parts.get(Part.Report), label = report && this.words().t('report.dialog');
    if (report && report.getAttribute('aria-label') !== label) report.setAttribute('aria-label', label);
  }

  // The review list's mirror comes on its own, only when it changes (see
  // ReviewSection::listMirror); the list control of each update places it.
  /** @param {ListMessage} list */
  updateList({ items }) {
    this.listItems = items;
    this.listVersion = (this.listVersion ?? 0) + 1;
    const el = this.elements.get(Id.Reviews);
    if (el) this.fillList(el);
  }

  // The list's nodes are kept by review: a rebuilt mirror (a page more, a
  // report step opened) moves and updates them in place, so the keyboard focus
  // on a Report button, or in the report step between two reviews, stays.
  fillList(el) {
    if (!this.listItems || el.listVersion === this.listVersion) return;
    el.listVersion = this.listVersion;
    const old = el.byKey ?? new Map();
    el.byKey = new Map();
    const nodes = this.listItems.map((item) => {
      const key = item.empty ? '' : item.key;
      let node = old.get(key);
      if (item.empty) {
        node ??= Object.assign(document.createElement('p'), { className: 'placed' });
        node.textContent = item.text;
      } else {
        // A review is an <article>: its name and date, the rating in words, its text, and its Report button.
        node ??= document.createElement('article');
        const content = JSON.stringify([item.head, item.rating, item.lines].map((l) => Array.isArray(l) ? l.map((x) => [x.x - item.rect.x, x.y - item.rect.y, x.text]) : l));
        if (node.contentKey !== content) {
          node.contentKey = content;
          const rating = Object.assign(document.createElement('span'), { className: 'sr-only', textContent: `${item.rating}. ` });
          // The Report button stays in the DOM through a rewrap: removing it, even
          // to put it back, would drop the keyboard focus on it.
          const keep = item.report ? node.reportButton : null;
          for (const child of [...node.childNodes]) if (child !== keep) child.remove();
          node.prepend(...lineSpans(item.rect, item.head), rating, ...lineSpans(item.rect, item.lines));
          node.reportButton = keep;
        }
        if (item.report) {
          node.reportButton ??= node.appendChild(makeAction(item.report, this));
          const { x, y, width, height } = item.report.rect;
          updateAction(node.reportButton, item.report, { x: x - item.rect.x, y: y - item.rect.y, width, height });
        }
        node.reportAfter = Boolean(item.reportAfter);
      }
      place(node, item.rect);
      el.byKey.set(key, node);
      return node;
    });
    for (const [key, node] of old) if (!el.byKey.has(key)) node.remove();
    const wanted = new Set(nodes);
    let next = el.firstChild;
    for (const node of nodes) {
      while (next && !wanted.has(next)) next = next.nextSibling; // the report step stays after its review
      if (node === next) next = next.nextSibling;
      else el.insertBefore(node, next);
    }
    this.placeReport();
  }

  // Reading and Tab order: the report step right after the review it reports.
  placeReport() {
    const step = this.parts.get(Part.Report);
    const list = this.elements.get(Id.Reviews);
    const review = list?.byKey && [...list.byKey.values()].find((n) => n.reportAfter);
    if (step && review && review.nextSibling !== step) review.after(step);
  }

  // Tab and reading order follow the picture: the DOM takes the order in which
  // the controls were drawn (a "Back to" link or more headlines appear later
  // than the rest). Only nodes out of place move, so focus stays where it is.
  arrange(controls) {
    const order = new Map([[this.root, []]]);
    for (const c of controls) {
      const el = this.elements.get(c.id);
      if (!el) continue;
      const parent = c.part ? this.parts.get(c.part) : this.root;
      // The report step's part lives in the list, after its review (placeReport), not among the parts.
      if (c.part && c.part !== Part.Report && !order.get(this.root).includes(parent)) order.get(this.root).push(parent);
      if (!order.has(parent)) order.set(parent, []);
      order.get(parent).push(el);
    }
    for (const [parent, nodes] of order) {
      const wanted = new Set(nodes);
      let next = parent.firstChild;
      for (const node of nodes) {
        while (next && !wanted.has(next)) next = next.nextSibling; // a field's message stays after it
        if (node === next) {
          next = next.nextSibling;
        } else {
          parent.insertBefore(node, next);
          if (node.messageEl) parent.insertBefore(node.messageEl, next);
        }
      }
    }
  }
}
