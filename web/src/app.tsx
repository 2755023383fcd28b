// The shell: the header (navigation drawn from the route table, language,
// sign-out), the session, and the current page in <main>.
import { useEffect, useState } from "preact/hooks";
import { api, ok, setCsrf } from "./api/client";
import { ErrorBox } from "./components/error-box";
import { t } from "./i18n";
import { getLang, setLang } from "./lang";
import { handleUnauthenticated, setUnauthenticatedHandler } from "./lib/use-load";
import { Login } from "./pages/login";
import { go, href, navigate, useLocation } from "./router";
import { defaultPath, findRoute, routes } from "./routes";
import type { Session } from "./session";

export function App() {
  const loc = useLocation();
  const [session, setSession] = useState<Session | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [, setLangTick] = useState(0);
  const [counts, setCounts] = useState<Record<string, number>>({});
  const onLogin = loc.path === "/login";

  // A signed-out user goes to sign in, and comes back to the page they asked for.
  const toLogin = () => {
    setSession(null);
    const here = location.hash;
    navigate("/login", here && !here.startsWith("#/login") ? { next: here } : {});
  };
  setUnauthenticatedHandler(toLogin);

  const loadSession = () => {
    setFailure(null);
    ok(api.GET("/auth/me")).then(
      (me) => {
        if (me.csrf_token) setCsrf(me.csrf_token);
        setSession({ user: me.user, home: me.home ?? null });
      },
      (e) => {
        if (!handleUnauthenticated(e)) setFailure(e);
      },
    );
  };
  useEffect(() => {
    if (!session && !onLogin) loadSession();
  }, [session, onLogin]);

  // The numbers beside navigation labels (figures waiting for approval), read on each move and when a page says so.
  useEffect(() => {
    if (!session || onLogin) return;
    let current = true;
    const read = () => {
      for (const r of routes) {
        if (!r.count || (r.shows && !r.shows(session))) continue;
        void r.count().then((n) => current && setCounts((c) => ({ ...c, [r.path]: n })));
      }
    };
    read();
    window.addEventListener("kd-inbox-changed", read);
    return () => {
      current = false;
      window.removeEventListener("kd-inbox-changed", read);
    };
  }, [session, onLogin, loc.key]);

  useEffect(() => {
    document.documentElement.lang = getLang();
    // Screen readers start at the new page; a page that put focus in a field keeps it.
    const main = document.getElementById("main");
    if (main && !main.contains(document.activeElement)) main.focus({ preventScroll: true });
  }, [loc.key]);

  const signedIn = (s: { user: Session["user"] }) => {
    setSession(null);  // reloaded from /auth/me, with where the dashboard opens
    const next = loc.params.get("next");
    go(next && next.startsWith("#/") && !next.startsWith("#/login") ? next : href(defaultPath));
    void s;
  };
  const signOut = async () => {
    await api.POST("/auth/logout").catch(() => undefined);
    setSession(null);
    navigate("/login");
  };
  const switchLang = () => {
    setLang(getLang() === "vi" ? "en" : "vi");
    setLangTick((n) => n + 1);
  };

  let content;
  if (onLogin) content = <Login onSignedIn={signedIn} />;
  else if (failure) content = <ErrorBox error={failure} retry={loadSession} />;
  else if (!session) content = null;
  else {
    const route = findRoute(loc.path) ?? (loc.path === "/" ? findRoute(defaultPath) : undefined);
    const Page = route?.page;
    content = Page ? <Page key={loc.key + getLang()} params={loc.params} session={session} /> : <p>{t().notFoundPage}</p>;
  }

  return (
    <>
      <a class="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById("main")?.focus(); }}>
        {t().skip}
      </a>
      <header id="top">
        <span class="brand">
          {t().app} <span class="muted">— {t().tagline}</span>
        </span>
        {session && !onLogin && (
          <nav aria-label={t().mainNav}>
            {routes
              .filter((r) => r.nav && (!r.shows || r.shows(session)))
              .map((r) => (
                <a href={href(r.path)} aria-current={loc.path === r.path ? "page" : undefined} id={r.count ? `nav-${r.path.slice(1)}` : undefined}>
                  {r.nav!(t())}
                  {r.count && counts[r.path] ? (
                    <span class="count">{counts[r.path]}</span>
                  ) : null}
                </a>
              ))}
          </nav>
        )}
        <button type="button" class="link" id="lang" lang={getLang() === "vi" ? "en" : "vi"} onClick={switchLang}>
          {t().language}
        </button>
        {session && !onLogin && (
          <>
            <span class="muted">{session.user.display_name || session.user.username}</span>
            <button type="button" class="link" id="signout" onClick={signOut}>
              {t().signOut}
            </button>
          </>
        )}
      </header>
      <main id="main" tabindex={-1}>
        {content}
      </main>
    </>
  );
}
