// Persons (SPEC "person"): a name with its titles, from every mention —
// after a cue ("đồng chí", "ông", "bà", "hộ"), after its titles ("Phó Chủ
// tịch UBND tỉnh Trần Ngọc Trai"), before them ("Lại Hữu Tuyển - TUV, Chủ
// tịch HĐND xã"), or on a signature line under its title. Each office is kept
// once, in its fullest form; a short form (PCT, BT, UVBTV) and its full form
// are one office. Bylines and photo credits are not persons.
#include <algorithm>
#include <string_view>
#include <unordered_map>

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

// Short title words and what they stand for ("PCT" -> "Phó Chủ tịch"), the
// last entry winning where a word is listed twice.
const std::unordered_map<std::string_view, std::string_view>& Abbreviations() {
  static const auto* m = [] {
    auto* map = new std::unordered_map<std::string_view, std::string_view>();
    for (const Lexicon::Entry& e : L().abbreviations.entries()) (*map)[e.text] = e.value;
    return map;
  }();
  return *m;
}

// The syllable keys of a title with its short head written out ("PCT HĐND xã"
// -> the keys of "Phó Chủ tịch Hội đồng nhân dân xã").
std::string Folded(const std::string& title) {
  const auto& abbreviations = Abbreviations();
  std::string out;
  size_t i = 0;
  while (i < title.size()) {
    size_t j = title.find_first_of(" .", i);
    if (j == std::string::npos) j = title.size();
    std::string_view word(title.data() + i, j - i);
    if (!word.empty()) {
      auto it = abbreviations.find(word);
      if (!out.empty()) out += ' ';
      AppendPhraseKey(it != abbreviations.end() ? it->second : word, &out);
    }
    i = j + 1;
  }
  return out;
}

// The persons found so far, with the keys their names and titles are
// compared by (computed once per name and title).
struct Found {
  Facts* facts;
  std::vector<std::string> name_keys;                // PhraseKey of each person's name
  std::vector<std::vector<std::string>> title_keys;  // Folded of each of its titles
};

void AddTitles(Found* found, size_t person, const std::vector<std::string>& titles) {
  PersonFact* p = &found->facts->persons[person];
  std::vector<std::string>& keys = found->title_keys[person];
  for (const std::string& t : titles) {
    std::string ft = Folded(t);
    bool covered = false;
    for (size_t k = 0; k < p->titles.size(); ++k) {
      std::string& have = p->titles[k];
      const std::string& fh = keys[k];
      if (fh == ft) {
        if (t.size() > have.size()) have = t;  // "Bí thư Đảng ủy" for "BT Đảng ủy"
        covered = true;
      } else if (fh.rfind(ft, 0) == 0) {
        covered = true;  // "Bí thư Quận ủy" inside "Bí thư Quận ủy Long Biên"
      } else if (ft.rfind(fh, 0) == 0) {
        have = t;
        keys[k] = ft;
        covered = true;
      }
    }
    if (!covered) {
      p->titles.push_back(t);
      keys.push_back(ft);
    }
  }
}

// The index of the person named by tokens [first, last], added if new.
size_t Person(const Doc& doc, Found* found, size_t first, size_t last) {
  std::string name(doc.Text(first, last));
  std::string key = PhraseKey(name);
  for (size_t k = 0; k < found->name_keys.size(); ++k) {
    if (found->name_keys[k] == key) return k;
  }
  found->facts->persons.push_back({doc.InputSpan(first, last), name, {}});
  found->name_keys.push_back(std::move(key));
  found->title_keys.emplace_back();
  return found->facts->persons.size() - 1;
}

bool AloneOnLine(const Doc& doc, size_t first, size_t last) {
  return (first == 0 || doc.at(first).newline_before) &&
         (last + 1 >= doc.size() || doc.at(last + 1).newline_before);
}

}  // namespace

void FindPersons(Doc& doc, Facts* facts) {
  static const Phrase kPhoto("Ảnh");
  Found found{facts, {}, {}};
  for (const PersonFact& p : facts->persons) {
    found.name_keys.push_back(PhraseKey(p.name));
    found.title_keys.emplace_back();
    for (const std::string& t : p.titles) found.title_keys.back().push_back(Folded(t));
  }
  // A lower-case word that starts no cue and no title starts no mention (a name is capitalised).
  static const KeyFilter kCueOrTitle({&L().cues.phrases(), &L().heads.phrases()});
  for (size_t i = 0; i < doc.size(); ++i) {
    if (!doc.IsWord(i) || (!doc.at(i).upper && !kCueOrTitle.MayStartWith(doc.at(i).key))) continue;
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
          size_t person = Person(doc, &found, i, last);
          AddTitles(&found, person, {std::string(doc.Text(b, p))});
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
    size_t person = Person(doc, &found, j, last);
    AddTitles(&found, person, before);
    AddTitles(&found, person, after);
    i = last;
  }
}

}  // namespace kiemdem::extract::internal
