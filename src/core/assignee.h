// Assignee names as matching sees them: one body written "UBND phường Quảng
// Hưng", "Ủy ban nhân dân phường Quảng Hưng" or "uy ban nhan dan phuong quang
// hung" has one key, so a board groups and filters it as one. Only matching
// uses the key; people see the name as written.
#ifndef KIEMDEM_CORE_ASSIGNEE_H_
#define KIEMDEM_CORE_ASSIGNEE_H_

#include <string>
#include <string_view>

namespace kiemdem {

// The name folded (lower case, no diacritics, "đ" → "d", punctuation a space)
// with the short forms of administrative writing spelled out: UBND, HĐND,
// MTTQ, BCH, BTV, UBKT, TP, TX, đ/c, and a single letter with a dot before a
// name (P., X., Q., H.). "UBND P. Quảng Hưng" → "uy ban nhan dan phuong quang hung".
std::string AssigneeKey(std::string_view name);

// True when every word of the query's key starts a word of the name's key, in
// any order: "ubnd phuong" and "Ủy ban nhân dân phường" match "UBND phường Quảng Hưng".
// An empty query matches every name.
bool AssigneeMatches(std::string_view name, std::string_view query);

}  // namespace kiemdem

#endif  // KIEMDEM_CORE_ASSIGNEE_H_
