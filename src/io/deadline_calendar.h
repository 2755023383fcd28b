// A unit's directive deadlines as calendar events: each open milestone and
// each open final deadline one all-day event, with a UID that stays the same
// from one feed to the next (so a calendar app updates, not duplicates, it).
#ifndef KIEMDEM_IO_DEADLINE_CALENDAR_H_
#define KIEMDEM_IO_DEADLINE_CALENDAR_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/directive.h"
#include "io/icalendar.h"

namespace kiemdem::io {

// Where a directive came from, as the event's description says it.
struct DirectiveSource {
  std::string unit_name;  // "Phường Quảng Hưng"
  const Meeting* meeting = nullptr;
};

// The events of `d`: "Hạn báo cáo: <what> — <text>" on each milestone not yet
// delivered (UID "directive-<id>-m<i>@kiemdem"), and "Hạn hoàn thành: <text>"
// on its final deadline (UID "directive-<id>-final@kiemdem"); none when done.
// `link` (may be empty) becomes each event's URL.
std::vector<CalendarEvent> DeadlineEvents(const Directive& d, const DirectiveSource& source,
                                          std::string_view link);

}  // namespace kiemdem::io

#endif  // KIEMDEM_IO_DEADLINE_CALENDAR_H_
