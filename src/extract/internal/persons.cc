// Persons (SPEC "person"): a name with its titles, from every mention —
// after a cue ("đồng chí", "ông", "bà", "hộ"), after its titles ("Phó Chủ
// tịch UBND tỉnh Trần Ngọc Trai"), before them ("Lại Hữu Tuyển - TUV, Chủ
// tịch HĐND xã"), or on a signature line under its title. Each office is kept
// once, in its fullest form; a short form (PCT, BT, UVBTV) and its full form
// are one office. Bylines and photo credits are not persons.
#include <algorithm>

#include "extract/internal/doc.h"
#include "extract/internal/lexicon.h"

namespace kiemdem::extract::internal {
namespace {

struct Lists {
  const Lexicon& surnames = GetLexicon("surnames");
  const Lexicon& heads = GetLexicon("title_heads");
  const Lexicon& words = GetLexicon("title_words");
  const Lexicon& abbreviations = GetLexicon("title_abbreviations");
  const Lexicon& cues = GetLexicon("person_cues");
  const Lexicon& blockers = GetLexicon("name_blockers");
};

const Lists& L() {
  static const Lists* l = new Lists();
  return *l;
}

// Words that end a title: what the person does next.
const PhraseSet& TitleStops() {
  static const auto* t = new PhraseSet{
      "chủ trì",   "phát biểu", "cho biết", "kết luận", "ghi nhận", "báo cáo", "đánh giá", "nhấn mạnh",
      "đề nghị",   "yêu cầu",   "làm việc", "trao",     "tặng",     "thăm",    "chúc",     "đến dự",
      "điều hành", "khai mạc",  "làm",      "đi",       "kiểm tra", "đã",      "cùng",     "tiếp tục"};
  return *t;
}

bool IsDash(const Doc& doc, size_t i) {
  return doc.IsPunct(i, "-") || doc.IsPunct(i, "\xE2\x80\x93") || doc.IsPunct(i, "\xE2\x80\x94");
}

// A personal name at i: a family name and one to three more capitalised
// syllables, not a place or a doctrine ("đường Trần Hưng Đạo", "tư tưởng Hồ
// Chí Minh") and not an all-capitals heading.
bool NameAt(const Doc& doc, size_t i, size_t* last, bool check_blockers = true) {
  if (i >= doc.size() || !doc.at(i).upper || doc.MatchAny(i, L().surnames.phrases()) == 0) return false;
  for (size_t n = 1; check_blockers && n <= 2 && n <= i; ++n) {
    if (doc.MatchAny(i - n, L().blockers.phrases()) == n) return false;
  }
  size_t j = i + 1;
  while (j < doc.size() && doc.IsWord(j) && doc.at(j).upper && !doc.at(j).newline_before && j - i < 4 &&
         doc.MatchAny(j, L().heads.phrases()) == 0) {
    ++j;
  }
  if (j - i < 2) return false;
  // "UBND", "HĐND": an abbreviation is no syllable of a name.
  for (size_t k = i; k < j; ++k) {
    std::string_view t = doc.at(k).text;
    int caps = 0;
    for (char c : t) caps += (c >= 'A' && c <= 'Z') ? 1 : 0;
    if (caps > 1) return false;
  }
  *last = j - 1;
  return true;
}

// Does the name after a title start at j? In a run of capitalised words
// ("HĐND xã Yên Lạc Lại Hữu Tuyển") the name is its last two to four, three
// where the run allows: a place name may end the title before it.
bool NameStartsRun(const Doc& doc, size_t j) {
  size_t end = j;
  while (end < doc.size() && doc.IsWord(end) && doc.at(end).upper && !doc.at(end).newline_before &&
         (end == j || doc.MatchAny(end, L().heads.phrases()) == 0)) {
    ++end;
  }
  size_t last = 0;
  for (size_t len : {3, 2, 4}) {
    if (end - j < len) continue;
    size_t start = end - len;
    if (NameAt(doc, start, &last, /*check_blockers=*/false) && last + 1 == end) return start == j;
  }
  return NameAt(doc, j, &last, /*check_blockers=*/false);
}

// Titles starting at i, separated by commas or dashes; *end is the token after them.
std::vector<std::string> TitlesAt(const Doc& doc, size_t i, size_t* end = nullptr) {
  std::vector<std::string> out;
  size_t j = i;
  while (j < doc.size() && doc.MatchAny(j, L().heads.phrases()) > 0) {
    size_t start = j;
    j += doc.MatchAny(j, L().heads.phrases());
    if (doc.IsPunct(j, ".") && !doc.at(j).space_before) ++j;  // "CT. HĐND xã"
    while (j < doc.size() && doc.IsWord(j) && !doc.at(j).newline_before) {
      if (doc.MatchAny(j, TitleStops()) > 0) break;
      if (doc.at(j).upper && NameStartsRun(doc, j)) break;  // a name follows the title
      if (size_t k = doc.MatchAny(j, L().words.phrases()); k > 0) {
        j += k;  // keys ignore case: "Thường trực", "Nội chính"
        continue;
      }
      if (doc.at(j).upper && doc.MatchAny(j, L().heads.phrases()) == 0) {
        if (NameStartsRun(doc, j)) break;  // a name follows the title
        ++j;
        // "TP.HCM": a dot inside a name
        if (doc.IsPunct(j, ".") && !doc.at(j).space_before && doc.IsWord(j + 1) &&
            !doc.at(j + 1).space_before)
          j += 2;
        continue;
      }
      break;
    }
    size_t last = j - 1;
    while (last > start && doc.at(last).kind == TokenKind::kPunct) --last;
    out.push_back(std::string(doc.Text(start, last)));
    if ((doc.IsPunct(j, ",") || IsDash(doc, j)) && doc.MatchAny(j + 1, L().heads.phrases()) > 0) {
      ++j;
      continue;
    }
    break;
  }
  if (end != nullptr) *end = j;
  return out;
}

// The syllable keys of a title with its short head written out ("PCT HĐND xã"
// -> the keys of "Phó Chủ tịch Hội đồng nhân dân xã").
std::string Folded(const std::string& title) {
  std::string out;
  size_t i = 0;
  while (i < title.size()) {
    size_t j = title.find_first_of(" .", i);
    if (j == std::string::npos) j = title.size();
    std::string_view word(title.data() + i, j - i);
    if (!word.empty()) {
      std::string expanded(word);
      for (const Lexicon::Entry& e : L().abbreviations.entries()) {
        if (e.text == word) expanded = e.value;
      }
      if (!out.empty()) out += ' ';
      out += PhraseKey(expanded);
    }
    i = j + 1;
  }
  return out;
}

void AddTitles(PersonFact* p, const std::vector<std::string>& titles) {
  for (const std::string& t : titles) {
    std::string ft = Folded(t);
    bool covered = false;
    for (std::string& have : p->titles) {
      std::string fh = Folded(have);
      if (fh == ft) {
        if (t.size() > have.size()) have = t;  // "Bí thư Đảng ủy" for "BT Đảng ủy"
        covered = true;
      } else if (fh.rfind(ft, 0) == 0) {
        covered = true;  // "Bí thư Quận ủy" inside "Bí thư Quận ủy Long Biên"
      } else if (ft.rfind(fh, 0) == 0) {
        have = t;
        covered = true;
      }
    }
    if (!covered) p->titles.push_back(t);
  }
}

PersonFact* Person(const Doc& doc, Facts* facts, size_t first, size_t last) {
  std::string name(doc.Text(first, last));
  std::string key = PhraseKey(name);
  for (PersonFact& p : facts->persons) {
    if (PhraseKey(p.name) == key) return &p;
  }
  facts->persons.push_back({doc.InputSpan(first, last), name, {}});
  return &facts->persons.back();
}

bool AloneOnLine(const Doc& doc, size_t first, size_t last) {
  return (first == 0 || doc.at(first).newline_before) &&
         (last + 1 >= doc.size() || doc.at(last + 1).newline_before);
}

}  // namespace

void FindPersons(Doc& doc, Facts* facts) {
  static const Phrase kPhoto("Ảnh");
  for (size_t i = 0; i < doc.size(); ++i) {
    if (!doc.IsWord(i)) continue;
    size_t j = i;
    std::vector<std::string> before;
    size_t cue = doc.MatchAny(i, L().cues.phrases());
    if (cue > 0) j = i + cue;
    if (doc.IsPunct(j, ":")) ++j;  // "Các đồng chí: …"
    if (doc.MatchAny(j, L().heads.phrases()) > 0) {
      // "đồng chí Bí thư Thành ủy, Chủ tịch HĐND thành phố Trần Văn Lâm", "Phó Bí thư TP.HCM Nguyễn Phước
      // Lộc"
      size_t after = j;
      before = TitlesAt(doc, j, &after);
      if (IsDash(doc, after) || doc.IsPunct(after, ",")) {
        // "Giám đốc Sở - ông X": not a name right after the titles
        continue;
      }
      j = after;
    } else if (cue == 0) {
      // No cue and no title before: a name followed by its titles, or a signature.
      size_t last = 0;
      if (!NameAt(doc, i, &last)) continue;
      size_t t = last + 1;
      bool titled = (IsDash(doc, t) || doc.IsPunct(t, ",")) && doc.MatchAny(t + 1, L().heads.phrases()) > 0;
      bool signature = false;
      if (!titled && AloneOnLine(doc, i, last) && i > 0) {
        // A name alone on a line under a title line (a letter's signature block).
        size_t p = i - 1;
        size_t b = p;
        while (b > 0 && !doc.at(b).newline_before) --b;
        signature = doc.MatchAny(b, L().heads.phrases()) > 0 && AloneOnLine(doc, b, p);
        if (signature) {
          PersonFact* person = Person(doc, facts, i, last);
          AddTitles(person, {std::string(doc.Text(b, p))});
          i = last;
          continue;
        }
      }
      if (!titled) continue;
    }
    size_t last = 0;
    if (!NameAt(doc, j, &last, /*check_blockers=*/before.empty())) continue;
    if (j >= 2 && doc.KeyIs(j - 2, kPhoto)) continue;
    if (j >= 1 && doc.KeyIs(j - 1, kPhoto)) continue;
    size_t t = last + 1;
    std::vector<std::string> after;
    if (IsDash(doc, t) || doc.IsPunct(t, ",")) after = TitlesAt(doc, t + 1);
    PersonFact* person = Person(doc, facts, j, last);
    AddTitles(person, before);
    AddTitles(person, after);
    i = last;
  }
}

}  // namespace kiemdem::extract::internal
