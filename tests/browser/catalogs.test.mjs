// The catalogs (web/widget/locales/*.po) and the shell's reading of them; in
// node, no browser: node's Intl has the same CLDR plural rules as Chromium's.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repo } from './harness.mjs';
import { chooseLanguage, parsePo, Translator } from '../../web/widget/i18n.js';

const dir = join(repo, 'web/widget/locales');
const read = (language) => parsePo(readFileSync(join(dir, `${language}.po`), 'utf8'));
const languages = readdirSync(dir).filter((f) => f.endsWith('.po')).map((f) => f.slice(0, -3));
const english = read('en');
const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const base = (id) => id.replace(/\[\w+\]$/, '');

test('there are catalogs for English, Azerbaijani and Russian', () => {
  for (const l of ['en', 'az', 'ru']) assert.ok(languages.includes(l), l);
});

test('every catalog has every message, each plural form its language counts with, and the same placeholders', () => {
  const plural = new Set([...english.keys()].filter((id) => id !== base(id)).map(base));
  for (const language of languages) {
    const catalog = read(language);
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    for (const [id, text] of english) {
      if (plural.has(base(id))) continue;
      assert.ok(catalog.has(id), `${language}.po lacks ${id}`);
      assert.deepEqual(placeholders(catalog.get(id)), placeholders(text), `${language}.po: ${id} has other placeholders`);
    }
    for (const id of plural) {
      const englishForms = placeholders(english.get(`${id}[other]`));
      for (const category of [...categories, 'other']) {
        const form = catalog.get(`${id}[${category}]`);
        assert.ok(form, `${language}.po lacks ${id}[${category}]`);
        assert.deepEqual(placeholders(form).filter((p) => p !== 'n'), englishForms.filter((p) => p !== 'n'), `${language}.po: ${id}[${category}]`);
      }
    }
    for (const id of catalog.keys()) assert.ok(english.has(id) || plural.has(base(id)), `${language}.po has ${id}, which en.po does not`);
  }
});

test('a count picks the form by the language\'s CLDR rules', () => {
  const ru = new Translator('ru', read('ru'), english);
  assert.equal(ru.t('counter.left', { n: 1 }), 'остался 1 символ');
  assert.equal(ru.t('counter.left', { n: 3 }), 'осталось 3 символа');
  assert.equal(ru.t('counter.left', { n: 5 }), 'осталось 5 символов');
  assert.equal(ru.t('counter.left', { n: 21 }), 'остался 21 символ');
  assert.equal(ru.t('summary.reviews', { n: 12 }), '12 отзывов');
  const az = new Translator('az', read('az'), english);
  assert.equal(az.t('counter.left', { n: 1 }), '1 simvol qalıb');
  assert.equal(az.t('counter.left', { n: 7 }), '7 simvol qalıb');
  const en = new Translator('en', english, english);
  assert.equal(en.t('counter.left', { n: 1 }), '1 character left');
  assert.equal(en.t('counter.left', { n: 2 }), '2 characters left');
});

test('a message a catalog lacks is shown in English, with one console warning', (t) => {
  const warnings = [];
  t.mock.method(console, 'warn', (...args) => warnings.push(args.join(' ')));
  const partial = new Translator('tr', new Map([['review.send', 'Yorumu gönder']]), english);
  assert.equal(partial.t('review.send'), 'Yorumu gönder');
  assert.equal(partial.t('reviews.more'), 'Show more reviews');
  assert.equal(partial.t('news.more'), 'Show more headlines');
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /tr catalog has no message "reviews\.more"/);
});

test('the language comes from the lang attribute, the article, the page, else English; the first with a catalog', () => {
  const have = ['en', 'az', 'ru'];
  assert.equal(chooseLanguage(have, 'ru', 'az', 'en'), 'ru');
  assert.equal(chooseLanguage(have, null, 'az-Latn-AZ', 'ru'), 'az');
  assert.equal(chooseLanguage(have, '', '', 'ru-RU'), 'ru');
  assert.equal(chooseLanguage(have, 'ka', 'hy', 'fr'), 'en');
  assert.equal(chooseLanguage(have, undefined, undefined, ''), 'en');
});
