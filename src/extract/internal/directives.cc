// Directives given at the reported meeting (SPEC "directive"): from the
// conclusion on, one fact per instruction clause with its own verb, with the
// assignee the sentence names and an explicit deadline.
#include "core/date.h"
#include "extract/internal/doc.h"
#include "extract/internal/time_expr.h"

namespace kiemdem::extract::internal {
namespace {

const PhraseSet& Requests() {
  static const auto* r = new PhraseSet{"đề nghị", "yêu cầu", "giao cho", "giao"};
  return *r;
}

// Verbs that open a new instruction after a comma.
const PhraseSet& Openers() {
  static const auto* v = new PhraseSet{
      "tiếp tục",     "chú trọng",    "tăng cường", "giải quyết", "thực hiện",     "nâng cao",
      "quan tâm",     "xây dựng",     "rà soát",    "đề ra",      "chủ động",      "phối hợp",
      "đề xuất",      "tập trung",    "đẩy mạnh",   "huy động",   "hoàn thành",    "tạo điều kiện",
      "bảo đảm",      "đảm bảo",      "không để",   "tránh",      "có định hướng", "thường xuyên",
      "báo cáo",      "đến cuối năm", "khi xảy ra", "củng cố",    "phát huy",      "lãnh đạo",
      "chỉ đạo",      "kiểm tra",     "khắc phục",  "trên cơ sở", "quyết liệt",    "ưu tiên",
      "sớm",          "khẩn trương",  "lưu ý",      "quan tấm",   "đôn đốc",       "rà soát lại",
      "đề nghị",      "yêu cầu",      "giao",       "đảng ủy",    "đảng uỷ",       "hỗ trợ",
      "có định hướng"};
  return *v;
}

std::string Deadline(const Doc& doc, size_t first, size_t last) {
  static const Phrase kTruocNgay("trước ngày");
  static const Phrase kCuoiNam("cuối năm");
  static const Phrase kTruocThang("trước tháng");
  for (size_t i = first; i <= last; ++i) {
    if (doc.Matches(i, kTruocNgay)) {
      if (std::optional<DateMatch> d = MatchDate(doc, i + 2, /*cued=*/true)) {
        int year = d->year > 0 ? d->year : doc.ref.year;
        if (year > 0) return IsoDate(year, d->month, d->day);
      }
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

// A verb that shares its object with the next one ("củng cố, nâng cao chất
// lượng", "rà soát, cân đối và sửa chữa"): no new instruction after it.
bool SharesObject(const Doc& doc, size_t last_before_comma) {
  static const PhraseSet verbs{"củng cố", "rà soát",  "kiểm tra", "lập",      "xem xét",
                               "cân đối", "lãnh đạo", "đánh giá", "hướng dẫn"};
  for (const Phrase& v : verbs) {
    if (doc.MatchesEndingAt(last_before_comma, v)) return true;
  }
  return false;
}

// An opener at i that starts an instruction (not "lãnh đạo UBND", a noun).
// Within a clause (`inner`), the verb must have an object: "đất đai và xây
// dựng ," ends with a noun; at a clause start "rà soát, đánh giá X" is fine.
bool OpensInstruction(const Doc& doc, size_t i, bool inner = false) {
  static const PhraseSet nouns_too{"lãnh đạo", "chỉ đạo"};  // "lãnh đạo UBND" is a noun
  size_t k = doc.MatchAny(i, Openers());
  if (k == 0) return false;
  if (inner ? !(doc.IsWord(i + k) || doc.IsNumber(i + k))
            : (doc.IsPunct(i + k, ".") || doc.IsPunct(i + k, ";") || i + k >= doc.size())) {
    return false;
  }
  return !(doc.at(i + k).upper && doc.MatchAny(i, nouns_too) > 0);
}

void FindDirectives(Doc& doc, Facts* facts) {
  static const PhraseSet section_cues{"kết luận", "phát biểu chỉ đạo", "ý kiến chỉ đạo", "chỉ đạo tại"};
  static const Phrase kTheoDo("theo đó");
  static const Phrase kCan("cần");
  static const Phrase kDongChi("đồng chí");
  static const Phrase kVa("và");
  if (doc.size() == 0) return;
  // The conclusion: the first sentence after the lead with a section cue, or
  // in which a speaker ("đồng chí …") makes a request.
  size_t start = std::string::npos;
  for (size_t i = 0; i < doc.size() && start == std::string::npos; ++i) {
    if (doc.paragraph[i] < 3) continue;
    bool cue = doc.MatchAny(i, section_cues) > 0;
    if (!cue && doc.MatchAny(i, Requests()) > 0) {
      for (size_t k = i; k-- > 0 && doc.sentence[k] == doc.sentence[i];) {
        if (doc.Matches(k, kDongChi)) cue = true;
      }
    }
    if (cue) {
      start = i;
      while (start > 0 && doc.sentence[start - 1] == doc.sentence[i]) --start;
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
  std::string assignee;
  int sentence = -1;
  bool previous_in_sentence = false;
  size_t prev_first = 0;
  while (i < end) {
    if (doc.sentence[i] != sentence) {
      sentence = doc.sentence[i];
      assignee.clear();
      previous_in_sentence = false;
    }
    // A clause: up to ';' or '.', or a comma or "và" before a new instruction.
    // After "đó là" or "theo nguyên tắc:" the clause lists content, not instructions.
    static const PhraseSet content{"đó là", "theo nguyên tắc", "bao gồm", "như sau"};
    size_t j = i;
    bool listing = false;
    while (j < end && doc.sentence[j] == sentence && !doc.IsPunct(j, ";") && !doc.IsPunct(j, ".")) {
      if (doc.MatchAny(j, content) > 0) listing = true;
      if (!listing && j > i && (doc.IsPunct(j, ",") || doc.KeyIs(j, kVa)) &&
          OpensInstruction(doc, j + 1, true) && !SharesObject(doc, j - 1)) {
        break;
      }
      ++j;
    }
    size_t first = i;
    size_t last = j > i ? j - 1 : i;
    i = (doc.IsPunct(j, ",") || doc.IsPunct(j, ";") || doc.IsPunct(j, ".")) ? j + 1 : j;
    if (doc.KeyIs(j, kVa)) i = j + 1;
    if (doc.Matches(first, kTheoDo)) first += 2;
    while (first <= last && doc.at(first).kind == TokenKind::kPunct) ++first;
    if (first > last) continue;
    bool opens = OpensInstruction(doc, first);
    size_t request = std::string::npos;
    bool needs = false;
    for (size_t k = first; k <= last; ++k) {
      if (request == std::string::npos && doc.MatchAny(k, Requests()) > 0) request = k;
      if (doc.KeyIs(k, kCan)) needs = true;
    }
    if (!opens && request != std::string::npos) {
      first = request;  // "Kết luận …, đồng chí X đề nghị …": the request starts it
      opens = true;
    }
    if (!opens && !needs) {
      // Not an instruction of its own: part of the previous one in this sentence.
      if (previous_in_sentence && !facts->directives.empty()) {
        DirectiveFact& prev = facts->directives.back();
        prev.text = std::string(doc.Text(prev_first, last));
        prev.span = doc.InputSpan(prev_first, last);
        if (prev.deadline.empty()) prev.deadline = Deadline(doc, prev_first, last);
      }
      continue;
    }
    if (last - first < 1) continue;
    DirectiveFact d;
    d.text = std::string(doc.Text(first, last));
    d.span = doc.InputSpan(first, last);
    d.deadline = Deadline(doc, first, last);
    size_t req = doc.MatchAny(first, Requests());
    if (req > 0) {
      size_t a = first + req;
      size_t b = a;
      while (b <= last && !OpensInstruction(doc, b) && !doc.KeyIs(b, kCan) && !doc.IsPunct(b, ",")) ++b;
      if (b > a) assignee = std::string(doc.Text(a, b - 1));
    } else {
      for (size_t k = first; k <= last; ++k) {
        if (doc.KeyIs(k, kCan) && k > first) {
          assignee = std::string(doc.Text(first, k - 1));
          break;
        }
      }
    }
    d.assignee = assignee;
    facts->directives.push_back(std::move(d));
    previous_in_sentence = true;
    prev_first = first;
  }
}

}  // namespace kiemdem::extract::internal
