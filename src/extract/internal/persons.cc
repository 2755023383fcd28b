// Persons: "đồng chí Trần Văn Lâm - Tỉnh ủy viên, Bí thư Thành ủy, ...", with
// the titles of every mention, each office once in its fullest form.
#include <algorithm>

#include "extract/internal/doc.h"

namespace kiemdem::extract::internal {
namespace {

const PhraseSet& Surnames() {
  static const auto* s =
      new PhraseSet{"Nguyễn", "Trần",  "Lê",     "Phạm", "Hoàng", "Huỳnh", "Phan",  "Vũ",    "Võ",   "Đặng",
                    "Bùi",    "Đỗ",    "Hồ",     "Ngô",  "Dương", "Lý",    "Đường", "Kiều",  "Mai",  "Trịnh",
                    "Đinh",   "Lâm",   "Lương",  "Tạ",   "Tô",    "Hà",    "Cao",   "Chu",   "Châu", "Thái",
                    "Quách",  "Vương", "Trương", "Đoàn", "Lại",   "Mạc",   "Nông",  "Triệu", "Lưu",  "Đàm",
                    "Tăng",   "Thân",  "Hứa",    "Ông",  "La",    "Doãn",  "Giang", "Tống",  "Âu",   "Nghiêm",
                    "Viên",   "Lục",   "Phí",    "Khúc", "Phùng", "Tôn",   "Diệp",  "Bạch",  "Cù",   "Hầu",
                    "Từ",     "Văn",   "Kim",    "Vi",   "Lò",    "Hoàng", "Nhâm",  "Quan",  "Kha"};
  return *s;
}

const PhraseSet& TitleHeads() {
  static const auto* t = new PhraseSet{"Phó Bí thư",     "Bí thư",
                                       "Phó Chủ tịch",   "Chủ tịch",
                                       "Ủy viên",        "Uỷ viên",
                                       "UVTV",           "UVBTV",
                                       "Tỉnh ủy viên",   "Thành ủy viên",
                                       "Quận ủy viên",   "Huyện ủy viên",
                                       "Đảng ủy viên",   "Phó Trưởng",
                                       "Trưởng",         "Phó Giám đốc",
                                       "Giám đốc",       "Chánh",
                                       "Phó Chánh",      "Tổng Bí thư",
                                       "Thủ tướng",      "Bộ trưởng",
                                       "Thứ trưởng",     "Đại biểu",
                                       "Chỉ huy trưởng", "Phó Chỉ huy trưởng",
                                       "Trưởng Công an", "Phó Trưởng Công an",
                                       "Cán bộ"};
  return *t;
}

// Lower-case words that continue a title ("Bí thư Thành ủy", "Phó Chủ tịch
// Thường trực HĐND thành phố").
const PhraseSet& TitleLowerWords() {
  static const auto* t = new PhraseSet{
      "thành phố", "phường",      "quận",      "huyện",     "xã",         "tỉnh",     "thị xã",
      "thị trấn",  "thường trực", "thường vụ", "bí thư",    "chủ tịch",   "nhân dân", "ban",
      "viên",      "ủy",          "uỷ",        "ủy ban",    "tuyên giáo", "dân vận",  "tổ chức",
      "kiểm tra",  "đảng",        "đảng ủy",   "đảng uỷ",   "hội đồng",   "mặt trận", "tổ quốc",
      "công an",   "quân sự",     "chấp hành", "nội chính", "văn phòng",  "thành",    "trung ương"};
  return *t;
}

// Words that end a title: what the person does next.
const PhraseSet& TitleStops() {
  static const auto* t = new PhraseSet{"chủ trì",  "phát biểu", "cho biết",  "kết luận", "ghi nhận",
                                       "báo cáo",  "đánh giá",  "nhấn mạnh", "đề nghị",  "yêu cầu",
                                       "làm việc", "trao",      "tặng",      "thăm",     "chúc"};
  return *t;
}

bool NameAt(const Doc& doc, size_t i, size_t* last) {
  if (doc.MatchAny(i, Surnames()) == 0 || !doc.at(i).upper) return false;
  size_t j = i + 1;
  while (j < doc.size() && doc.IsWord(j) && doc.at(j).upper && !doc.at(j).newline_before && j - i < 4 &&
         doc.MatchAny(j, TitleHeads()) == 0) {
    ++j;
  }
  if (j - i < 2) return false;
  *last = j - 1;
  return true;
}

// Titles starting at i, separated by commas; returns them and the end.
std::vector<std::string> TitlesAt(const Doc& doc, size_t i) {
  std::vector<std::string> out;
  size_t j = i;
  while (j < doc.size() && doc.MatchAny(j, TitleHeads()) > 0) {
    size_t start = j;
    j += doc.MatchAny(j, TitleHeads());
    while (j < doc.size() && doc.IsWord(j) && !doc.at(j).newline_before) {
      if (doc.MatchAny(j, TitleStops()) > 0) break;
      if (size_t k = doc.MatchAny(j, TitleLowerWords()); k > 0) {
        j += k;  // keys ignore case: "Thường trực", "Tuyên giáo"
        continue;
      }
      if (doc.at(j).upper && doc.MatchAny(j, TitleHeads()) == 0) {
        size_t name_end = 0;
        if (NameAt(doc, j, &name_end) && name_end > j) break;  // a name follows the title
        ++j;
        continue;
      }
      size_t k = doc.MatchAny(j, TitleLowerWords());
      if (k == 0) break;
      j += k;
    }
    out.push_back(std::string(doc.Text(start, j - 1)));
    if (doc.IsPunct(j, ",") && doc.MatchAny(j + 1, TitleHeads()) > 0) {
      ++j;
      continue;
    }
    break;
  }
  return out;
}

std::string Folded(const std::string& s) { return PhraseKey(s); }

void AddTitles(PersonFact* p, const std::vector<std::string>& titles) {
  for (const std::string& t : titles) {
    std::string ft = Folded(t);
    bool covered = false;
    for (std::string& have : p->titles) {
      std::string fh = Folded(have);
      if (fh.rfind(ft, 0) == 0)
        covered = true;  // "Bí thư Quận ủy" inside "Bí thư Quận ủy Long Biên"
      else if (ft.rfind(fh, 0) == 0) {
        have = t;
        covered = true;
      }
    }
    if (!covered) p->titles.push_back(t);
  }
}

}  // namespace

void FindPersons(Doc& doc, Facts* facts) {
  static const PhraseSet cues{"đồng chí", "Đồng chí", "ông", "bà", "đ/c"};
  static const Phrase kAnh("Ảnh");
  for (size_t i = 0; i < doc.size(); ++i) {
    size_t cue = doc.MatchAny(i, cues);
    if (cue == 0) continue;
    size_t j = i + cue;
    std::vector<std::string> titles_before;
    if (doc.MatchAny(j, TitleHeads()) > 0) {
      // "đồng chí Bí thư Thành ủy, Chủ tịch HĐND thành phố Trần Văn Lâm"
      titles_before = TitlesAt(doc, j);
      size_t k = j;
      while (k < doc.size() && k < j + 30 && !doc.IsPunct(k, ".") && !doc.IsPunct(k, ";")) {
        size_t last = 0;
        if (NameAt(doc, k, &last) && k > j) {
          j = k;
          break;
        }
        ++k;
      }
      if (j != k) continue;
    }
    size_t last = 0;
    if (!NameAt(doc, j, &last)) continue;
    if (j > 1 && doc.KeyIs(j - 2, kAnh)) continue;
    std::string name(doc.Text(j, last));
    size_t t = last + 1;
    std::vector<std::string> titles;
    if (doc.IsPunct(t, "-") || doc.IsPunct(t, "–") || doc.IsPunct(t, ",") || doc.IsPunct(t, "—")) {
      titles = TitlesAt(doc, t + 1);
    }
    PersonFact* person = nullptr;
    for (PersonFact& p : facts->persons) {
      if (Folded(p.name) == Folded(name)) person = &p;
    }
    if (person == nullptr) {
      facts->persons.push_back({doc.InputSpan(j, last), name, {}});
      person = &facts->persons.back();
    }
    AddTitles(person, titles_before);
    AddTitles(person, titles);
    i = last;
  }
}

}  // namespace kiemdem::extract::internal
