// The type-ahead class picker: a combobox over the project's classes; typing filters by name, arrows move,
// Enter picks, Escape closes. Opened with "/" on the annotator view.

import { h } from './dom.js';

export class ClassPicker {
  /** `onPick(classId)` gets the chosen class; `onClose()` runs when the picker closes without one. */
  constructor(classes, onPick, onClose) {
    this.classes = classes;
    this.onPick = onPick;
    this.onClose = onClose;
    this.active = 0;
    this.list = h('ul', { id: 'class-options', role: 'listbox', 'aria-label': 'Classes' });
    this.input = h('input', {
      id: 'class-filter', type: 'text', role: 'combobox', autocomplete: 'off', spellcheck: 'false',
      'aria-controls': 'class-options', 'aria-expanded': 'true', 'aria-autocomplete': 'list',
      oninput: () => { this.active = 0; this.render(); },
      onkeydown: event => this.key(event),
    });
    this.element = h('div', { class: 'picker', hidden: true },
      h('label', { for: 'class-filter' }, 'Correct to class'), this.input, this.list);
  }

  get matches() {
    const text = this.input.value.trim().toLowerCase();
    const starts = this.classes.filter(c => c.name.toLowerCase().startsWith(text));
    const contains = this.classes.filter(c => !starts.includes(c) && c.name.toLowerCase().includes(text));
    return [...starts, ...contains];
  }

  open() {
    this.input.value = '';
    this.active = 0;
    this.element.hidden = false;
    this.render();
    this.input.focus();
  }

  close() {
    this.element.hidden = true;
  }

  get isOpen() {
    return !this.element.hidden;
  }

  render() {
    const matches = this.matches;
    this.list.replaceChildren(...matches.map((c, i) => h('li', {
      id: `class-option-${c.id}`, role: 'option', 'aria-selected': String(i === this.active),
      class: i === this.active ? 'active' : '', onmousedown: event => { event.preventDefault(); this.pick(c.id); },
    }, h('span', { class: 'swatch', style: { background: c.color } }), c.name)));
    const current = matches[this.active];
    if (current) this.input.setAttribute('aria-activedescendant', `class-option-${current.id}`);
    else this.input.removeAttribute('aria-activedescendant');
  }

  key(event) {
    const count = this.matches.length;
    if (event.key === 'ArrowDown') this.active = Math.min(this.active + 1, count - 1);
    else if (event.key === 'ArrowUp') this.active = Math.max(this.active - 1, 0);
    else if (event.key === 'Enter') {
      const chosen = this.matches[this.active];
      if (chosen) this.pick(chosen.id);
    } else if (event.key === 'Escape') {
      this.close();
      this.onClose();
    } else return;
    event.preventDefault();
    event.stopPropagation();
    this.render();
  }

  pick(classId) {
    this.close();
    this.onPick(classId);
  }
}
