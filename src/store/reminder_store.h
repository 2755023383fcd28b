// Reminders an approver sends to the units below that are late or due with a
// period's report; their reporters see them in the app.
//
//   ASSIGN_OR_RETURN(auto ids, store.reminders().SaveReminders("lan.duyet", {{.unit = ward, .period = p,
//   …}})); ASSIGN_OR_RETURN(std::vector<Reminder> mine, store.reminders().RemindersTo({ward}, 20));
#ifndef KIEMDEM_STORE_REMINDER_STORE_H_
#define KIEMDEM_STORE_REMINDER_STORE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/admin_unit.h"
#include "core/date.h"
#include "core/period.h"
#include "core/status.h"

namespace kiemdem::store {

// Built with designated initializers (Period has no default).
struct Reminder {
  UnitId unit = kNoUnit;  // the unit reminded
  Period period;
  UnitId from_unit = kNoUnit;  // the unit whose board sent it
  bool late = false;           // late when sent; else due
  Date send_by{};              // the deadline it reminds of
  std::string sent_by{};       // set by the store: the actor
  std::string sent_at{};       // set by the store: ISO 8601, UTC
  int64_t id = 0;              // set by the store
};

// Every method may also fail with kUnavailable (the database is busy: retry)
// or kInternal (the database failed), and a read with kDataLoss naming the row.
class ReminderStore {
 public:
  virtual ~ReminderStore() = default;

  // Records the reminders in one transaction, each with its audit row
  // (action "remind", entity "reminder"); their ids, in order. NotFound
  // (field "unit") for a unit that is not stored, and nothing is written.
  virtual Result<std::vector<int64_t>> SaveReminders(const std::string& actor,
                                                     const std::vector<Reminder>& reminders) = 0;

  // The newest `limit` reminders to any of `units`, newest first; empty when
  // `units` is.
  virtual Result<std::vector<Reminder>> RemindersTo(const std::vector<UnitId>& units, int limit) = 0;
};

}  // namespace kiemdem::store

#endif  // KIEMDEM_STORE_REMINDER_STORE_H_
