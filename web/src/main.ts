// The web app's shell: the header (navigation, language, sign-out) and a
// hash router over the pages. Every page renders into <main>.
import { api, ApiError, getLang, setCsrf, setLang, type User } from "./api";
import { t } from "./i18n";
import { escapeHtml } from "./format";
import { renderLogin } from "./pages/login";
import { renderDashboard } from "./pages/dashboard";
import { renderDirectives } from "./pages/directives";
import { renderEntry } from "./pages/entry";
import { renderRead } from "./pages/read";
import { renderMeetings } from "./pages/meetings";
import { renderImport } from "./pages/import";

export interface Session {
  user: User;
  // Where the dashboard opens: the user's unit, or the one reviewed last; its latest period with figures.
  home: { unit: number; period: string | null } | null;
}
let session: Session | null = null;

export function navigate(hash: string): void {
  if (location.hash === hash) void route();
  else location.hash = hash;
}

export async function withProgress<T>(work: Promise<T>): Promise<T> {
  const box = document.getElementById("progress")!;
  const timer = setTimeout(() => {
    box.textContent = t().loading;
    box.hidden = false;
  }, 300);
  try {
    return await work;
  } finally {
    clearTimeout(timer);
    box.hidden = true;
  }
}

function renderHeader(): void {
  const top = document.getElementById("top")!;
  const page = location.hash.split("?")[0] || "#/";
  const link = (href: string, text: string) =>
    `<a href="${href}" ${page.startsWith(href) ? 'aria-current="page"' : ""}>${escapeHtml(text)}</a>`;
  top.innerHTML = `<span class="brand">${t().app} <span class="muted">— ${escapeHtml(t().tagline)}</span></span>
    ${session ? `<nav aria-label="chính">${link("#/dashboard", t().dashboard)}${link("#/entry", t().entry)}${link("#/read", t().readReport)}${link("#/import", t().import)}${link("#/meetings", t().meetings)}${link("#/directives", t().directives)}</nav>` : ""}
    <button class="link" id="lang" lang="${getLang() === "vi" ? "en" : "vi"}">${t().language}</button>
    ${session ? `<span class="muted">${escapeHtml(session.user.display_name || session.user.username)}</span>
       <button class="link" id="signout">${t().signOut}</button>` : ""}`;
  document.getElementById("lang")!.onclick = () => {
    setLang(getLang() === "vi" ? "en" : "vi");
    document.documentElement.lang = getLang();
    void route();
  };
  const out = document.getElementById("signout");
  if (out) {
    out.onclick = async () => {
      await api("POST", "/auth/logout").catch(() => undefined);
      session = null;
      navigate("#/login");
    };
  }
}

export function setSession(s: Session | null): void {
  session = s;
}

async function route(): Promise<void> {
  document.documentElement.lang = getLang();
  const main = document.getElementById("main")!;
  const [path, query] = (location.hash.slice(1) || "/dashboard").split("?");
  const params = new URLSearchParams(query ?? "");
  if (!session && path !== "/login") {
    try {
      const me = await api<{ user: User; csrf_token?: string; home: Session["home"] }>("GET", "/auth/me");
      session = { user: me.user, home: me.home };
      if (me.csrf_token) setCsrf(me.csrf_token);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        navigate("#/login");
        return;
      }
      throw e;
    }
  }
  renderHeader();
  const mine = ++generation;
  try {
    await renderPage(path, params, main);
  } catch (e) {
    // A page the user already left may find its elements gone: only the current one reports.
    if (mine !== generation) return;
    if (e instanceof ApiError && e.status === 401) {
      session = null;
      navigate("#/login");
      return;
    }
    main.innerHTML = `<p class="error" role="alert">${escapeHtml(e instanceof Error ? e.message : String(e))}</p>`;
  }
  // Screen readers start at the new page; a page that put focus in a field keeps it.
  if (mine === generation && !main.contains(document.activeElement)) main.focus({ preventScroll: true });
}

let generation = 0;

async function renderPage(path: string, params: URLSearchParams, main: HTMLElement): Promise<void> {
  if (path === "/login") await renderLogin(main);
  else if (path === "/directives") await renderDirectives(main, params);
  else if (path === "/entry") await renderEntry(main, params, session!);
  else if (path === "/read") await renderRead(main, params, session!);
  else if (path === "/import") await renderImport(main);
  else if (path === "/meetings") await renderMeetings(main, params, session!);
  else await renderDashboard(main, params, session!);
}

window.addEventListener("hashchange", () => void route());
void route();
