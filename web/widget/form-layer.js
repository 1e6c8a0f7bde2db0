// Real form controls over the review form that ImGui draws: transparent
// <input>, <textarea>, radio buttons and a submit <button> placed on the drawn
// fields. The browser does the typing (IME, clipboard, autofill, mobile
// keyboards, screen readers); every change goes to the wasm side, which owns
// the draft, validates it and draws it.

import { cssFont, fitToWidth } from './text-layer.js';

const encoder = new TextEncoder();
const utf8Offset = (text, index) => encoder.encode(text.slice(0, index)).length;
let uid = 0;

// The one way the widget opens an outside address: a new tab that gets neither
// a reference back to this page nor the referrer. The URL is data, never script.
export function openExternal(url) {
  window.open(url, '_blank', 'noopener,noreferrer');
}

function place(el, [x, y, w, h]) {
  const s = el.style;
  s.left = `${x}px`;
  s.top = `${y}px`;
  s.width = `${w}px`;
  s.height = `${h}px`;
}

// Transparent copies of the lines drawn inside a control's box, glyph on
// glyph as in the text layer: find in page and selection highlight the text
// where the reader sees it. `lines` hold content positions; `rect` is the box.
// `hidden`: for finding only, when the control is named otherwise (a link's label).
function lineSpans([x0, y0], lines, hidden = false) {
  return lines.map(([x, y, width, height, text, face, size]) => {
    const span = Object.assign(document.createElement('span'), { className: 'line', textContent: `${text} ` });
    if (hidden) span.ariaHidden = 'true';
    const font = cssFont(face, size);
    Object.assign(span.style, { left: `${x - x0}px`, top: `${y - y0}px`, height: `${height}px`, lineHeight: `${height}px`, font });
    fitToWidth(span, text, font, width);
    return span;
  });
}

// A control's content as those copies, rebuilt only when they or the box move
// (controls are updated on every keystroke).
function showLines(el, rect, lines, hidden = false) {
  const key = JSON.stringify([rect[0], rect[1], lines]);
  if (el.shownKey === key) return;
  el.shownKey = key;
  el.replaceChildren(...lineSpans(rect, lines, hidden));
}

export class FormLayer {
  // calls: { input(id, value, selStart, selEnd), select(id, s, e), focus(id, leftId), rating(n), honeypot(v), submit(),
  //          action(id), openInWidget(url) }
  constructor(container, calls) {
    this.calls = calls;
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
      if (name === 'review') {
        el = document.createElement('form');
        el.noValidate = true; // the widget's own messages, in plain words, replace the browser's bubbles
        el.addEventListener('submit', (e) => { e.preventDefault(); this.calls.submit(); });
      } else {
        el = document.createElement('section');
      }
      this.root.append(el);
      this.parts.set(name, el);
    }
    return el;
  }

  wire() {
    const f = this.root;
    f.addEventListener('input', (e) => {
      const el = e.target;
      if (el.name === 'website') this.calls.honeypot(el.value);
      else if (el.dataset.field) this.calls.input(el.dataset.field, el.value, utf8Offset(el.value, el.selectionStart), utf8Offset(el.value, el.selectionEnd));
    });
    f.addEventListener('change', (e) => { if (e.target.type === 'radio') this.calls.rating(Number(e.target.value)); });
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

  focus(id) {
    const el = this.elements.get(id);
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
      msg.className = 'sr-only';
      el.after(msg);
      el.setAttribute('aria-describedby', msgId);
    }
    const text = [control.message, control.counter].filter(Boolean).join('. ');
    if (msg.textContent !== text) msg.textContent = text;
    el.setAttribute('aria-invalid', control.message ? 'true' : 'false');
  }

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
      switch (c.kind) {
        case 'heading': {
          const el = this.element(c, () => Object.assign(document.createElement('h2'), { id: `${this.id}-${c.id}` }));
          if (c.part) this.part(c.part).setAttribute('aria-labelledby', el.id);
          place(el, c.rect);
          showLines(el, c.rect, c.lines);
          break;
        }
        case 'text': {
          const el = this.element(c, () => Object.assign(document.createElement('p'), { className: c.rect ? 'placed' : 'sr-only' }));
          if (c.rect) place(el, c.rect);
          if (c.lines) showLines(el, c.rect, c.lines);
          else el.textContent = c.text;
          break;
        }
        case 'input':
        case 'textarea': {
          const el = this.element(c, () => {
            const input = document.createElement(c.kind === 'textarea' ? 'textarea' : 'input');
            if (c.kind === 'input') input.type = c.id === 'email' ? 'email' : 'text';
            input.name = c.id;
            input.dataset.field = c.id;
            input.autocomplete = c.id === 'name' ? 'name' : c.id === 'email' ? 'email' : 'off';
            input.spellcheck = c.id === 'body';
            return input;
          });
          el.setAttribute('aria-label', c.label);
          el.required = c.required;
          place(el, c.rect);
          if (newValues && el.value !== c.value) el.value = c.value;
          this.describe(el, c);
          break;
        }
        case 'stars': {
          const group = this.element(c, () => {
            const fieldset = document.createElement('fieldset');
            fieldset.setAttribute('role', 'radiogroup');
            fieldset.dataset.field = c.id;
            const legend = Object.assign(document.createElement('legend'), { className: 'sr-only', textContent: c.label });
            fieldset.append(legend);
            for (let i = 1; i <= 5; i++) {
              const radio = Object.assign(document.createElement('input'), { type: 'radio', name: `${this.id}-rating`, value: String(i) });
              radio.dataset.field = c.id;
              radio.setAttribute('aria-label', `${i} ${i === 1 ? 'star' : 'stars'} of 5`);
              fieldset.append(radio);
            }
            return fieldset;
          });
          const radios = group.querySelectorAll('input');
          c.options.forEach((rect, i) => place(radios[i], rect));
          if (newValues || !group.contains(document.activeElement)) radios.forEach((r) => { r.checked = Number(r.value) === c.value; });
          this.describe(group, c);
          break;
        }
        case 'honeypot': {
          // Hidden from people (off-screen, skipped by Tab and screen readers); bots fill it in.
          this.element(c, () => {
            const input = Object.assign(document.createElement('input'), { type: 'text', name: 'website', tabIndex: -1, autocomplete: 'off' });
            input.className = 'honeypot';
            input.setAttribute('aria-hidden', 'true');
            return input;
          });
          break;
        }
        case 'button': {
          const el = this.element(c, () => {
            const b = Object.assign(document.createElement('button'), { type: 'submit' });
            b.dataset.field = c.id; // focus on it draws its ring
            return b;
          });
          el.textContent = c.label;
          el.disabled = c.disabled;
          place(el, c.rect);
          break;
        }
        case 'status': {
          const el = this.element(c, () => {
            const p = Object.assign(document.createElement('p'), { className: 'notice' });
            p.setAttribute('role', 'status');
            return p;
          });
          if (el.textContent !== c.text) el.textContent = c.text;
          if (c.rect) place(el, c.rect);
          break;
        }
        case 'link': {
          const el = this.element(c, () => {
            const a = document.createElement('a');
            a.dataset.field = c.id;
            a.addEventListener('click', (e) => {
              if (a.dataset.openInWidget === 'true') {
                e.preventDefault();
                this.calls.openInWidget(a.href);
              } else if (a.target === '_blank') {
                e.preventDefault();
                openExternal(a.href); // inside the click: no popup blocker steps in
              }
            });
            return a;
          });
          if (el.getAttribute('href') !== c.href) el.setAttribute('href', c.href);
          el.dataset.openInWidget = String(Boolean(c.openInWidget));
          if (c.external) {
            el.target = '_blank';
            el.rel = 'noopener noreferrer';
            el.title = c.href;
          }
          el.setAttribute('aria-label', c.label);
          place(el, c.rect);
          // The link is named by its label; the copies of its lines are for find in page only.
          if (c.lines) showLines(el, c.rect, c.lines, true);
          break;
        }
        case 'action': {
          const el = this.element(c, () => {
            const b = Object.assign(document.createElement('button'), { type: 'button' });
            b.dataset.field = c.id;
            b.addEventListener('click', () => this.calls.action(c.id));
            return b;
          });
          el.textContent = c.label;
          place(el, c.rect);
          break;
        }
        case 'list': {
          const el = this.element(c, () => document.createElement('section'));
          el.setAttribute('aria-label', c.label);
          this.fillList(el);
          break;
        }
      }
    }
    this.arrange(state.controls);
  }

  // The review list's mirror comes on its own, only when it changes (see
  // ReviewSection::listMirror); the list control of each update places it.
  updateList(items) {
    this.listItems = items;
    this.listVersion = (this.listVersion ?? 0) + 1;
    const el = this.elements.get('reviews');
    if (el) this.fillList(el);
  }

  fillList(el) {
    if (!this.listItems || el.listVersion === this.listVersion) return;
    el.listVersion = this.listVersion;
    el.replaceChildren(...this.listItems.map((item) => {
      // A review is an <article>: its name and date, the rating in words, its text.
      if (item.empty) {
        const p = Object.assign(document.createElement('p'), { className: 'placed', textContent: item.text });
        place(p, item.rect);
        return p;
      }
      const a = document.createElement('article');
      const rating = Object.assign(document.createElement('span'), { className: 'sr-only', textContent: `${item.rating}. ` });
      a.append(...lineSpans(item.rect, item.head), rating, ...lineSpans(item.rect, item.lines));
      place(a, item.rect);
      return a;
    }));
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
      if (c.part && !order.get(this.root).includes(parent)) order.get(this.root).push(parent);
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
