// Document references: "Nghị quyết số 06-NQ/TU", "Quyết định số 886/QĐ- UBND
// ngày 27/2/2020", "Chỉ thị 06", "kế hoạch 118" (SPEC "docref").
#include <algorithm>
#include <map>

#include "extract/internal/doc.h"
#include "extract/internal/lexicon.h"
#include "extract/internal/time_expr.h"

namespace kiemdem::extract::internal {
namespace {

struct DocType {
  Phrase phrase;
  std::string name;
  std::string code;  // abbreviation in a symbol
};

// From data/extract/document_types.txt: "nghị quyết = Nghị quyết | NQ".
const std::vector<DocType>& Types() {
  static const auto* t = [] {
    auto* types = new std::vector<DocType>();
    for (const Lexicon::Entry& e : GetLexicon("document_types").entries()) {
      std::vector<std::string_view> f = Fields(e.value);
      types->push_back({Phrase(e.text), std::string(f[0]), f.size() > 1 ? std::string(f[1]) : ""});
    }
    // Longest phrase first, so that a longer type wins over a shorter one it starts with.
    std::stable_sort(types->begin(), types->end(),
                     [](const DocType& x, const DocType& y) { return x.phrase.size() > y.phrase.size(); });
    return types;
  }();
  return *t;
}

// First-key filter of the document types.
const PhraseSet& TypeFilter() {
  static const PhraseSet* f = [] {
    auto* set = new PhraseSet{};
    for (const DocType& t : Types()) set->Add(t.phrase);
    return set;
  }();
  return *f;
}

std::string TypeNameOfCode(std::string_view code) {
  for (const DocType& t : Types()) {
    if (!t.code.empty() && code == t.code) return t.name;
  }
  return "";
}

bool IsCodeWord(const Doc& doc, size_t i) {
  if (!doc.IsWord(i)) return false;
  for (char c : doc.at(i).text) {
    if (c >= 'a' && c <= 'z') return false;  // symbols are upper case (ĐU, QĐ, TU, UBND)
  }
  return true;
}

// A number and symbol at token i; fills code/number/type abbreviation; returns last token or npos.
size_t MatchCode(const Doc& doc, size_t i, std::string* code, std::string* number, std::string* abbr,
                 bool allow_body_only = false) {
  if (!doc.IsNumber(i)) return std::string::npos;
  std::string n(doc.at(i).text);
  size_t j = i + 1;
  // Party: N-TYPE/BODY
  if (doc.IsPunct(j, "-") && IsCodeWord(doc, j + 1) && doc.IsPunct(j + 2, "/") && IsCodeWord(doc, j + 3)) {
    *number = n;
    *abbr = std::string(doc.at(j + 1).text);
    *code = n + "-" + *abbr + "/" + std::string(doc.at(j + 3).text);
    return j + 3;
  }
  // State: N/TYPE-BODY, N/YYYY/TYPE-BODY, N/BODY-UNIT
  if (doc.IsPunct(j, "/")) {
    size_t k = j + 1;
    std::string mid;
    if (IsYearToken(doc, k) && doc.IsPunct(k + 1, "/")) {
      mid = std::string(doc.at(k).text) + "/";
      k += 2;
    }
    if (IsCodeWord(doc, k) && doc.IsPunct(k + 1, "-") && IsCodeWord(doc, k + 2)) {
      *number = n;
      *abbr = std::string(doc.at(k).text);
      *code = n + "/" + mid + *abbr + "-" + std::string(doc.at(k + 2).text);
      size_t last = k + 2;
      // "26/TB-VP.UBND", "123/UBND-KT-HT": further parts of the issuer's symbol.
      while ((doc.IsPunct(last + 1, "-") || doc.IsPunct(last + 1, ".")) && !doc.at(last + 1).space_before &&
             IsCodeWord(doc, last + 2) && !doc.at(last + 2).space_before) {
        *code += std::string(doc.at(last + 1).text) + std::string(doc.at(last + 2).text);
        last += 2;
      }
      return last;
    }
    // "Số: 184/UBND": a letter's number with only its issuer's symbol.
    if (allow_body_only && IsCodeWord(doc, k) && mid.empty()) {
      *number = n;
      abbr->clear();
      *code = n + "/" + std::string(doc.at(k).text);
      return k;
    }
  }
  return std::string::npos;
}

}  // namespace

void FindDocRefs(Doc& doc, Facts* facts) {
  static const Phrase kSo("số");
  static const Phrase kNgay("ngày");
  static const Phrase kCua("của");
  static const Phrase kVe("về");
  static const Phrase kDoi("đối");
  static const Phrase kCu("cụ");
  const PhraseSet& type_filter = TypeFilter();
  std::vector<DocRefFact> found;
  for (size_t i = 0; i < doc.size(); ++i) {
    if (doc.used[i]) continue;
    bool may_be_type = type_filter.MayStartWith(doc.at(i).key);
    if (!doc.IsNumber(i) && !may_be_type) continue;
    const DocType* type = nullptr;
    size_t j = i;
    if (may_be_type) {
      for (const DocType& t : Types()) {
        if (doc.Matches(i, t.phrase)) {
          type = &t;
          j = i + t.phrase.size();
          break;
        }
      }
    }
    // Without a type word, only a number and a symbol ("886/QĐ-UBND", "06-NQ/TU") is a reference.
    if (type == nullptr && !doc.IsPunct(i + 1, "/") && !doc.IsPunct(i + 1, "-")) continue;
    DocRefFact ref;
    std::string abbr;
    size_t last = std::string::npos;
    if (type != nullptr) {
      if (doc.KeyIs(j, kSo)) ++j;
      last = MatchCode(doc, j, &ref.code, &ref.number, &abbr);
      if (last == std::string::npos) {
        // "Chỉ thị 06", or a number with letters: "Nghị quyết TW4".
        // "kế hoạch 5 năm 2021 – 2025" is a five-year plan, not plan no. 5.
        static const PhraseSet kSpans{"năm", "tháng", "ngày", "quý", "tuần"};
        bool bare_number = doc.IsNumber(j) && !doc.IsPunct(j + 1, "/") && !doc.IsPunct(j + 1, "%") &&
                           doc.MatchAny(j + 1, kSpans) == 0;
        bool named_number = doc.IsWord(j) && doc.at(j).upper &&
                            doc.at(j).text.find_first_of("0123456789") != std::string_view::npos;
        if (!bare_number && !named_number) continue;
        ref.number = std::string(doc.at(j).text);
        last = j;
      }
      ref.doc_type = type->name;
    } else {
      // "Số: 184/UBND" at the start of a line: the letter's own number.
      static const Phrase kNumberWord("số");
      bool own_number = i >= 2 && doc.IsPunct(i - 1, ":") && doc.KeyIs(i - 2, kNumberWord) &&
                        (i == 2 || doc.at(i - 2).newline_before);
      last = MatchCode(doc, i, &ref.code, &ref.number, &abbr, own_number);
      if (last == std::string::npos) continue;
      ref.doc_type = TypeNameOfCode(abbr);
      if (ref.doc_type.empty()) ref.doc_type = "Công văn";
      if (own_number) {
        // Its date stands on the same line: "Châu Thành, ngày 12 tháng 2 năm 2018".
        for (size_t k = last + 1; k + 1 < doc.size() && !doc.at(k).newline_before; ++k) {
          if (!doc.KeyIs(k, kNgay)) continue;
          if (std::optional<DateMatch> d = MatchDate(doc, k + 1, /*cued=*/true); d && d->year > 0) {
            ref.date = IsoDate(d->year, d->month, d->day);
            for (size_t t = k; t <= d->last; ++t) doc.used[t] = true;
          }
          break;
        }
      }
    }
    size_t span_last = last;
    // ", ngày 09/6/2016" or " ngày 27/2/2020"
    size_t k = last + 1;
    if (doc.IsPunct(k, ",")) ++k;
    if (doc.KeyIs(k, kNgay)) {
      if (std::optional<DateMatch> d = MatchDate(doc, k + 1, /*cued=*/true); d && d->year > 0) {
        ref.date = IsoDate(d->year, d->month, d->day);
        span_last = d->last;
      }
    }
    // "của Thành ủy", "của Ban Thường vụ Tỉnh ủy"
    size_t c = span_last + 1;
    if (doc.KeyIs(c, kCua)) {
      size_t e = c + 1;
      // "của Văn phòng UBND tỉnh kết luận …": after a unit word, a lower-case word is no longer the name.
      static const PhraseSet kUnitWords{"tỉnh",   "huyện",     "quận",   "xã",
                                        "phường", "thành phố", "thị xã", "thị trấn"};
      while (e < doc.size() && doc.IsWord(e) && !doc.KeyIs(e, kNgay) && !doc.KeyIs(e, kVe) &&
             !doc.KeyIs(e, kDoi) && !doc.KeyIs(e, kCu) && e - c <= 8) {
        if (e > c + 1 && !doc.at(e).upper && doc.MatchAnyEndingAt(e - 1, kUnitWords) > 0) break;
        if (doc.at(e).newline_before) break;
        ++e;
      }
      if (e > c + 1) ref.issuer = std::string(doc.Text(c + 1, e - 1));
      if (doc.KeyIs(e, kNgay) && ref.date.empty()) {
        if (std::optional<DateMatch> d = MatchDate(doc, e + 1, /*cued=*/true); d && d->year > 0) {
          ref.date = IsoDate(d->year, d->month, d->day);
        }
      }
    }
    // "BCH Đảng bộ TP Uông Bí đã ban hành Nghị quyết số 06-NQ/TU": the subject issued it.
    static const Phrase kBanHanh("ban hành");
    static const Phrase kDa("đã");
    if (ref.issuer.empty() && i >= 2 && doc.MatchesEndingAt(i - 1, kBanHanh)) {
      size_t e = i - 2;
      if (e > 0 && doc.KeyIs(e - 1, kDa)) --e;
      size_t b = e;
      while (b > 0 && doc.IsWord(b - 1) && doc.sentence[b - 1] == doc.sentence[i] && e - b < 10) --b;
      if (e > b) ref.issuer = std::string(doc.Text(b, e - 1));
    }
    ref.span = doc.InputSpan(i, span_last);
    for (size_t t = i; t <= span_last; ++t) doc.used[t] = true;
    found.push_back(ref);
    i = span_last;
  }
  // One fact per document: a mention without an issuer joins another mention
  // of the same code; mentions of one code by different issuers stay apart.
  for (size_t a = 0; a < found.size(); ++a) {
    bool duplicate = false;
    for (size_t b = 0; b < found.size() && !duplicate; ++b) {
      if (a == b || found[a].code.empty() || found[a].code != found[b].code) continue;
      if (found[a].issuer.empty() && (!found[b].issuer.empty() || b < a)) duplicate = true;
      if (!found[a].issuer.empty() && found[a].issuer == found[b].issuer && b < a) duplicate = true;
    }
    if (!duplicate) facts->docrefs.push_back(found[a]);
  }
}

}  // namespace kiemdem::extract::internal
