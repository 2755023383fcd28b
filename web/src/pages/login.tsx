// Sign in: user name and password; the server sets the session cookie and
// returns the CSRF token for writes.
import { useEffect, useRef, useState } from "preact/hooks";
import { api, ok, setCsrf, type User } from "../api/client";
import { ErrorBox } from "../components/error-box";
import { t } from "../i18n";

export function Login({ onSignedIn }: { onSignedIn: (s: { user: User }) => void }) {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const name = useRef<HTMLInputElement>(null);
  useEffect(() => name.current?.focus(), []);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    try {
      const r = await ok(api.POST("/auth/login", { body: { username: username.trim(), password } }));
      setCsrf(r.csrf_token);
      onSignedIn(r);
    } catch (x) {
      setError(x);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card login" id="login" novalidate onSubmit={submit}>
      <h1>{t().signIn}</h1>
      <label for="username">{t().username}</label>
      <input id="username" ref={name} name="username" autocomplete="username" required value={username}
             onInput={(e) => setUsername(e.currentTarget.value)} />
      <label for="password">{t().password}</label>
      <input id="password" name="password" type="password" autocomplete="current-password" required value={password}
             onInput={(e) => setPassword(e.currentTarget.value)} />
      <div id="login-error">{error ? <ErrorBox error={error} /> : null}</div>
      <button type="submit" disabled={busy}>{t().signIn}</button>
    </form>
  );
}
