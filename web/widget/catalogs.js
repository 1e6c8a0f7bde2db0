// The catalogs the page's widgets speak: English inside the bundle (so the
// shell always has its words), every other language fetched from locales/ the
// first time a widget of the page speaks it, and never otherwise.
import englishPo from './locales/en.po'; // bundled as text (scripts/assemble-site.mjs)
import { chooseLanguage, parsePo, Translator } from './i18n.js';

// Literal paths, so the build hashes the files and rewrites these names.
const URLS = {
  az: new URL('./locales/az.po', import.meta.url),
  ru: new URL('./locales/ru.po', import.meta.url),
};
const LANGUAGES = ['en', ...Object.keys(URLS)];
const english = { text: englishPo, messages: parsePo(englishPo) };
const loaded = new Map([['en', Promise.resolve(english)]]); // language -> Promise of { text, messages } or null

/** The language of the first tag with a catalog (lang attribute, inLanguage, <html lang>), else English. */
export const languageOf = (...tags) => chooseLanguage(LANGUAGES, ...tags);

/** A language's catalog ({ text, messages }), fetched once per page; null when it could not be had. */
export function loadCatalog(language) {
  if (!loaded.has(language)) {
    loaded.set(language, (async () => {
      try {
        const response = await fetch(URLS[language]);
        if (!response.ok) throw new Error(`the server answered ${response.status}`);
        const text = await response.text();
        return { text, messages: parsePo(text) };
      } catch (e) {
        console.warn(`[article-widget] the ${language} catalog could not be loaded (${e.message}): English is shown`);
        loaded.delete(language); // the next widget or load tries again
        return null;
      }
    })());
  }
  return loaded.get(language);
}

/** The shell's words in a language whose catalog is loaded (English until then). */
export function translator(language, catalog) {
  return new Translator(language, catalog?.messages ?? null, english.messages);
}

export const englishCatalog = english;
