// The reader's language in the shell: which one a widget speaks (its lang
// attribute, else the article's inLanguage, else the page's <html lang>, else
// English) and the shell's own words in it. The words are in gettext PO
// files (locales/, one per language; catalogs.js loads them), the same files
// the C++ views read. Counts pick their form with the browser's
// Intl.PluralRules, so no locale data ships. Pure: tests run it in node.

/** msgid -> msgstr of a PO file; the header and untranslated entries are left out. */
export function parsePo(text) {
  const messages = new Map();
  let id = null, str = null, into = null;
  const flush = () => { if (id && str) messages.set(id, str); id = str = into = null; };
  const unquote = (line) => {
    const m = /^"(.*)"$/.exec(line);
    return m ? m[1].replace(/\\(.)/g, (_, c) => ({ n: '\n', t: '\t' })[c] ?? c) : '';
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) { flush(); continue; }
    if (line.startsWith('#')) continue;
    if (line.startsWith('msgid ')) { flush(); id = unquote(line.slice(6)); into = 'id'; }
    else if (line.startsWith('msgstr ')) { str = unquote(line.slice(7)); into = 'str'; }
    else if (line.startsWith('"') && into === 'id') id += unquote(line);
    else if (line.startsWith('"') && into === 'str') str += unquote(line);
  }
  flush();
  return messages;
}

/** The one of `languages` that a BCP 47 tag names ("az-Latn-AZ" -> "az"), or ''. */
export function catalogLanguage(tag, languages) {
  const primary = String(tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return languages.includes(primary) ? primary : '';
}

/** The first of the tags (in order of precedence) that names one of `languages`, else English. */
export function chooseLanguage(languages, ...tags) {
  for (const tag of tags) {
    const language = catalogLanguage(tag, languages);
    if (language) return language;
  }
  return 'en';
}

const warned = new Set();

/** The shell's words in one language (`messages`, from parsePo), English under them. */
export class Translator {
  constructor(language, messages, english) {
    this.language = messages ? language : 'en';
    this.messages = messages ?? english;
    this.english = english;
    this.plural = new Intl.PluralRules(this.language);
  }

  /** The message `id` with its {placeholders} filled; a count `n` picks its form. */
  t(id, args = {}) {
    const form = (messages, rules) => {
      if (!('n' in args)) return messages.get(id);
      return messages.get(`${id}[${rules.select(Number(args.n))}]`) ?? messages.get(`${id}[other]`) ?? messages.get(id);
    };
    let pattern = form(this.messages, this.plural);
    if (pattern === undefined) {
      pattern = form(this.english, new Intl.PluralRules('en'));
      if (this.messages !== this.english && !warned.has(this.language)) {
        warned.add(this.language);
        console.warn(`[article-widget] the ${this.language} catalog has no message "${id}" (and maybe others): shown in English`);
      }
    }
    if (pattern === undefined) return id;
    return pattern.replace(/\{(\w+)\}/g, (m, name) => (name in args ? String(args[name]) : m));
  }
}
