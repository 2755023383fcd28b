// Sign in: user name and password; the server sets the session cookie and
// returns the CSRF token for writes.
import { api, ApiError, setCsrf, type User } from "../api";
import { t } from "../i18n";
import { escapeHtml } from "../format";
import { navigate, setSession } from "../main";

export async function renderLogin(main: HTMLElement): Promise<void> {
  main.innerHTML = `<form class="card login" id="login" novalidate>
      <h1>${t().signIn}</h1>
      <label for="username">${t().username}</label>
      <input id="username" name="username" autocomplete="username" required />
      <label for="password">${t().password}</label>
      <input id="password" name="password" type="password" autocomplete="current-password" required />
      <p class="error" id="login-error" role="alert"></p>
      <button type="submit">${t().signIn}</button>
    </form>`;
  const form = document.getElementById("login") as HTMLFormElement;
  (document.getElementById("username") as HTMLInputElement).focus();
  form.onsubmit = async (ev) => {
    ev.preventDefault();
    const username = (document.getElementById("username") as HTMLInputElement).value.trim();
    const password = (document.getElementById("password") as HTMLInputElement).value;
    try {
      const r = await api<{ user: User; csrf_token: string }>("POST", "/auth/login", { username, password });
      setCsrf(r.csrf_token);
      // The next page asks /auth/me for the session, with where the dashboard opens.
      setSession(null);
      navigate("#/dashboard");
    } catch (e) {
      const msg = e instanceof ApiError ? e.message : String(e);
      document.getElementById("login-error")!.innerHTML = `${t().signInFailed}: ${escapeHtml(msg)}`;
    }
  };
}
