// Measures: a number with its unit, scale, qualifier and comparisons, the
// subject it is about, its stance and its period (SPEC "measure").
#include <algorithm>
#include <cmath>

#include "core/vn_number.h"
#include "extract/internal/doc.h"
#include "extract/internal/lexicon.h"
#include "extract/internal/periods.h"
#include "extract/internal/time_expr.h"

namespace kiemdem::extract::internal {
namespace {

struct Words {
  PhraseSet over{"vượt trên", "trên", "hơn", "ngoài"};
  PhraseSet under{"chưa đến", "chưa tới", "dưới"};
  PhraseSet about{"ước khoảng", "khoảng", "gần", "xấp xỉ", "chừng"};
  PhraseSet estimate{"ước tính", "ước đạt", "ước thực hiện", "ước", "dự kiến"};
  PhraseSet target{"phấn đấu", "mục tiêu", "chỉ tiêu năm", "kế hoạch năm", "phải đạt"};
  Phrase past{"đã"};
  Phrase ty{"tỷ"};
  Phrase ty2{"tỉ"};
  Phrase trieu{"triệu"};
  Phrase nghin{"nghìn"};
  Phrase ngan{"ngàn"};
  PhraseSet money{"đồng", "đ", "VNĐ", "VND"};
  const PhraseSet& measure_units = GetLexicon("units_of_measure").phrases();
  // Words after a number that make it a time span or date part, not a measure.
  PhraseSet duration{"tháng", "năm", "ngày", "tuần", "giờ", "phút", "quý", "tuổi", "buổi sáng", "sao", "cấp"};
  // Words before a number that make it a name or an ordinal.
  // Capitalised, these name a unit ("Phường 4", "Quận 1").
  PhraseSet unit_names{"phường", "quận", "xã", "tổ", "khu phố"};
  PhraseSet ordinal{"số",    "khu phố",  "phòng họp", "khóa",     "khoá",  "lần thứ", "thứ",   "tổ",
                    "đường", "lô",       "khu",       "điểm",     "xóm",   "thôn",    "ấp",    "Covid",
                    "COVID", "lượt xem", "online",    "truy cập", "tháng", "quý",     "năm",   "ngày",
                    "điều",  "khoản",    "giai đoạn", "nhiệm kỳ", "đợt",   "tập",     "trang", "K"};
  // Multi-word counted nouns.
  const PhraseSet& count_nouns = GetLexicon("count_nouns").phrases();
  // Words that cannot be a counted noun (verbs, prepositions, conjunctions).
  PhraseSet not_nouns{"đạt",  "là",   "và",   "với",  "so",    "của", "trong", "trên", "được",
                      "tăng", "giảm", "bằng", "vượt", "chiếm", "có",  "cho",   "tại",  "từ",
                      "đến",  "về",   "theo", "thì",  "trở",   "đã",  "đang",  "sẽ"};
  // Linking words dropped from the end of a subject.
  PhraseSet linking{"ước tính đạt", "ước đạt",  "ước tính", "ước", "dự kiến đạt", "dự kiến",
                    "thực hiện",    "đạt được", "đạt",      "là",  "có",          "được",
                    "còn",          "chiếm",    "xảy ra",   "với", "bằng",        "gồm",
                    "trên",         "hơn",      "khoảng",   "gần", "dưới",        "vượt"};
  PhraseSet of_verbs{"bằng", "đạt", "đạt tỷ lệ"};
  Phrase tang{"tăng"};
  Phrase giam{"giảm"};
  Phrase gap{"gấp"};
  Phrase lan{"lần"};
  Phrase vuot{"vượt"};
  Phrase so_voi{"so với"};
  Phrase so{"so"};
  Phrase va{"và"};
  Phrase tro_len{"trở lên"};
  Phrase hon{"hơn"};
  Phrase ty_le{"tỷ lệ"};
  Phrase chiem{"chiếm"};
  Phrase tren{"trên"};
  Phrase cung_ky{"cùng kỳ"};
};

const Words& W() {
  static const Words* w = new Words();
  return *w;
}

// Words that qualify a basis without changing it: "kế hoạch tỉnh giao",
// "dự toán HĐND thị xã", "KH huyện giao". Returns the token after them.
size_t SkipBasisModifiers(const Doc& doc, size_t b) {
  static const PhraseSet kModifiers{"tỉnh",      "huyện",      "xã",       "phường",   "thị xã",
                                    "thành phố", "quận",       "giao",     "năm",      "đề ra",
                                    "được giao", "điều chỉnh", "thị trấn", "trên giao"};
  for (int n = 0; n < 5 && b < doc.size(); ++n) {
    if (size_t k = doc.MatchAny(b, kModifiers); k > 0) {
      b += k;
    } else if (doc.IsWord(b) && doc.at(b).upper && doc.at(b).text.size() >= 2 && !doc.at(b).newline_before) {
      b += 1;  // HĐND, UBND
    } else {
      break;
    }
  }
  return b;
}

// The basis named at token i ("kế hoạch", "so với năm 2015"); sets *next past it.
std::string MatchBasis(const Doc& doc, size_t i, size_t* next) {
  static const Lexicon& bases = GetLexicon("basis_words");
  size_t j = i;
  if (doc.Matches(j, W().so_voi)) {
    j += 2;
  } else if (doc.KeyIs(j, W().so)) {
    ++j;  // "so dự toán năm", "so năm 2024"
  }
  int year = 0;
  static const Phrase nam("năm");
  if (doc.KeyIs(j, nam) && IsYearToken(doc, j + 1, &year)) {
    *next = j + 2;
    return "year:" + std::to_string(year);
  }
  size_t n = 0;
  if (const std::string* basis = bases.ValueAt(doc, j, &n)) {
    *next = j + n;
    return *basis;
  }
  *next = i;
  return j > i ? "unspecified" : "";
}

double ScaleAt(const Doc& doc, size_t i) {
  const Words& w = W();
  if (doc.KeyIs(i, w.ty) || doc.KeyIs(i, w.ty2)) return 1e9;
  if (doc.KeyIs(i, w.trieu)) return 1e6;
  if (doc.KeyIs(i, w.nghin) || doc.KeyIs(i, w.ngan)) return 1e3;
  return 1;
}

std::optional<ParsedNumber> NumberAt(const Doc& doc, size_t i) {
  if (!doc.IsNumber(i)) return std::nullopt;
  // Most numbers are plain digits: their value is exact without the parser (below 10^15).
  std::string_view t = doc.at(i).text;
  if (t.size() <= 15 && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    uint64_t v = 0;
    for (char c : t) v = v * 10 + static_cast<uint64_t>(c - '0');
    return ParsedNumber{static_cast<double>(v), 0};
  }
  Result<ParsedNumber> n = ParseVietnameseNumber(t);
  if (!n.ok()) return std::nullopt;
  return *n;
}

bool ClauseBreak(const Doc& doc, size_t i) {
  const Token& t = doc.at(i);
  return t.kind == TokenKind::kPunct &&
         (t.text == "," || t.text == ";" || t.text == ":" || t.text == "." || t.text == "(" ||
          t.text == ")" || t.text == "!" || t.text == "?" || t.text == "\xE2\x80\x9C" || t.text == "\"");
}

struct Parsed {
  size_t first;  // first token of the span (qualifier or number)
  size_t last;   // last token of the span (unit)
  size_t number;
  MeasureFact m;
  int percent_decimals = 0;
};

// Reads "P%" at i; returns the token after it.
std::optional<std::pair<double, size_t>> PercentAt(const Doc& doc, size_t i, int* decimals = nullptr) {
  std::optional<ParsedNumber> n = NumberAt(doc, i);
  if (!n || !doc.IsPunct(i + 1, "%")) return std::nullopt;
  if (decimals != nullptr) *decimals = n->decimals;
  return std::make_pair(n->value, i + 2);
}

// Comparisons that follow a measure: "bằng 100% kế hoạch và tăng 15% so với năm 2015".
size_t ParseCompares(Doc& doc, size_t i, Parsed* p) {
  const Words& w = W();
  size_t pos = i;
  while (pos < doc.size()) {
    size_t j = pos;
    if (doc.IsPunct(j, ",") || doc.KeyIs(j, w.va) || doc.IsPunct(j, "(")) ++j;
    if (doc.IsPunct(j, ",") || doc.KeyIs(j, w.va)) ++j;
    Comparison c;
    size_t after = 0;
    size_t verb = doc.MatchAny(j, w.of_verbs);
    int decimals = 0;
    // "đạt 29% kế hoạch tỉnh giao, 27% dự toán HĐND thị xã": a further basis without its verb.
    size_t no_verb_basis = 0;
    if (verb == 0 && !p->m.compare.empty() && PercentAt(doc, j)) {
      size_t b = 0;
      if (!MatchBasis(doc, j + 2, &b).empty() && b > j + 2) no_verb_basis = 1;
    }
    if ((verb > 0 && PercentAt(doc, j + verb)) || no_verb_basis > 0) {
      auto [pct, next] = *PercentAt(doc, j + verb, &decimals);
      c.relation = "of";
      c.percent = pct;
      size_t b = next;
      std::string basis = MatchBasis(doc, next, &b);
      if (!basis.empty() && basis != "unspecified") b = SkipBasisModifiers(doc, b);
      if (basis.empty()) {
        // "đạt 120%, vượt chỉ tiêu trên giao": the basis follows a second verb.
        static const PhraseSet verbs{"đạt và vượt", "vượt", "hoàn thành", "đạt"};
        size_t k = next;
        if (doc.IsPunct(k, ",")) ++k;
        if (size_t v = doc.MatchAny(k, verbs); v > 0) {
          size_t b2 = k + v;
          std::string second = MatchBasis(doc, k + v, &b2);
          if (!second.empty() && second != "unspecified") {
            basis = second;
            b = b2;
          }
        }
      }
      if (basis.empty()) basis = "unspecified";
      c.basis = basis;
      after = b;
      p->percent_decimals = decimals;
    } else if ((doc.KeyIs(j, w.tang) || doc.KeyIs(j, w.giam)) && j + 1 < doc.size()) {
      double sign = doc.KeyIs(j, w.giam) ? -1 : 1;
      size_t k = j + 1;
      if (doc.KeyIs(k, w.gap)) ++k;
      if (doc.KeyIs(k, w.hon) || doc.KeyIs(k, w.tren)) ++k;
      if (PercentAt(doc, k)) {
        auto [pct, next] = *PercentAt(doc, k);
        c.relation = "change";
        c.percent = sign * pct;
        size_t b = next;
        std::string basis = MatchBasis(doc, next, &b);
        c.basis = basis.empty() ? "unspecified" : basis;
        after = b;
      } else if (std::optional<ParsedNumber> n = NumberAt(doc, k)) {
        size_t next = k + 1;
        if (doc.KeyIs(next, w.lan)) {
          c.relation = "change";
          c.times = n->value;
          ++next;
        } else {
          double scale = ScaleAt(doc, next);
          if (scale > 1) ++next;
          // The delta is in the figure's unit: skip the unit words.
          while (doc.IsWord(next) && !doc.Matches(next, w.so_voi)) ++next;
          c.relation = "change";
          c.delta = sign * n->value * scale;
        }
        size_t b = next;
        std::string basis = MatchBasis(doc, next, &b);
        if (basis.empty() && !c.times) break;  // "giảm 11 hộ nghèo": not a comparison
        c.basis = basis.empty() ? "unspecified" : basis;
        after = b;
      } else {
        break;
      }
    } else if (doc.KeyIs(j, w.vuot) && PercentAt(doc, j + 1)) {
      auto [pct, next] = *PercentAt(doc, j + 1);
      size_t b = next;
      std::string basis = MatchBasis(doc, next, &b);
      c.relation = "exceed";
      c.percent = pct;
      c.basis = basis.empty() ? "unspecified" : basis;
      after = b;
    } else {
      break;
    }
    for (size_t k = j; k < after; ++k) doc.used[k] = true;
    p->m.compare.push_back(c);
    pos = after;
  }
  return pos;
}

// True when the number at `i` opens a range whose upper bound follows `j`:
// "10-12%" or "từ 60 đến 70%" (a year is not an upper bound).
bool IsRangeAt(const Doc& doc, size_t i, size_t j) {
  if (!NumberAt(doc, j + 1) || IsYearToken(doc, j + 1)) return false;
  if (doc.IsPunct(j, "-")) return true;
  static const Phrase kFrom("từ");
  static const Phrase kTo("đến");
  return i > 0 && doc.KeyIs(i - 1, kFrom) && doc.KeyIs(j, kTo) && !doc.used[j + 1];
}

// Skips tokens that make a number a date, a code, a name or a time span.
bool NotAMeasure(const Doc& doc, size_t i) {
  const Words& w = W();
  if (doc.used[i]) return true;
  if (i > 0 && !doc.at(i).space_before && (doc.IsWord(i - 1) || doc.IsPunct(i - 1, "-"))) {
    return true;  // "Covid-19", "K1"
  }
  if (doc.IsPunct(i + 1, ":") && doc.IsNumber(i + 2)) return true;  // 19:46
  if (i > 0 && doc.IsPunct(i - 1, ":") && doc.IsNumber(i - 2) && !doc.at(i).space_before) return true;
  if (IsYearToken(doc, i) && !doc.IsPunct(i + 1, "%") && !doc.IsPunct(i + 1, "/")) {
    // A bare four-digit year; a count of 2.000 has a dot.
    return true;
  }
  if (doc.MatchAny(i + 1, w.duration) > 0) return true;
  // "6-14 tuổi", "24/24 giờ": ages and durations written as a range or a fraction.
  if ((doc.IsPunct(i + 1, "-") || doc.IsPunct(i + 1, "/")) && doc.IsNumber(i + 2) &&
      doc.MatchAny(i + 3, w.duration) > 0) {
    return true;
  }
  bool fraction = doc.IsPunct(i + 1, "/") && doc.IsNumber(i + 2) && doc.IsWord(i + 3) &&
                  doc.MatchAny(i + 3, w.duration) == 0;
  // "số 7" names a thing; "dân số 10-12%", "tổng số 25" do not.
  static const PhraseSet kCompoundSo{"dân số", "tổng số", "chỉ số", "tỷ số", "hệ số"};
  bool compound = i >= 2 && doc.MatchAny(i - 2, kCompoundSo) == 2;
  if (i > 0 && !fraction && !compound && doc.MatchAnyEndingAt(i - 1, w.ordinal) > 0) return true;
  // "Phường 4", "Quận 1": a capitalised unit word names a unit.
  if (i > 0 && doc.IsWord(i - 1) && doc.at(i - 1).upper && doc.MatchAny(i - 1, w.unit_names) > 0) return true;
  if (std::optional<DateMatch> d = MatchDate(doc, i)) {
    // d/m/yyyy is a date; d/m only when a date word precedes or no noun follows.
    if (d->year > 0) return true;
    static const PhraseSet cues{"ngày", "sáng", "chiều", "tối", "trưa", "trước", "đến", "từ", "hôm"};
    if (i > 0 && doc.MatchAny(i - 1, cues) > 0) return true;
  }
  return false;
}

// Where a clause that ends at `end` (exclusive) begins: after a clause break,
// a paragraph start, or a token another fact used.
size_t ClauseStart(const Doc& doc, size_t end, int sentence) {
  size_t start = end;
  while (start > 0 && !ClauseBreak(doc, start - 1) && !doc.at(start).newline_before &&
         doc.sentence[start - 1] == sentence && !doc.used[start - 1]) {
    --start;
  }
  return start;
}

// Drops linking verbs and qualifiers from the end of [start, *end).
void DropLinking(const Doc& doc, size_t start, size_t* end) {
  bool changed = true;
  while (changed && *end > start) {
    changed = false;
    if (*end > doc.size() || !W().linking.MayEndWith(doc.at(*end - 1).key)) break;  // none ends here
    for (const PhraseSet::Item& item : W().linking) {
      const Phrase& p = item.phrase;
      if (*end >= start + p.size() && doc.MatchesEndingAt(*end - 1, p)) {
        *end -= p.size();
        changed = true;
        break;
      }
    }
  }
}

// Drops from [*start, *end) the words that open a clause without being its
// subject ("Đồng thời", "Trong", data/extract/clause_connectives.txt) and a
// period before or after it ("4 tháng thực hiện", "Tổng giá trị sản xuất tháng 4").
void TrimSubject(const Doc& doc, size_t* start, size_t* end) {
  static const PhraseSet lead{"với", "qua đó", "trong", "trên cơ sở"};
  static const PhraseSet& connectives = GetLexicon("clause_connectives").phrases();
  constexpr int kAnyYear = 2000;  // only the extent of a period matters here
  bool changed = true;
  while (changed && *start < *end) {
    changed = false;
    size_t k = std::max(doc.MatchAny(*start, lead), doc.MatchAny(*start, connectives));
    if (k > 0 && *start + k <= *end) {
      *start += k;
      changed = true;
    } else if (std::optional<PeriodMatch> pm = MatchPeriod(doc, *start, kAnyYear); pm && pm->last < *end) {
      *start = pm->last + 1;
      changed = true;
    }
  }
  for (size_t k = *start + 1; k < *end; ++k) {
    if (!MayStartPeriod(doc, k, PeriodStarts())) continue;
    if (std::optional<PeriodMatch> pm = MatchPeriod(doc, k, kAnyYear); pm && pm->last + 1 == *end) {
      *end = k;
      DropLinking(doc, *start, end);
      break;
    }
  }
}

// The subject of the number at `number` whose unit spans [unit_first, unit_last]:
// the clause before it without its linking verb, plus, for counts and
// percentages, the noun phrase after it ("thành lập 32 doanh nghiệp mới").
std::string Subject(const Doc& doc, size_t number, size_t unit_first, size_t unit_last, bool count,
                    bool percent, bool fraction, size_t* after_end) {
  int sentence = doc.sentence[number];
  size_t start = ClauseStart(doc, number, sentence);
  size_t end = number;  // exclusive
  size_t words_before = end - start;
  DropLinking(doc, start, &end);
  TrimSubject(doc, &start, &end);
  // "X ước đạt: 19.885..." or "X, đạt trên 104 tỷ": the subject is the clause before.
  if (end <= start && start > 0 && (words_before > 0 || doc.IsPunct(start - 1, ":")) &&
      (doc.IsPunct(start - 1, ":") || doc.IsPunct(start - 1, ",")) &&
      !doc.used[start - 2 < doc.size() ? start - 2 : 0]) {
    size_t prev_end = start - 1;
    DropLinking(doc, ClauseStart(doc, prev_end, sentence), &prev_end);
    size_t prev_start = ClauseStart(doc, prev_end, sentence);
    TrimSubject(doc, &prev_start, &prev_end);
    if (prev_end > prev_start) {
      start = prev_start;
      end = prev_end;
    }
  }
  std::string before = end > start ? std::string(doc.Text(start, end - 1)) : "";
  std::string after;
  if (count || percent || before.empty()) {
    static const PhraseSet stops{"với",   "so với",   "đạt", "bằng", "tăng", "giảm",
                                 "chiếm", "trong đó", "là",  "và",   "vượt"};
    size_t a = unit_last + 1;
    size_t b = a;
    bool whole = fraction || before.empty();
    while (b < doc.size() && doc.IsWord(b) && !doc.at(b).newline_before && !doc.used[b]) {
      if (!whole && doc.MatchAny(b, stops) > 0) break;
      ++b;
    }
    if (whole) DropLinking(doc, a, &b);  // "4 chỉ tiêu đạt trên 75%"
    std::string noun = count && unit_last >= unit_first ? std::string(doc.Text(unit_first, unit_last)) : "";
    std::string rest = b > a ? std::string(doc.Text(a, b - 1)) : "";
    if (count) *after_end = b;  // the noun phrase belongs to this measure
    after = noun;
    if (!rest.empty()) after += (after.empty() ? "" : " ") + rest;
  }
  std::string out = before;
  if (!after.empty()) out += (out.empty() ? "" : " ") + after;
  return out;
}

}  // namespace

// Where a measure of FindMeasures lies, to pair a fraction with the
// percentage stated after it.
struct Placed {
  size_t first;
  size_t last;
  int decimals;  // of the measure's own number
};

// "8/12 tổ dân phố đạt danh hiệu văn hóa, đạt 75%": a fraction without a
// stated percentage of its own, followed in its clause (same sentence, no ";"
// between, at most 12 tokens on) by a bare percentage, is checked against it
// by core's CheckStatedPercent, as "8/12 tổ đạt 75%" is.
void PairStatedPercents(const Doc& doc, const std::vector<Placed>& placed, size_t first, Facts* facts) {
  std::vector<MeasureFact>& ms = facts->measures;
  for (size_t k = first; k + 1 < ms.size(); ++k) {
    MeasureFact& fraction = ms[k];
    const MeasureFact& stated = ms[k + 1];
    const Placed& a = placed[k - first];
    const Placed& b = placed[k + 1 - first];
    if (!fraction.total || *fraction.total <= 0 || fraction.check || fraction.total_is_plan) continue;
    if (stated.unit != "%" || stated.total || !stated.compare.empty()) continue;
    if (doc.sentence[a.first] != doc.sentence[b.first] || b.first > a.last + 13) continue;
    bool same_clause = true;
    for (size_t t = a.last + 1; t < b.first; ++t) same_clause = same_clause && !doc.IsPunct(t, ";");
    if (!same_clause) continue;
    Result<PercentCheck> chk = CheckStatedPercent(fraction.value, *fraction.total, stated.value, b.decimals);
    if (!chk.ok()) continue;
    fraction.check = *chk;
    fraction.stated_by = k + 1;
  }
}

void FindMeasures(Doc& doc, Facts* facts) {
  const Words& w = W();
  PeriodMap periods = AssignPeriods(doc, facts->meeting ? facts->meeting->date : "");
  int last_sentence = -1;  // of the last measure found
  const size_t first_measure = facts->measures.size();
  std::vector<Placed> placed;

  for (size_t i = 0; i < doc.size(); ++i) {
    if (!doc.IsNumber(i) || NotAMeasure(doc, i)) continue;
    std::optional<ParsedNumber> n = NumberAt(doc, i);
    if (!n) continue;
    Parsed p;
    p.number = i;
    p.first = i;
    p.m.value = n->value;
    size_t j = i + 1;
    // Fraction "10/20" (not a date: dates were skipped above).
    if (doc.IsPunct(j, "/") && !doc.at(j).space_before && NumberAt(doc, j + 1)) {
      p.m.total = NumberAt(doc, j + 1)->value;
      j += 2;
    } else if (IsRangeAt(doc, i, j)) {
      p.m.value_max = NumberAt(doc, j + 1)->value;
      j += 2;
    }
    double scale = ScaleAt(doc, j);
    if (scale > 1) {
      p.m.value *= scale;
      if (p.m.total) *p.m.total *= scale;
      if (p.m.value_max) *p.m.value_max *= scale;
      ++j;
    }
    bool count = false;
    size_t unit_first = j;
    size_t unit_last = j - 1;
    if (doc.IsPunct(j, "%")) {
      p.m.unit = "%";
      unit_last = j;
      if (doc.IsNumber(j + 1) && doc.at(j + 1).text == "0" && !doc.at(j + 1).space_before) {
        p.m.unit = "‰";
        unit_last = j + 1;
      } else if (doc.IsPunct(j + 1, "/") && doc.IsWord(j + 2)) {
        p.m.unit = "%/" + std::string(doc.at(j + 2).text);
        unit_last = j + 2;
      }
    } else if (size_t kc = doc.MatchAny(j, w.count_nouns); kc > 0 && doc.MatchAny(j, w.money) < kc) {
      p.m.unit = std::string(doc.Text(j, j + kc - 1));  // "5 đồng chí": a count, not money
      unit_last = j + kc - 1;
      count = true;
    } else if (doc.IsWord(j) && doc.IsPunct(j + 1, "/") && doc.IsWord(j + 2) && doc.at(j + 2).text == "c" &&
               doc.at(j).text.size() == 2 && !doc.at(j + 1).space_before) {
      p.m.unit = std::string(doc.Text(j, j + 2));  // "128 đ/c" (đồng chí)
      unit_last = j + 2;
      count = true;
    } else if (size_t k = doc.MatchAny(j, w.money); k > 0) {
      p.m.unit = "đồng";
      unit_last = j + k - 1;
      while (doc.IsPunct(unit_last + 1, "/") && doc.IsWord(unit_last + 2) &&
             !doc.at(unit_last + 1).space_before) {
        p.m.unit += "/" + std::string(doc.at(unit_last + 2).text);
        unit_last += 2;
      }
    } else if (size_t k2 = doc.MatchAny(j, w.measure_units); k2 > 0) {
      p.m.unit = std::string(doc.at(j).text);
      unit_last = j;
      while (doc.IsPunct(unit_last + 1, "/") && doc.IsWord(unit_last + 2) &&
             !doc.at(unit_last + 1).space_before) {
        p.m.unit += "/" + std::string(doc.at(unit_last + 2).text);
        unit_last += 2;
      }
    } else if (doc.IsWord(j) && doc.MatchAny(j, w.not_nouns) == 0 && !doc.at(j).newline_before) {
      size_t k3 = doc.MatchAny(j, w.count_nouns);
      if (k3 == 0) k3 = 1;
      p.m.unit = std::string(doc.Text(j, j + k3 - 1));
      unit_last = j + k3 - 1;
      count = true;
    } else if (p.m.total) {
      p.m.unit = "";
    } else {
      continue;  // a bare number with nothing after it
    }
    // Qualifier before the number.
    if (i > 0) {
      for (const auto& [list, q] :
           {std::pair{&w.over, Qualifier::kOver}, std::pair{&w.under, Qualifier::kUnder},
            std::pair{&w.about, Qualifier::kAbout}}) {
        if (!list->MayEndWith(doc.at(i - 1).key)) continue;  // none of the list ends before the number
        for (const PhraseSet::Item& item : *list) {
          const Phrase& ph = item.phrase;
          if (i >= ph.size() && doc.MatchesEndingAt(i - 1, ph)) {
            p.m.qualifier = q;
            p.first = i - ph.size();
            break;
          }
        }
        if (p.m.qualifier != Qualifier::kExact) break;
      }
    }
    if (doc.Matches(unit_last + 1, w.tro_len)) p.m.qualifier = Qualifier::kOver;
    // Estimate and target cues earlier in the clause / sentence.
    for (size_t k = i; k-- > 0;) {
      // "ước đạt: 19.885…": a colon does not end the clause here.
      if (doc.sentence[k] != doc.sentence[i] || (ClauseBreak(doc, k) && !doc.IsPunct(k, ":"))) break;
      if (doc.MatchAny(k, w.estimate) > 0) {
        p.m.estimated = true;
        break;
      }
    }
    for (size_t k = i; k-- > 0;) {
      if (doc.sentence[k] != doc.sentence[i] || doc.IsPunct(k, ";")) break;
      if (doc.MatchAny(k, w.target) > 0 && !(k > 0 && doc.KeyIs(k - 1, w.past))) {
        p.m.target = true;
        break;
      }
    }
    p.m.period = periods.period(i);
    // Comparisons after the unit (for a count, after the rest of its noun phrase).
    size_t compare_from = unit_last + 1;
    if (count) {
      static const PhraseSet verbs{"đạt", "bằng", "tăng", "giảm", "vượt"};
      size_t k = compare_from;
      while (doc.IsWord(k) && doc.MatchAny(k, verbs) == 0 && k < compare_from + 8) ++k;
      if (doc.IsPunct(k, ",") || doc.MatchAny(k, verbs) > 0) compare_from = k;
    }
    size_t end = ParseCompares(doc, compare_from, &p);
    // A percentage stated with its own basis ("đạt 246% kế hoạch", "vượt 0,9% so với kế hoạch").
    if (p.m.unit == "%" && p.m.compare.empty()) {
      size_t b = unit_last + 1;
      std::string basis = MatchBasis(doc, unit_last + 1, &b);
      // The basis ends the phrase ("đạt 246% kế hoạch."); "100% chỉ tiêu giao quân" names a quota.
      static const PhraseSet followers{"và", "năm", "được", "đề ra", "của", "so"};
      if (!basis.empty()) b = SkipBasisModifiers(doc, b);
      bool ends = b >= doc.size() || doc.at(b).kind != TokenKind::kWord || doc.MatchAny(b, followers) > 0;
      if (!basis.empty() && ends) {
        Comparison c;
        c.percent = p.m.value;
        c.basis = basis;
        c.relation = (i > 0 && doc.KeyIs(i - 1, w.vuot))   ? "exceed"
                     : (i > 0 && doc.KeyIs(i - 1, w.tang)) ? "change"
                     : (i > 0 && doc.KeyIs(i - 1, w.giam)) ? "change"
                                                           : "of";
        if (i > 0 && doc.KeyIs(i - 1, w.giam)) c.percent = -p.m.value;
        p.m.compare.push_back(c);
      }
    }
    (void)end;
    p.last = unit_last;
    size_t noun_end = unit_last + 1;
    p.m.subject =
        Subject(doc, i, unit_first, unit_last, count, p.m.unit == "%", p.m.total.has_value(), &noun_end);
    // "7 hộ/21 khẩu": the second count is about the same subject; so is a
    // figure whose clause names none ("X tháng 4 ước đạt 941 tỷ đồng, 4 tháng
    // ước đạt 3.108 tỷ đồng", "4 chỉ tiêu đạt trên 75%").
    bool same_subject = (i > 1 && doc.IsPunct(i - 1, "/") && doc.used[i - 2]) ||
                        (p.m.subject.empty() && last_sentence == doc.sentence[i]);
    if (same_subject && !facts->measures.empty()) p.m.subject = facts->measures.back().subject;
    last_sentence = doc.sentence[i];
    for (size_t k = unit_last + 1; k < noun_end; ++k) doc.used[k] = true;
    p.m.span = doc.InputSpan(p.first, p.last);
    p.m.total_is_plan = p.m.total && *p.m.total > 0 && p.m.value > *p.m.total && p.m.unit != "%";
    if (p.m.total && *p.m.total > 0) {
      for (const Comparison& c : p.m.compare) {
        if (c.relation == "of" && c.percent) {
          Result<PercentCheck> chk =
              CheckStatedPercent(p.m.value, *p.m.total, *c.percent, p.percent_decimals);
          if (chk.ok()) p.m.check = *chk;
          break;
        }
      }
    }
    for (size_t k = p.first; k <= p.last; ++k) doc.used[k] = true;
    placed.push_back({p.first, p.last, n->decimals});
    facts->measures.push_back(std::move(p.m));
    i = unit_last;
  }
  PairStatedPercents(doc, placed, first_measure, facts);
}

}  // namespace kiemdem::extract::internal
