// Every page of the web app, once: its address, its name in the navigation
// (none: reached by links only), who sees it there, and its component.
// The router and the navigation both read this table; add a page here.
import type { FunctionComponent } from "preact";
import type { Strings } from "./i18n";
import type { Session } from "./session";
import { hasRole } from "./session";
import { Dashboard } from "./pages/dashboard";
import { Entry } from "./pages/entry";
import { Read } from "./pages/read";
import { Import } from "./pages/import";
import { Meetings } from "./pages/meetings";
import { Directives } from "./pages/directives";
import { Inbox, inboxCount } from "./pages/inbox";
import { Completeness } from "./pages/completeness";
import { Plans } from "./pages/plans";
import { Users } from "./pages/users";

export interface PageProps {
  params: URLSearchParams;
  session: Session;
}

export interface RouteDef {
  path: string;
  nav?: (s: Strings) => string;
  // Shown in the navigation only to these users (the server checks anyway).
  shows?: (s: Session) => boolean;
  page: FunctionComponent<PageProps>;
  // A number shown beside the navigation label (figures waiting), read again on each move.
  count?: () => Promise<number>;
}

export const routes: RouteDef[] = [
  { path: "/dashboard", nav: (s) => s.dashboard, page: Dashboard },
  // Approvers approve figures on the entry page too.
  { path: "/entry", nav: (s) => s.entry, shows: (s) => hasRole(s, "reporter", "approver"), page: Entry },
  { path: "/inbox", nav: (s) => s.inbox, shows: (s) => hasRole(s, "approver"), page: Inbox, count: inboxCount },
  { path: "/completeness", nav: (s) => s.completeness, shows: (s) => hasRole(s, "approver", "viewer"), page: Completeness },
  { path: "/read", nav: (s) => s.readReport, shows: (s) => hasRole(s, "reporter"), page: Read },
  { path: "/import", nav: (s) => s.import, shows: (s) => hasRole(s, "reporter"), page: Import },
  { path: "/meetings", nav: (s) => s.meetings, page: Meetings },
  { path: "/directives", nav: (s) => s.directives, page: Directives },
  { path: "/plans", nav: (s) => s.plans, page: Plans },
  { path: "/users", nav: (s) => s.users, shows: (s) => hasRole(s, "admin"), page: Users },
];

export const defaultPath = "/dashboard";

export function findRoute(path: string): RouteDef | undefined {
  return routes.find((r) => r.path === path);
}
