// Money: currency signs, codes and names before or after an amount ("$350 billion", "USD70.2 billion", "Rs. 5bn",
// "75 USD million", "Swiss francs"), and the range tail an amount may carry ("$5-10 million", "15-20 percent").
import { type Ctx, isHyphen, isP, push, wordAt } from "./figure-context.js";
import { moneyWhat, qualifierBefore } from "./figure-what.js";
import { BIG_SCALES, readNumber, scaleBy, skipGap, wordTable, type Token, type WordTable } from "./numbers.js";

/** Currency signs before (or after) an amount. */
const SYMBOLS: WordTable<string> = wordTable({
  $: "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₽": "RUB", "₴": "UAH", "₩": "KRW", "₺": "TRY", "₦": "NGN",
  "₱": "PHP", "₪": "ILS", "₫": "VND", "₡": "CRC", "₾": "GEL", "₭": "LAK", "₸": "KZT", "₼": "AZN", "₿": "BTC", "元": "CNY", "ரூ": "LKR",
});
/** The longest sign, in UTF-16 units. */
const SYMBOL_MAX = Math.max(...[...SYMBOLS.keys()].map((k) => k.length));
/** Letters glued before "$": US$, C$, HK$, A$, NZ$, S$, Mex$, R$. */
const DOLLAR_PREFIX: WordTable<string> = wordTable({
  us: "USD", usd: "USD", c: "CAD", ca: "CAD", cad: "CAD", a: "AUD", au: "AUD", aud: "AUD", hk: "HKD", hkd: "HKD",
  nz: "NZD", nzd: "NZD", s: "SGD", sg: "SGD", sgd: "SGD", mex: "MXN", mx: "MXN", mxn: "MXN", r: "BRL",
});
/** The same, when written with a space before the sign ("c $ 16.4 million"); never "a" or "s", which are words. */
const SPACED_DOLLAR_PREFIX = new Set(["us", "c", "hk", "nz", "mex", "usd", "cad", "aud", "hkd", "nzd", "mxn"]);
const ISO_CODES = new Set([
  "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "RUB", "PKR", "INR", "CHF", "CAD", "AUD", "NZD", "HKD", "SGD", "SAR", "AED",
  "TRY", "UAH", "KRW", "BRL", "MXN", "ZAR", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "IRR", "AFN", "BDT", "LKR", "EGP",
  "NGN", "KZT", "TWD", "THB", "IDR", "MYR", "ILS", "QAR", "KWD", "BHD", "OMR", "JOD", "CRC", "GEL", "AZN", "BTC",
]);
/** Lower-case codes that are not also English words ("try", "all" are). */
const LOWER_CODES = new Set(["usd", "eur", "gbp", "jpy", "cny", "rmb", "rub", "pkr", "inr", "chf", "cad", "aud", "nzd", "hkd", "sgd", "sek", "nok", "dkk", "mxn", "brl", "zar", "krw", "uah", "btc"]);
const CODE_ALIASES: WordTable<string> = wordTable({ RMB: "CNY", rs: "PKR", Rs: "PKR", RS: "PKR" });

function codeOf(t: Token | undefined): { unit: string; exp: number } | null {
  if (!t || t.type !== "word") return null;
  const x = t.text;
  // Every code below is three letters, or four with M before it: a longer word is none.
  if (x.length > 4) return null;
  if (CODE_ALIASES.get(x)) return { unit: CODE_ALIASES.get(x)!, exp: 0 };
  if (ISO_CODES.has(x)) return { unit: CODE_ALIASES.get(x) ?? x, exp: 0 };
  if (LOWER_CODES.has(x)) return { unit: CODE_ALIASES.get(x.toUpperCase()) ?? x.toUpperCase(), exp: 0 };
  // MUSD, MEUR: millions of
  if (x.length === 4 && (x[0] === "M" || x[0] === "m") && (ISO_CODES.has(x.slice(1).toUpperCase()))) {
    const c = x.slice(1).toUpperCase();
    return { unit: CODE_ALIASES.get(c) ?? c, exp: 6 };
  }
  return null;
}

/** Currency names after an amount, singular, up to three words. */
const CURRENCY_WORDS: WordTable<string> = wordTable({
  dollar: "USD", "us dollar": "USD", "american dollar": "USD", "australian dollar": "AUD", "canadian dollar": "CAD",
  "hong kong dollar": "HKD", "new zealand dollar": "NZD", "singapore dollar": "SGD", "taiwan dollar": "TWD",
  euro: "EUR", pound: "GBP", "pound sterling": "GBP", "british pound": "GBP", sterling: "GBP",
  yen: "JPY", "japanese yen": "JPY", yuan: "CNY", "chinese yuan": "CNY", renminbi: "CNY", kuai: "CNY",
  rupee: "PKR", "pakistani rupee": "PKR", "indian rupee": "INR", "sri lankan rupee": "LKR",
  rouble: "RUB", ruble: "RUB", "russian rouble": "RUB", "russian ruble": "RUB",
  "swiss franc": "CHF", "french franc": "FRF", franc: "franc", peseta: "ESP", markka: "FIM", "finnish markka": "FIM",
  guilder: "NLG", "dutch guilder": "NLG", "turkish lira": "TRY", hryvnia: "UAH", riyal: "SAR", "saudi riyal": "SAR",
  dirham: "AED", "uae dirham": "AED", taka: "BDT", afghani: "AFN", rand: "ZAR", "south african rand": "ZAR",
  "mexican peso": "MXN", "korean won": "KRW", "south korean won": "KRW", "iranian rial": "IRR", naira: "NGN",
  bitcoin: "BTC", satoshi: "satoshi",
  cent: "cent", penny: "penny", pence: "penny", pennies: "penny", kopek: "kopek", kopeck: "kopek", paisa: "paisa", paise: "paisa", dime: "dime",
});
const CURRENCY_FIRST = new Set([...CURRENCY_WORDS.keys()].map((k) => k.split(" ")[0]));

const singular = (w: string) => (w === "pence" || w === "paise" || w === "pennies" ? w : w.endsWith("ies") ? w.slice(0, -3) + "y" : w.endsWith("s") && !w.endsWith("ss") ? w.slice(0, -1) : w);

/** A currency word or phrase at token k ("dollars", "Australian dollars", "Swiss francs"). */
function currencyWordAt(toks: Token[], k: number): { unit: string; next: number } | null {
  const w0 = wordAt(toks, k);
  if (!w0 || !CURRENCY_FIRST.has(singular(w0)) && !CURRENCY_FIRST.has(w0)) return null;
  let best: { unit: string; next: number } | null = null;
  let phrase = "";
  let j = k;
  for (let n = 0; n < 3; n++) {
    const w = wordAt(toks, j);
    if (!w) break;
    const key = (phrase ? phrase + " " : "") + singular(w);
    const keyRaw = (phrase ? phrase + " " : "") + w;
    const hit = CURRENCY_WORDS.get(keyRaw) ?? CURRENCY_WORDS.get(key);
    if (hit) best = { unit: hit, next: j + 1 };
    phrase = keyRaw;
    const j2 = skipGap(toks, j + 1, 1);
    if (j2 === j + 1) break;
    j = j2;
  }
  // "pounds of sugar" is a weight
  if (best && best.unit === "GBP" && wordAt(toks, skipGap(toks, best.next)) === "of" && !/[£]/.test(toks[k].text)) return null;
  return best;
}

/**
 * Every word, lower case, that `moneyPrefix` can start at: a sign written with letters ("元"), a letter prefix
 * of "$" ("US", "C", "u" of "U.S."), a code ("USD", "Rs", "MUSD"). Case is checked there; this is a superset.
 */
export const MONEY_START_WORDS: ReadonlySet<string> = new Set([
  ...[...SYMBOLS.keys()].map((k) => k.toLowerCase()), ...DOLLAR_PREFIX.keys(), "u", ...SPACED_DOLLAR_PREFIX,
  ...[...CODE_ALIASES.keys()].map((k) => k.toLowerCase()), ...[...ISO_CODES].map((k) => k.toLowerCase()), ...LOWER_CODES,
  ...[...ISO_CODES].map((k) => "m" + k.toLowerCase()),
]);

/** Could a currency sign or prefix start at token t? False means `moneyPrefix` finds none there (a cheap test first). */
export function mayStartMoney(t: Token): boolean {
  if (t.type === "punct") return SYMBOLS.get(t.text) !== undefined;
  return t.type === "word" && MONEY_START_WORDS.has(t.lower);
}

/** The currency prefix at token i: "$", "US$", "c $", "USD", "USD$", "Rs.", "MUSD". */
function moneyPrefix(toks: Token[], i: number): { unit: string; exp: number; next: number } | null {
  const t = toks[i];
  // A word longer than every sign is not looked up: most words are, and each miss is a costly keyed lookup.
  if (t.type === "punct" || (t.type === "word" && t.text.length <= SYMBOL_MAX && SYMBOLS.get(t.text))) {
    const u = SYMBOLS.get(t.text);
    if (!u) return null;
    // a sign glued after letters that are not a known prefix ("X$5") is still a sign
    return { unit: u, exp: 0, next: i + 1 };
  }
  if (t.type !== "word") return null;
  if (i > 0 && toks[i - 1].type === "word") return null;
  const lower = t.lower;
  if (isP(toks[i + 1], "$") && DOLLAR_PREFIX.get(lower) && (t.text.length > 1 || t.text === t.text.toUpperCase())) {
    return { unit: DOLLAR_PREFIX.get(lower)!, exp: 0, next: i + 2 };
  }
  // U.S.$ / u.s $
  if (lower === "u" && isP(toks[i + 1], ".") && wordAt(toks, i + 2) === "s") {
    let k = i + 3;
    if (isP(toks[k], ".")) k++;
    k = skipGap(toks, k, 1);
    if (isP(toks[k], "$")) return { unit: "USD", exp: 0, next: k + 1 };
    return null;
  }
  if (SPACED_DOLLAR_PREFIX.has(lower) && toks[i + 1]?.type === "space" && toks[i + 1].text === " " && isP(toks[i + 2], "$")) {
    // "us $ 150 million"; not "give us $5" — the sign must be followed by an amount either way, so read it as USD
    return { unit: DOLLAR_PREFIX.get(lower)!, exp: 0, next: i + 3 };
  }
  const code = codeOf(t);
  if (code) {
    let k = i + 1;
    if (isP(toks[k], "$")) k++;
    else if (isP(toks[k], ".") && (t.text === "Rs" || t.text === "rs")) k++;
    return { unit: code.unit, exp: code.exp, next: k };
  }
  return null;
}

/** A currency after an amount: "dollars", "USD", "€", "元", "Swiss francs"; with a scale after a code ("75 USD million"). */
export function moneySuffix(toks: Token[], k: number): { unit: string; exp: number; next: number } | null {
  const gluedTok = toks[k];
  if (gluedTok && gluedTok.type !== "space") {
    // glued: "115USD", "100元", "-15€", "12-cent", "one-yen"
    if (gluedTok.type === "punct" && SYMBOLS.get(gluedTok.text) && gluedTok.text !== "$") return { unit: SYMBOLS.get(gluedTok.text)!, exp: 0, next: k + 1 };
    if (gluedTok.type === "word" && SYMBOLS.get(gluedTok.text)) return { unit: SYMBOLS.get(gluedTok.text)!, exp: 0, next: k + 1 };
    const c = codeOf(gluedTok);
    if (c && gluedTok.text === gluedTok.text.toUpperCase()) return withScale(toks, { unit: c.unit, exp: c.exp, next: k + 1 });
    if (isHyphen(gluedTok)) {
      const w = currencyWordAt(toks, k + 1);
      if (w && toks[k + 1].type === "word") return { unit: w.unit, exp: 0, next: w.next };
    }
    return null;
  }
  const p = skipGap(toks, k, 2);
  if (p === k) return null;
  const t = toks[p];
  if (!t) return null;
  if ((t.type === "punct" || t.type === "word") && SYMBOLS.get(t.text)) {
    // "10 $", "100 ₡" — but not "10 $ 20", where the sign starts the next amount
    if (t.text === "$" && toks[skipGap(toks, p + 1)]?.type === "num") return null;
    return { unit: SYMBOLS.get(t.text)!, exp: 0, next: p + 1 };
  }
  const c = codeOf(t);
  if (c) {
    if (toks[p + 1]?.type === "num" || (toks[skipGap(toks, p + 1)]?.type === "num" && c.exp === 0 && !isScaleWord(toks, skipGap(toks, p + 1)))) {
      // "10 rmb 20 usd": a code followed by a number starts the next amount, unless it is a scale
      if (toks[p + 1]?.type === "num") return null;
    }
    return withScale(toks, { unit: c.unit, exp: c.exp, next: p + 1 });
  }
  const w = currencyWordAt(toks, p);
  if (w) return { unit: w.unit, exp: 0, next: w.next };
  return null;
}

function isScaleWord(toks: Token[], k: number): boolean {
  const w = wordAt(toks, k);
  return !!w && BIG_SCALES.get(w) !== undefined;
}

/** "75 USD million": a scale after the code. */
function withScale(toks: Token[], m: { unit: string; exp: number; next: number }): { unit: string; exp: number; next: number } {
  const p = skipGap(toks, m.next, 1);
  const w = wordAt(toks, p);
  if (p > m.next && w && BIG_SCALES.get(w) !== undefined && !(toks[p + 1] && toks[p + 1].type === "word")) {
    return { ...m, exp: m.exp + BIG_SCALES.get(w)!, next: p + 1 };
  }
  return m;
}

/** Money with a prefix: "$350 billion", "USD70.2 billion", "c $ 16.4 million", "Rs. 5bn", "$5-10 million". */
export function readMoney(ctx: Ctx, i: number): number {
  const { toks } = ctx;
  const pre = moneyPrefix(toks, i);
  if (!pre) return 0;
  let k = skipGap(toks, pre.next, 1);
  let sign = 1;
  if (k === pre.next && (isP(toks[k], "-") || isP(toks[k], "−")) && toks[k + 1]?.type === "num") { sign = -1; k++; } // "$-99.99"
  const n0 = readNumber(toks, k);
  if (!n0 || n0.chainEnd !== undefined) return 0;
  const n = sign < 0 ? { ...n0, value: -n0.value } : n0;
  if (n.words && !n.digits) return 0; // "$ five" is not how amounts are written
  let value = scaleBy(n.value, pre.exp);
  let end = n.i1;
  const after = toks[end];
  if (after && after.type === "word") return end; // "$5bnx": not an amount we understand
  // a scale after the amount when the reader stopped short: "$ 20 bn"
  const post = withScale(toks, { unit: pre.unit, exp: 0, next: end });
  if (post.exp) { value = scaleBy(value, post.exp); end = post.next; }
  // "$ 10 dollars": the unit written twice
  const again = moneySuffix(toks, end);
  if (again && again.unit === pre.unit && again.exp === 0 && toks[again.next - 1].type === "word") end = again.next;
  // a range: "$5-10 million", "$5 million to $10 million", "$5-$10"
  let high: number | undefined;
  const r = rangeTail(toks, end, false);
  if (r) {
    let q = r;
    const pre2 = moneyPrefix(toks, q);
    if (pre2 && pre2.unit === pre.unit) q = skipGap(toks, pre2.next, 1);
    const n2 = readNumber(toks, q);
    if (n2 && n2.chainEnd === undefined && n2.digits) {
      let v2 = scaleBy(n2.value, pre.exp);
      if (n2.scaleExp && !n.scaleExp && n.value < n2.value / 10 ** n2.scaleExp + 1e-9 && n.value < n2.value) value = scaleBy(n.value, n2.scaleExp + pre.exp);
      if (v2 > value) { high = v2; end = n2.i1; }
      else v2 = 0;
    }
  }
  const start = toks[i].start;
  const q = qualifierBefore(toks, i);
  push(ctx, { kind: "money", value, unit: pre.unit, what: moneyWhat(ctx, i, end), qualifier: q.text, start, end: toks[end - 1].end, ...(high !== undefined ? { high } : {}) });
  return end;
}

/** A range after a number: "-", "–", "to", "through", "and" (only after "between"); returns the token where the second number starts. */
export function rangeTail(toks: Token[], k: number, between: boolean): number {
  const p = skipGap(toks, k);
  if (isHyphen(toks[p]) || isP(toks[p], "~")) {
    const q = skipGap(toks, p + 1);
    return toks[q] && (toks[q].type === "num" || toks[q].type === "word" || SYMBOLS.get(toks[q].text)) ? q : 0;
  }
  const w = wordAt(toks, p);
  if (p > k && w && (w === "to" || w === "through" || (between && w === "and"))) {
    // "from 5% to 7%" is a change, not a range
    const q = skipGap(toks, p + 1);
    return q > p + 1 ? q : 0;
  }
  return 0;
}
