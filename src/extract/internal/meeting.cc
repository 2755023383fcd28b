// The meeting an article reports (SPEC "meeting"): its date, host, the unit
// reviewed and the chair, read from the headline and the first sentences of
// the body. At most one per document; none in a letter (data/extract/
// letter_marks.txt) or where the lead names no event (meeting_words.txt).
#include <algorithm>

#include "extract/internal/clauses.h"
#include "extract/internal/doc.h"
#include "extract/internal/lexicon.h"
#include "extract/internal/time_expr.h"

namespace kiemdem::extract::internal {
namespace {

bool IsLetter(const Doc& doc) {
  static const Lexicon& marks = GetLexicon("letter_marks");
  for (size_t i = 0; i < doc.size(); ++i) {
    if ((i == 0 || doc.at(i).newline_before) && doc.MatchAny(i, marks.phrases()) > 0) return true;
  }
  return false;
}

// The person whose name starts at token i, if any.
const PersonFact* PersonAt(const Doc& doc, const Facts& facts, size_t i) {
  for (const PersonFact& p : facts.persons) {
    Span s = doc.InputSpan(i, i);
    if (p.span.begin == s.begin) return &p;
  }
  return nullptr;
}

}  // namespace

void FindMeeting(Doc& doc, Facts* facts) {
  static const Lexicon& words = GetLexicon("meeting_words");
  static const PhraseSet kChairWords{"chủ trì",         "chủ tọa",       "chủ toạ",    "điều hành",
                                     "làm trưởng đoàn", "làm tổ trưởng", "trưởng đoàn"};
  static const PhraseSet kNotEventDate{"đăng", "cập nhật", "ban hành"};
  static const PhraseSet kUnitWords{"phường", "xã",    "thị trấn", "đặc khu",
                                    "thị xã", "huyện", "quận",     "thành phố"};
  static const PhraseSet kDropBeforeVerb{"đã có buổi", "đã", "có buổi", "vừa", "đã tổ chức"};
  static const Phrase kWorkWith("làm việc với");
  static const Phrase kHold("tổ chức");
  if (doc.size() == 0 || IsLetter(doc)) return;
  Parts parts = FindParts(doc);
  const std::vector<TokenRange>& sentences = Sentences(doc);
  // The headline and the first three sentences of the body.
  size_t lead_end = parts.headline_end;
  int body_sentences = 0;
  for (const TokenRange& s : sentences) {
    if (s.first < parts.headline_end) continue;
    lead_end = s.last + 1;
    if (++body_sentences == 3) break;
  }
  size_t cue_at = std::string::npos;
  for (size_t i = 0; i < lead_end && cue_at == std::string::npos; ++i) {
    if (!doc.used[i] && doc.MatchAny(i, words.phrases()) > 0) cue_at = i;
  }
  if (cue_at == std::string::npos) return;
  MeetingFact m;
  m.span =
      doc.InputSpan(0, parts.headline_end > 0 ? parts.headline_end - 1 : std::min<size_t>(doc.size() - 1, 8));
  // Date: the first dated phrase of the lead ("Sáng 11/5", "Ngày 12- 2", "ngày 20/3/2020").
  size_t date_sentence = std::string::npos;
  for (size_t i = 0; i < lead_end; ++i) {
    if (!doc.IsNumber(i) || !DateCueBefore(doc, i)) continue;
    if ((i >= 1 && doc.MatchAny(i - 1, kNotEventDate) > 0) ||
        (i >= 2 && doc.MatchAny(i - 2, kNotEventDate) > 0)) {
      continue;  // "Ngày đăng 20/01/2021"
    }
    // A time limit ("trước ngày 31-12-2019") or an aside in brackets ("(từ ngày 01/7/2025)")
    // does not date the event.
    static const Lexicon& deadline_cues = GetLexicon("deadline_cues");
    if (i >= 1 && doc.MatchAnyEndingAt(i - 1, deadline_cues.phrases()) > 0) continue;
    bool aside = false;
    for (size_t k = i; k-- > 0 && doc.sentence[k] == doc.sentence[i] && !doc.IsPunct(k, ")");) {
      aside = aside || doc.IsPunct(k, "(");
    }
    if (aside) continue;
    std::optional<DateMatch> d = MatchDate(doc, i, /*cued=*/true);
    if (!d) continue;
    m.date = ResolveDate(doc, i, *d, /*future=*/false);
    size_t first = i - 1;
    if (first > 0 && doc.IsWord(first - 1) && doc.sentence[first - 1] == doc.sentence[i] &&
        DateCueBefore(doc, first)) {
      --first;  // "Sáng ngày 11/5"
    }
    m.span = doc.InputSpan(first, d->last);
    date_sentence = static_cast<size_t>(doc.sentence[i]);
    break;
  }
  // Host and unit: "X làm việc với Y", "X tổ chức hội nghị …", in the dated
  // sentence if it says so, else in the headline.
  size_t from = 0;
  if (date_sentence != std::string::npos) {
    while (from < lead_end && static_cast<size_t>(doc.sentence[from]) != date_sentence) ++from;
    bool said = false;
    for (size_t k = from; k < lead_end && static_cast<size_t>(doc.sentence[k]) == date_sentence; ++k) {
      said = said || doc.Matches(k, kWorkWith) || doc.Matches(k, kHold);
    }
    if (!said) from = 0;
  }
  for (size_t i = from; i < lead_end; ++i) {
    bool works = doc.Matches(i, kWorkWith);
    bool holds = doc.Matches(i, kHold) && doc.MatchAny(i + 2, words.phrases()) > 0;
    if (!works && !holds) continue;
    if (date_sentence != std::string::npos && static_cast<size_t>(doc.sentence[i]) != date_sentence &&
        i >= parts.headline_end) {
      continue;
    }
    size_t s = i;
    while (s > 0 && doc.sentence[s - 1] == doc.sentence[i] && !doc.IsPunct(s - 1, ",")) --s;
    size_t e = i;
    if (size_t n = doc.MatchAnyEndingAt(e - 1, kDropBeforeVerb); n > 0 && e >= s + n) e -= n;
    if (e > s) {
      // One official who leads the visit ("ông X, Phó Bí thư Tỉnh ủy làm việc với …") chairs it.
      size_t subject = s;
      while (subject > 0 && doc.sentence[subject - 1] == doc.sentence[i]) --subject;
      const PersonFact* p = nullptr;
      for (size_t k = subject; k < e && p == nullptr; ++k) p = PersonAt(doc, *facts, k);
      if (p != nullptr) {
        m.chair = p->name;  // one official leads the visit: no host body
      } else {
        m.host = std::string(doc.Text(s, e - 1));
      }
    }
    for (size_t k = i + 2; k < doc.size() && doc.sentence[k] == doc.sentence[i]; ++k) {
      size_t u = doc.MatchAny(k, kUnitWords);
      if (u == 0) continue;
      size_t l = k + u;
      while (l < doc.size() && doc.IsWord(l) && doc.at(l).upper && !doc.at(l).newline_before) ++l;
      if (l > k + u) m.unit = std::string(doc.Text(k, l - 1));
      break;
    }
    if (m.unit.empty() && !m.host.empty()) {
      for (size_t k = s; k < e; ++k) {
        size_t u = doc.MatchAny(k, kUnitWords);
        if (u == 0) continue;
        size_t l = k + u;
        while (l < e && doc.IsWord(l) && doc.at(l).upper) ++l;
        m.unit = std::string(doc.Text(k, l - 1));
        break;
      }
    }
    break;
  }
  // Chair: a person in a sentence that says who chairs ("chủ trì", "chủ tọa", "làm tổ trưởng").
  for (size_t i = 0; i < doc.size() && m.chair.empty(); ++i) {
    if (doc.MatchAny(i, kChairWords) == 0) continue;
    size_t b = i;
    while (b > 0 && doc.sentence[b - 1] == doc.sentence[i]) --b;
    for (size_t k = b; k < doc.size() && doc.sentence[k] == doc.sentence[i] && m.chair.empty(); ++k) {
      if (const PersonFact* p = PersonAt(doc, *facts, k)) m.chair = p->name;
    }
  }
  facts->meeting = m;
}

}  // namespace kiemdem::extract::internal
