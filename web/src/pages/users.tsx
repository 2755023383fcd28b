// Accounts, for administrators: every user with their roles (each over a unit
// named with its province and code), a form to add a user, and each user's
// roles granted or replaced at once, the unit found by typing its name with
// or without diacritics.
import { useEffect, useRef, useState } from "preact/hooks";
import { api, ok, type RoleGrant, type Unit, type User } from "../api/client";
import { ErrorBox } from "../components/error-box";
import { Loaded } from "../components/loaded";
import { UnitButtons, UnitSearchError, useUnitSearch } from "../components/unit-picker";
import { formatDate, todayInVietnam } from "../format";
import { t } from "../i18n";
import { withProgress } from "../lib/progress";
import { useLoad } from "../lib/use-load";
import type { PageProps } from "../routes";
import type { Role } from "../session";

const ROLES: Role[] = ["viewer", "reporter", "approver", "admin"];

// A grant being edited: its unit named as the list shows it.
interface Draft {
  role: Role;
  unit: number | null;
  label: string;  // "Phường Long Biên, Thành phố Hà Nội (00145)"
}

function unitLabel(name: string | null, province: string | null, code: string | null): string {
  if (!name) return t().everyUnit;
  return `${name}${province ? `, ${province}` : ""}${code ? ` (${code})` : ""}`;
}

function grantText(g: RoleGrant): string {
  return `${t().roleNames[g.role]} — ${g.unit === null ? t().everyUnit : unitLabel(g.unit_name, g.unit_province, g.unit_code)}`;
}

export function Users(_: PageProps) {
  const [editing, setEditing] = useState<User | null>(null);
  const [notice, setNotice] = useState("");
  // Every user, 500 a page.
  const load = useLoad(async () => {
    const all: User[] = [];
    for (let page = 1; ; page++) {
      const r = await ok(api.GET("/users", { params: { query: { page, page_size: 500 } } }));
      all.push(...r.items);
      if (r.items.length === 0 || all.length >= r.total) return all;
    }
  }, []);
  return (
    <>
      <section class="card" aria-labelledby="users-title">
        <h1 id="users-title">{t().users}</h1>
        <p role="status" id="users-notice">{notice}</p>
        <Loaded load={load}>
          {(users) => (
            <div class="scroll">
              <table id="users">
                <thead>
                  <tr>
                    <th scope="col">{t().username}</th>
                    <th scope="col">{t().displayName}</th>
                    <th scope="col">{t().email}</th>
                    <th scope="col">{t().roles}</th>
                    <th scope="col"><span class="sr-only">{t().actions}</span></th>
                  </tr>
                </thead>
                <tbody>
                  {users.map((u) => (
                    <tr data-user={u.username}>
                      <td>{u.username}{u.disabled && <span class="muted"> ({t().accountDisabled})</span>}</td>
                      <td>{u.display_name}</td>
                      <td class="email">
                        <EmailCell user={u} onSaved={(x) => { setNotice(t().emailSaved(x.username)); load.reload(); }} />
                      </td>
                      <td class="roles">
                        {u.roles.length === 0 ? <span class="muted">{t().noRoles}</span> : u.roles.map((g) => <div>{grantText(g)}</div>)}
                      </td>
                      <td>
                        <button type="button" class="secondary edit-roles" onClick={() => setEditing(u)}>{t().editRoles}</button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Loaded>
      </section>
      {editing && (
        <RolesEditor key={editing.username} user={editing}
                     onSaved={(u) => { setNotice(t().rolesSaved(u.username)); setEditing(null); load.reload(); }}
                     onClose={() => setEditing(null)} />
      )}
      <NewUser onCreated={(u) => { setNotice(t().userCreated(u.username)); load.reload(); setEditing(u); }} />
    </>
  );
}

function NewUser({ onCreated }: { onCreated: (u: User) => void }) {
  const [f, setF] = useState({ username: "", display: "", email: "", password: "" });
  const [problem, setProblem] = useState("");
  const [error, setError] = useState<unknown>(null);
  const create = async (e: Event) => {
    e.preventDefault();
    setProblem("");
    setError(null);
    if (!/^[A-Za-z0-9._@-]{1,64}$/.test(f.username)) return setProblem(t().badUsername);
    if (f.password.length < 8) return setProblem(t().shortPassword);
    if (f.email && !looksLikeEmail(f.email)) return setProblem(t().badEmail);
    try {
      const u = await withProgress(ok(api.POST("/users", {
        body: { username: f.username, display_name: f.display, email: f.email.trim(), password: f.password },
      })));
      setF({ username: "", display: "", email: "", password: "" });
      onCreated(u);
    } catch (x) {
      setError(x);
    }
  };
  return (
    <section class="card" aria-labelledby="new-user-title">
      <h2 id="new-user-title">{t().newUser}</h2>
      <form id="user-form" onSubmit={create} noValidate>
        <div class="toolbar">
          <div>
            <label for="new-username">{t().username}</label>
            <input id="new-username" autocomplete="off" value={f.username} onInput={(e) => setF({ ...f, username: e.currentTarget.value })} />
          </div>
          <div>
            <label for="new-display">{t().displayName}</label>
            <input id="new-display" size={32} value={f.display} onInput={(e) => setF({ ...f, display: e.currentTarget.value })} />
          </div>
          <div>
            <label for="new-email">{t().email}</label>
            <input id="new-email" type="email" autocomplete="off" size={28} value={f.email}
                   onInput={(e) => setF({ ...f, email: e.currentTarget.value })} />
          </div>
          <div>
            <label for="new-password">{t().password}</label>
            <input id="new-password" type="password" autocomplete="new-password" value={f.password} onInput={(e) => setF({ ...f, password: e.currentTarget.value })} />
          </div>
          <div>
            <button type="submit" id="user-create">{t().create}</button>
          </div>
        </div>
        {problem && <p class="error" role="alert">{problem}</p>}
        <ErrorBox error={error} />
      </form>
    </section>
  );
}

// One address, as the server checks it (core/email_address.h) in short: the
// server's message is shown for anything this lets through.
function looksLikeEmail(s: string): boolean {
  return /^[^\s@",;<>()\\]+@[^\s@",;<>()\\.]+(\.[^\s@",;<>()\\.]+)+$/.test(s.trim());
}

// A user's address (where reminders go), edited in its cell.
function EmailCell({ user, onSaved }: { user: User; onSaved: (u: User) => void }) {
  const [value, setValue] = useState<string | null>(null);  // null: not editing
  const [problem, setProblem] = useState("");
  const [error, setError] = useState<unknown>(null);
  if (value === null) {
    return (
      <>
        {user.email ? <span class="addr">{user.email}</span> : <span class="muted">{t().noEmail}</span>}{" "}
        <button type="button" class="secondary edit-email" aria-label={`${t().editEmail}: ${user.username}`}
                onClick={() => setValue(user.email)}>{t().editEmail}</button>
      </>
    );
  }
  const save = async (e: Event) => {
    e.preventDefault();
    setProblem("");
    setError(null);
    if (value.trim() && !looksLikeEmail(value)) return setProblem(t().badEmail);
    try {
      const u = await withProgress(ok(api.PUT("/users/{username}/email", {
        params: { path: { username: user.username } }, body: { email: value.trim() },
      })));
      setValue(null);
      onSaved(u);
    } catch (x) {
      setError(x);
    }
  };
  return (
    <form class="email-form" onSubmit={save} noValidate>
      <input type="email" aria-label={t().emailOf(user.username)} value={value} size={26}
             onInput={(e) => setValue(e.currentTarget.value)} />
      <button type="submit" class="save-email">{t().save}</button>
      <button type="button" class="secondary" onClick={() => setValue(null)}>{t().close}</button>
      {problem && <p class="error" role="alert">{problem}</p>}
      <ErrorBox error={error} />
    </form>
  );
}

function RolesEditor({ user, onSaved, onClose }: { user: User; onSaved: (u: User) => void; onClose: () => void }) {
  const [drafts, setDrafts] = useState<Draft[]>(user.roles.map((g) => ({
    role: g.role, unit: g.unit, label: g.unit === null ? t().everyUnit : unitLabel(g.unit_name, g.unit_province, g.unit_code),
  })));
  const [role, setRole] = useState<Role>("reporter");
  const [error, setError] = useState<unknown>(null);
  const search = useUnitSearch(formatDate(todayInVietnam()));
  const box = useRef<HTMLElement>(null);
  // Opened from a row of a long list: brought into view, with focus on the role to grant.
  useEffect(() => {
    box.current?.scrollIntoView({ block: "start" });
    document.getElementById("grant-role")?.focus({ preventScroll: true });
  }, []);
  const add = (unit: Unit | null) => {
    const id = unit ? unit.id : null;  // the unit clicked, a former one too (its role covers its own dates)
    const label = unit ? unitLabel(unit.full_name, unit.province, unit.code) : t().everyUnit;
    if (drafts.some((d) => d.role === role && d.unit === id)) return;
    setDrafts([...drafts, { role, unit: id, label }]);
    search.setQuery("");
  };
  const save = async () => {
    setError(null);
    try {
      const u = await withProgress(ok(api.PUT("/users/{username}/roles", {
        params: { path: { username: user.username } },
        body: { roles: drafts.map((d) => ({ role: d.role, unit: d.unit })) },
      })));
      onSaved(u);
    } catch (x) {
      setError(x);
    }
  };
  return (
    <section class="card" id="roles-editor" aria-labelledby="roles-title" ref={box}>
      <h2 id="roles-title">{t().rolesOf(user.display_name || user.username)}</h2>
      {drafts.length === 0 ? (
        <p class="muted">{t().noRoles}</p>
      ) : (
        <ul id="grants">
          {drafts.map((d, i) => (
            <li data-role={d.role} data-unit={d.unit ?? ""}>
              {t().roleNames[d.role]} — {d.label}{" "}
              <button type="button" class="link" onClick={() => setDrafts(drafts.filter((_, j) => j !== i))}>{t().removeTarget}</button>
            </li>
          ))}
        </ul>
      )}
      <div class="toolbar">
        <div>
          <label for="grant-role">{t().roles}</label>
          <select id="grant-role" value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
            {ROLES.map((r) => <option value={r}>{t().roleNames[r]}</option>)}
          </select>
        </div>
        <div>
          <label for="grant-unit-search">{t().grantUnit}</label>
          <input id="grant-unit-search" type="search" size={32} value={search.query} onInput={(e) => search.setQuery(e.currentTarget.value)} />
        </div>
        <div>
          <button type="button" class="secondary" id="grant-everywhere" onClick={() => add(null)}>{t().grantEverywhere}</button>
        </div>
      </div>
      <UnitSearchError error={search.error} />
      {search.found && (
        <div class="units" id="grant-units" aria-live="polite">
          <UnitButtons units={search.found} onPick={add} />
        </div>
      )}
      <div class="actions">
        <button type="button" id="roles-save" onClick={save}>{t().saveRoles}</button>
        <button type="button" class="secondary" onClick={onClose}>{t().close}</button>
      </div>
      <ErrorBox error={error} />
    </section>
  );
}
