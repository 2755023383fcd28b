// Directives given at the reported meeting (SPEC "directive"): from the
// conclusion on, one fact per instruction clause with its own verb, with the
// assignee the sentence names and an explicit deadline.
#include "core/date.h"
#include "extract/internal/doc.h"
#include "extract/internal/time_expr.h"

namespace kiemdem::extract::internal {
namespace {

const std::vector<Phrase>& Requests() {
  static const auto* r = new std::vector<Phrase>{"đề nghị", "yêu cầu", "giao cho", "giao"};
  return *r;
}

// Verbs that open a new instruction after a comma.
const std::vector<Phrase>& Openers() {
  static const auto* v = new std::vector<Phrase>{
      "tiếp tục", "chú trọng",    "tăng cường", "giải quyết", "thực hiện",     "nâng cao",
      "quan tâm", "xây dựng",     "rà soát",    "đề ra",      "chủ động",      "phối hợp",
      "đề xuất",  "tập trung",    "đẩy mạnh",   "huy động",   "hoàn thành",    "tạo điều kiện",
      "bảo đảm",  "đảm bảo",      "không để",   "tránh",      "có định hướng", "thường xuyên",
      "báo cáo",  "đến cuối năm", "khi xảy ra", "củng cố",    "phát huy",      "lãnh đạo",
      "chỉ đạo",  "kiểm tra",     "khắc phục",  "trên cơ sở", "quyết liệt",    "ưu tiên",
      "sớm",      "khẩn trương",  "lưu ý",      "quan tấm",   "đôn đốc",       "rà soát lại",
      "đề nghị",  "yêu cầu",      "giao",       "đảng ủy",    "đảng uỷ"};
  return *v;
}

std::string Deadline(const Doc& doc, size_t first, size_t last) {
  static const Phrase kTruocNgay("trước ngày");
  static const Phrase kCuoiNam("cuối năm");
  static const Phrase kTruocThang("trước tháng");
  for (size_t i = first; i <= last; ++i) {
    if (doc.Matches(i, kTruocNgay)) {
      if (std::optional<DateMatch> d = MatchDate(doc, i + 2); d && d->year > 0)
        return IsoDate(d->year, d->month, d->day);
    }
    int y = 0;
    if (doc.Matches(i, kCuoiNam) && IsYearToken(doc, i + 2, &y)) return IsoDate(y, 12, 31);
    if (doc.Matches(i, kTruocThang)) {
      if (std::optional<DateMatch> d = MatchDate(doc, i + 2)) {  // "2/2020" reads as day/month
        int month = d->day;
        int year = 0;
        if (IsYearToken(doc, i + 4, &year) && month >= 1 && month <= 12) {
          Result<Date> first_day = Date::FromYmd(year, month, 1);
          if (first_day.ok()) return first_day->AddDays(-1).ToIso();
        }
      }
    }
  }
  return "";
}

}  // namespace

void FindDirectives(Doc& doc, Facts* facts) {
  static const std::vector<Phrase> section_cues{"kết luận", "phát biểu chỉ đạo", "ý kiến chỉ đạo",
                                                "chỉ đạo tại"};
  static const Phrase kTheoDo("theo đó");
  static const Phrase kCan("cần");
  if (doc.size() == 0) return;
  // The conclusion: the first sentence after the lead with a section cue.
  size_t start = std::string::npos;
  for (size_t i = 0; i < doc.size(); ++i) {
    if (doc.paragraph[i] < 3) continue;
    if (doc.MatchAny(i, section_cues) > 0) {
      start = i;
      while (start > 0 && doc.sentence[start - 1] == doc.sentence[i]) --start;
      break;
    }
  }
  if (start == std::string::npos) return;
  // Trailer: the last paragraphs that are short (byline, site furniture).
  size_t end = doc.size();
  while (end > start) {
    int para = doc.paragraph[end - 1];
    size_t b = end;
    while (b > start && doc.paragraph[b - 1] == para) --b;
    if (end - b > 12) break;
    end = b;
  }
  size_t i = start;
  std::string sentence_assignee;
  int sentence = -1;
  while (i < end) {
    if (doc.sentence[i] != sentence) {
      sentence = doc.sentence[i];
      sentence_assignee.clear();
    }
    // A clause: up to ';', '.', or a comma before an opener.
    size_t j = i;
    while (j < end && doc.sentence[j] == sentence && !doc.IsPunct(j, ";") && !doc.IsPunct(j, ".")) {
      if (j > i && doc.IsPunct(j, ",") && doc.MatchAny(j + 1, Openers()) > 0) break;
      ++j;
    }
    size_t first = i;
    size_t last = j > i ? j - 1 : i;
    i = j + 1;
    if (doc.Matches(first, kTheoDo)) first += 3;
    // The part before a request verb is the speaker ("Kết luận ..., đồng chí X đề nghị ...").
    for (size_t k = first; k <= last && k < doc.size(); ++k) {
      if (doc.MatchAny(k, section_cues) > 0) {
        for (size_t r = k; r <= last; ++r) {
          if (doc.MatchAny(r, Requests()) > 0) {
            first = r;
            break;
          }
        }
        break;
      }
    }
    while (first <= last && doc.at(first).kind == TokenKind::kPunct) ++first;
    if (first > last || last - first < 2) continue;
    if (doc.MatchAny(first, section_cues) > 0) continue;  // "Kết luận buổi làm việc, ..." alone
    DirectiveFact d;
    d.text = std::string(doc.Text(first, last));
    d.span = doc.InputSpan(first, last);
    d.deadline = Deadline(doc, first, last);
    size_t req = doc.MatchAny(first, Requests());
    if (req > 0) {
      size_t a = first + req;
      size_t b = a;
      while (b <= last && doc.MatchAny(b, Openers()) == 0 && !doc.KeyIs(b, kCan) && !doc.IsPunct(b, ",")) ++b;
      if (b > a) sentence_assignee = std::string(doc.Text(a, b - 1));
      d.assignee = sentence_assignee;
    } else {
      for (size_t k = first; k <= last; ++k) {
        if (doc.KeyIs(k, kCan) && k > first) {
          sentence_assignee = std::string(doc.Text(first, k - 1));
          break;
        }
      }
      d.assignee = sentence_assignee;
    }
    facts->directives.push_back(std::move(d));
  }
}

}  // namespace kiemdem::extract::internal
