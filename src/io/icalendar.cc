#include "io/icalendar.h"

#include <cstdio>
#include <ctime>

namespace kiemdem::io {
namespace {

constexpr size_t kMaxOctets = 75;

bool IsContinuationByte(unsigned char c) { return (c & 0xC0U) == 0x80U; }

std::string UtcStamp(int64_t unix_seconds) {
  const auto t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[20];
  std::strftime(buffer, sizeof buffer, "%Y%m%dT%H%M%SZ", &tm);
  return buffer;
}

}  // namespace

std::string EscapeICalendarText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\n': out += "\\n"; break;
      case '\r': break;
      default: out += c;
    }
  }
  return out;
}

std::string FoldICalendarLine(std::string_view line) {
  std::string out;
  size_t limit = kMaxOctets;  // the first line has 75 octets; continuations 74 after the space
  while (line.size() > limit) {
    size_t cut = limit;
    while (cut > 0 && IsContinuationByte(static_cast<unsigned char>(line[cut]))) --cut;
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    limit = kMaxOctets - 1;
  }
  out.append(line);
  out += "\r\n";
  return out;
}

std::string ICalendarDate(Date date) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d%02d%02d", date.year(), date.month(), date.day());
  return buffer;
}

std::string ICalendarText(const Calendar& calendar, int64_t stamp_unix_seconds) {
  const std::string stamp = UtcStamp(stamp_unix_seconds);
  std::string out;
  auto line = [&out](std::string_view text) { out += FoldICalendarLine(text); };
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  line("PRODID:-//kiemdem//Han chi dao//VI");
  line("CALSCALE:GREGORIAN");
  line("METHOD:PUBLISH");
  if (!calendar.name.empty()) line("X-WR-CALNAME:" + EscapeICalendarText(calendar.name));
  for (const CalendarEvent& event : calendar.events) {
    line("BEGIN:VEVENT");
    line("UID:" + EscapeICalendarText(event.uid));
    line("DTSTAMP:" + stamp);
    line("DTSTART;VALUE=DATE:" + ICalendarDate(event.date));
    line("DTEND;VALUE=DATE:" + ICalendarDate(event.date.AddDays(1)));
    line("SUMMARY:" + EscapeICalendarText(event.summary));
    if (!event.description.empty()) line("DESCRIPTION:" + EscapeICalendarText(event.description));
    if (!event.url.empty()) line("URL:" + event.url);
    line("TRANSP:TRANSPARENT");
    line("END:VEVENT");
  }
  line("END:VCALENDAR");
  return out;
}

}  // namespace kiemdem::io
