// The e-mail of a completeness reminder and who receives it: the reporters
// and approvers of the reminded unit itself (those whose list of reminders
// shows it, RemindedUnits) that are enabled and have an address.
#ifndef KIEMDEM_API_REMINDER_MAIL_H_
#define KIEMDEM_API_REMINDER_MAIL_H_

#include <map>
#include <string>
#include <vector>

#include "api/mailer.h"
#include "core/completeness.h"
#include "store/account_store.h"
#include "store/reminder_store.h"

namespace kiemdem::api {

// Each reminded unit's addresses, read from every user's roles once.
std::map<UnitId, std::vector<std::string>> ReminderRecipients(const std::vector<store::User>& users);

// What the mail says besides the reminder itself, as the board shows it.
struct ReminderContext {
  std::string unit_name;               // "Phường Quảng Phú (Thanh Hóa)"
  std::string from_name;               // the unit whose board sent it
  const UnitReport* report = nullptr;  // the unit's report now; null: not known
  std::string sender;                  // who pressed "Nhắc"
  std::string link;                    // the entry page of the unit and period; empty: no public URL
};

// In Vietnamese, as the officials who receive it read their mail:
// "Nhắc báo cáo 10 tháng năm 2026 — Phường Quảng Phú (Thanh Hóa)".
Mail ReminderMail(const store::Reminder& reminder, const ReminderContext& context,
                  std::vector<std::string> to);

}  // namespace kiemdem::api

#endif  // KIEMDEM_API_REMINDER_MAIL_H_
