// The interface language: Vietnamese by default, English on request; kept in
// localStorage so that it survives a reload. The one place that reads it.
export type Lang = "vi" | "en";

// Storage may be absent (unit tests) or refused (a browser's private mode): then Vietnamese.
function stored(): string | null {
  try {
    return globalThis.localStorage?.getItem("kd_lang") ?? null;
  } catch {
    return null;
  }
}

let lang: Lang = stored() === "en" ? "en" : "vi";

export function getLang(): Lang {
  return lang;
}

export function setLang(l: Lang): void {
  lang = l;
  try {
    localStorage.setItem("kd_lang", l);
  } catch {
    // not kept across a reload; the choice still holds for this page
  }
  document.documentElement.lang = l;
}
