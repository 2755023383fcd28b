// The interface language: Vietnamese by default, English on request; kept in
// localStorage so that it survives a reload. The one place that reads it.
export type Lang = "vi" | "en";

let lang: Lang = localStorage.getItem("kd_lang") === "en" ? "en" : "vi";

export function getLang(): Lang {
  return lang;
}

export function setLang(l: Lang): void {
  lang = l;
  localStorage.setItem("kd_lang", l);
  document.documentElement.lang = l;
}
