// Who is signed in, and what they may do where. The server decides every
// request; these helpers only choose what to show.
import type { RoleGrant, User } from "./api/client";

export interface Session {
  user: User;
  // Where the dashboard opens: the user's unit, or the one reviewed last; its latest period with figures.
  home: { unit: number; period: string | null } | null;
}

export type Role = RoleGrant["role"];

export function isAdmin(s: Session): boolean {
  return s.user.roles.some((r) => r.role === "admin");
}

// Whether the user holds `role` (or admin) anywhere; with units, over one of them.
export function hasRole(s: Session, ...roles: Role[]): boolean {
  return isAdmin(s) || s.user.roles.some((r) => roles.includes(r.role));
}

// The unit a page opens on when the address names none: the last one
// chosen in this tab, else the user's own, else where their dashboard opens.
export function defaultUnit(s: Session): number {
  const remembered = Number(sessionStorage.getItem("kd_unit") ?? 0);
  return remembered || (s.user.roles.find((r) => r.unit !== null)?.unit ?? s.home?.unit ?? 0);
}

export function rememberUnit(unit: number): void {
  sessionStorage.setItem("kd_unit", String(unit));
}
