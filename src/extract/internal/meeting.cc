// The meeting an article reports (SPEC "meeting"): its date, host, the unit
// reviewed and the chair. At most one per document.
#include <algorithm>

#include "extract/internal/doc.h"
#include "extract/internal/time_expr.h"

namespace kiemdem::extract::internal {

void FindMeeting(Doc& doc, Facts* facts) {
  static const PhraseSet cues{"làm việc với", "buổi làm việc", "hội nghị", "đại hội", "làm việc"};
  static const Phrase kNgay("ngày");
  static const Phrase kDang("đăng");
  static const Phrase kVoi("với");
  static const Phrase kChuTri("chủ trì");
  static const PhraseSet unit_words{"phường", "xã", "thị trấn", "đặc khu"};
  if (doc.size() == 0) return;
  // The headline and lead (first three paragraphs) must speak of a meeting.
  size_t lead_end = 0;
  while (lead_end < doc.size() && doc.paragraph[lead_end] < 4) ++lead_end;
  size_t cue_at = std::string::npos;
  for (size_t i = 0; i < lead_end && cue_at == std::string::npos; ++i) {
    if (doc.MatchAny(i, cues) > 0) cue_at = i;
  }
  if (cue_at == std::string::npos) return;
  MeetingFact m;
  size_t head_last = 0;
  while (head_last + 1 < doc.size() && doc.paragraph[head_last + 1] == 0) ++head_last;
  m.span = doc.InputSpan(0, head_last);
  // Date: the first "ngày D/M[/Y]" of the lead that is not a publication date.
  for (size_t i = 0; i < lead_end; ++i) {
    if (!doc.KeyIs(i, kNgay) || doc.KeyIs(i + 1, kDang)) continue;
    std::optional<DateMatch> d = MatchDate(doc, i + 1);
    if (!d) continue;
    int year = d->year;
    if (year == 0) {
      // The year from the sentence ("... năm 2021, ... năm 2022": the latest).
      for (size_t k = i; k < doc.size() && doc.sentence[k] == doc.sentence[i]; ++k) {
        int y = 0;
        if (IsYearToken(doc, k, &y)) year = std::max(year, y);
      }
    }
    if (year == 0) year = doc.ref.year;  // else from the text's reference date
    if (year > 0) m.date = IsoDate(year, d->month, d->day);
    size_t first = i > 0 && doc.IsWord(i - 1) && doc.sentence[i - 1] == doc.sentence[i] && doc.at(i - 1).upper
                       ? i - 1
                       : i;
    m.span = doc.InputSpan(first, d->last);
    break;
  }
  // Host and unit from the headline or lead: "X làm việc với Y".
  for (size_t i = 0; i < lead_end; ++i) {
    static const Phrase kLamViecVoi("làm việc với");
    if (!doc.Matches(i, kLamViecVoi)) continue;
    size_t s = i;
    while (s > 0 && doc.sentence[s - 1] == doc.sentence[i] && !doc.IsPunct(s - 1, ",")) --s;
    size_t e = i;
    static const PhraseSet drop{"đã có buổi", "đã", "có buổi"};
    for (const Phrase& p : drop) {
      if (e >= s + p.size() && doc.MatchesEndingAt(e - 1, p)) e -= p.size();
    }
    if (e > s) m.host = std::string(doc.Text(s, e - 1));
    for (size_t k = i + 3; k < doc.size() && doc.sentence[k] == doc.sentence[i]; ++k) {
      size_t u = doc.MatchAny(k, unit_words);
      if (u == 0) continue;
      size_t l = k + u;
      while (l < doc.size() && doc.IsWord(l) && doc.at(l).upper && !doc.at(l).newline_before) ++l;
      if (l > k + u) m.unit = std::string(doc.Text(k, l - 1));
      break;
    }
    break;
  }
  // Chair: a person named in a sentence with "chủ trì".
  for (size_t i = 0; i < doc.size() && m.chair.empty(); ++i) {
    if (!doc.Matches(i, kChuTri)) continue;
    for (const PersonFact& p : facts->persons) {
      size_t pos = doc.norm->text.find(p.name);
      if (pos == std::string::npos) continue;
      for (size_t k = i; k-- > 0 && doc.sentence[k] == doc.sentence[i];) {
        if (doc.at(k).begin == pos) m.chair = p.name;
      }
      for (size_t k = i; k < doc.size() && doc.sentence[k] == doc.sentence[i]; ++k) {
        if (doc.at(k).begin == pos) m.chair = p.name;
      }
      if (!m.chair.empty()) break;
    }
  }
  (void)kVoi;
  facts->meeting = m;
}

}  // namespace kiemdem::extract::internal
