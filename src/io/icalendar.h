// An iCalendar (RFC 5545) feed of all-day events, e.g. a unit's directive
// deadlines for a calendar app to subscribe to. Pure text: lines end in CRLF,
// are folded at 75 octets without splitting a UTF-8 sequence, and TEXT values
// escape backslash, comma, semicolon and newlines.
//
//   io::Calendar cal{.name = "Hạn chỉ đạo — Phường Quảng Hưng", .events = {...}};
//   std::string ics = io::ICalendarText(cal, now_utc_seconds);
#ifndef KIEMDEM_IO_ICALENDAR_H_
#define KIEMDEM_IO_ICALENDAR_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace kiemdem::io {

// One all-day event (DTSTART;VALUE=DATE, DTEND the next day).
struct CalendarEvent {
  std::string uid;          // stable across feeds: "directive-12-m0@kiemdem"
  Date date;                // the day
  std::string summary;      // "Hạn: Hoàn thành giải phóng mặt bằng"
  std::string description;  // may be empty; newlines allowed
  std::string url;          // may be empty
};

struct Calendar {
  std::string name;  // X-WR-CALNAME; may be empty
  std::vector<CalendarEvent> events;
};

// The whole VCALENDAR. `stamp_unix_seconds` (UTC) is every event's DTSTAMP.
std::string ICalendarText(const Calendar& calendar, int64_t stamp_unix_seconds);

// A TEXT value escaped: "\\" → "\\\\", ";" → "\\;", "," → "\\,", newline → "\\n" (CR dropped).
std::string EscapeICalendarText(std::string_view text);
// One content line folded at 75 octets (continuations start with a space) and ended with CRLF.
// A multi-byte UTF-8 sequence is never split.
std::string FoldICalendarLine(std::string_view line);
// "20260317" (the DATE value form).
std::string ICalendarDate(Date date);

}  // namespace kiemdem::io

#endif  // KIEMDEM_IO_ICALENDAR_H_
