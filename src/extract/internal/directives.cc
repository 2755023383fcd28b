// Directives given at the reported event (SPEC "directive"): the
// instructions of a text, from where they start (a conclusion, a speech, a
// request in a letter) to its end. Each sentence is cut into clauses (";",
// ":", a comma or "và" before a new verb, a purpose "để" that names its own
// actor and deadline); a clause is an instruction where it starts with a
// request word, an actor and a modal ("phường cần …"), an actor and a verb
// ("Sở NNPTNT khẩn trương …") or a verb ("Tăng cường …"). The actor named in
// a sentence carries through the clauses of that sentence, and through the
// items of a list after "đề nghị X:" up to its full stop (ANNOTATING.md).
#include "extract/internal/clauses.h"
#include "extract/internal/doc.h"
#include "extract/internal/lexicon.h"
#include "extract/internal/time_expr.h"

namespace kiemdem::extract::internal {
namespace {

struct Lists {
  const Lexicon& verbs = GetLexicon("directive_verbs");
  const Lexicon& requests = GetLexicon("request_words");
  const Lexicon& modals = GetLexicon("modal_words");
  const Lexicon& actors = GetLexicon("actor_heads");
  const Lexicon& connectives = GetLexicon("clause_connectives");
  const Lexicon& cues = GetLexicon("conclusion_cues");
  const Lexicon& speech = GetLexicon("speech_verbs");
};

const Lists& L() {
  static const Lists* l = new Lists();
  return *l;
}

bool IsOpenQuote(const Doc& doc, size_t i) {
  return doc.IsPunct(i, "\xE2\x80\x9C") || doc.IsPunct(i, "\"") || doc.IsPunct(i, "-") ||
         doc.IsPunct(i, "+") || doc.IsPunct(i, "\xE2\x80\x93") || doc.IsPunct(i, "*") || doc.IsPunct(i, "(");
}

// A verb that opens an instruction at i: lower case inside a clause (so
// "Ban Tổ chức" is a name, not "tổ chức"), any case at its start. Not one
// whose object is a document ("Thực hiện Thông báo số 26/TB…": an adverbial).
size_t VerbAt(const Doc& doc, size_t i, bool clause_start) {
  if (i >= doc.size()) return 0;  // callers look one past a comma that may end the text
  if (doc.used[i] && !clause_start) return 0;
  size_t n = doc.MatchAny(i, L().verbs.phrases());
  if (n == 0) return 0;
  if (doc.at(i).upper && !clause_start) return 0;
  if (i + n < doc.size() && doc.used[i + n] && doc.IsWord(i + n)) return 0;
  // "Thực hiện chỉ đạo của Thường trực Tỉnh ủy, …": following someone's direction, an adverbial.
  static const PhraseSet kFollowing{"chỉ đạo của", "ý kiến chỉ đạo của", "sự chỉ đạo của", "kết luận của"};
  if (doc.MatchAny(i + n, kFollowing) > 0) return 0;
  return n;
}

// A request word at i ("đề nghị", "yêu cầu", "giao" at a clause start),
// not a report of one ("được giao", "kế hoạch giao", "theo đề nghị của").
size_t RequestAt(const Doc& doc, size_t i, size_t clause_start) {
  static const PhraseSet kNotBefore{"được", "theo", "của", "kế hoạch", "chỉ tiêu", "KH", "đã được", "bàn"};
  int tag = -1;
  size_t n = doc.MatchAny(i, L().requests.phrases(), &tag);
  if (n == 0) return 0;
  // "Giao UBND TP. Vinh …", "Bí thư Tỉnh ủy giao UBND …": not "kế hoạch tỉnh giao".
  if (L().requests.entry(tag).value == "start" && i != clause_start) {
    static const PhraseSet kQuota{"kế hoạch", "KH", "chỉ tiêu", "dự toán", "được"};
    bool named = false;
    for (size_t k = i; k-- > clause_start && k + 3 >= i;) {
      if (doc.MatchAny(k, kQuota) > 0) return 0;
      named = named || doc.at(k).upper;
    }
    if (!named) return 0;
  }
  // "Phó Chủ tịch UBND tỉnh X chỉ đạo các sở, ngành khẩn trương …": an official
  // who tells a body to act, not a body's own routine direction.
  if (L().requests.entry(tag).value == "official") {
    static const Lexicon& titles = GetLexicon("title_heads");
    static const Lexicon& person_cues = GetLexicon("person_cues");
    bool official = false;
    for (size_t k = i; k-- > clause_start && k + 12 >= i && !official;) {
      official = doc.MatchAny(k, titles.phrases()) > 0 || doc.MatchAny(k, person_cues.phrases()) > 0;
    }
    if (!official || doc.MatchAny(i + n, L().actors.phrases()) == 0) return 0;
  }
  if (i > 0 && (doc.MatchAnyEndingAt(i - 1, kNotBefore) > 0)) return 0;
  if (i + n >= doc.size() || doc.IsPunct(i + n, ".") || doc.IsPunct(i + n, ",")) return 0;
  return n;
}

// Skips connectives, list marks and quotes at the start of [i, last].
size_t SkipLead(const Doc& doc, size_t i, size_t last) {
  while (i <= last) {
    if (doc.at(i).kind == TokenKind::kPunct &&
        (IsOpenQuote(doc, i) || doc.IsPunct(i, ",") || doc.IsPunct(i, ":") || doc.IsPunct(i, ")"))) {
      ++i;
      continue;
    }
    // "a)", "1." list marks
    if ((doc.IsNumber(i) || (doc.IsWord(i) && doc.at(i).text.size() == 1)) &&
        (doc.IsPunct(i + 1, ")") || (doc.IsNumber(i) && doc.IsPunct(i + 1, "."))) && i + 1 <= last) {
      i += 2;
      continue;
    }
    if (size_t n = doc.MatchAny(i, L().connectives.phrases()); n > 0 && i + n <= last) {
      i += n;
      continue;
    }
    break;
  }
  return i;
}

// An actor's name at [i, …): it starts with a body or office word and runs
// until a verb, a modal or a clause mark. Returns the first token after it, or i.
size_t ActorEnd(const Doc& doc, size_t i, size_t last) {
  static const PhraseSet kNotInActor{"đã", "là", "được", "đang", "có", "sẽ", "vừa", "cũng"};
  if (doc.MatchAny(i, L().actors.phrases()) == 0) return i;
  size_t j = i;
  while (j <= last && j < i + 14) {
    if (j > i && (VerbAt(doc, j, false) > 0 || doc.MatchAny(j, L().modals.phrases()) > 0)) return j;
    if (doc.IsPunct(j, ";") || doc.IsPunct(j, ":") || doc.IsPunct(j, ".") ||
        doc.MatchAny(j, kNotInActor) > 0) {
      return i;
    }
    ++j;
  }
  return i;
}

// How many tokens of object follow the first verb chain of [i, end]
// ("Khẩn trương rà soát", "UBND phường rà soát") before a comma.
size_t ObjectLength(const Doc& doc, size_t i, size_t end) {
  if (doc.size() == 0) return 0;
  end = std::min(end, doc.size() - 1);  // never past the text, whatever the caller computed
  size_t k = i;
  while (k <= end && VerbAt(doc, k, k == i) == 0) ++k;
  if (k > end) k = i;
  while (k <= end) {
    size_t v = VerbAt(doc, k, k == i);
    if (v == 0 && doc.IsPunct(k, ",") && VerbAt(doc, k + 1, false) > 0) v = 1;  // "củng cố, nâng cao …"
    if (v == 0) break;
    k += v;
  }
  size_t n = 0;
  while (k + n <= end && !doc.IsPunct(k + n, ",") && !doc.IsPunct(k + n, ";")) ++n;
  return n;
}

struct Clause {
  size_t first;
  size_t last;
};

// Where a new instruction starts after the comma or "và" at j in a clause
// that began at `begin`: a verb, an actor with a modal, or a request, and the
// clause so far has more than its own verb ("động viên, chia sẻ với …" and
// "rà soát, thống kê …" share one object).
bool OpensAfter(const Doc& doc, size_t begin, size_t j, size_t end) {
  size_t k = j + 1;
  if (k > end) return false;
  if (RequestAt(doc, k, k) > 0) return true;
  // ", đến cuối năm 2018 phải giải quyết xong …": a deadline with its own modal.
  static const Lexicon& deadline_cues = GetLexicon("deadline_cues");
  if (doc.MatchAny(k, deadline_cues.phrases()) > 0) {
    for (size_t m = k; m <= end && m < k + 8; ++m) {
      if (doc.MatchAny(m, L().modals.phrases()) > 0) return true;
    }
  }
  // A comma that opens the text has no clause before it (j - 1 would wrap).
  if (j == 0) return false;
  size_t content = begin;
  while (content < j && (doc.at(content).kind == TokenKind::kPunct)) ++content;
  // The last stretch of the clause so far, after its previous comma.
  size_t stretch = j;
  while (stretch > content && !doc.IsPunct(stretch - 1, ",")) --stretch;
  if (ObjectLength(doc, stretch, j - 1) <= 2) return false;
  // "củng cố, nâng cao chất lượng …", "lãnh đạo, chỉ đạo …": verbs that share the object after them.
  if (j > 0 && doc.MatchAnyEndingAt(j - 1, L().verbs.phrases()) > 0) return false;
  if (size_t v = VerbAt(doc, k, false); v > 0) {
    return ObjectLength(doc, k, end) >= 3;
  }
  size_t a = ActorEnd(doc, k, end);
  return a > k && doc.at(k).kind == TokenKind::kWord && !doc.at(k).upper &&
         doc.MatchAny(a, L().modals.phrases()) > 0;
}

// Cuts the sentence [first, last] into clauses.
std::vector<Clause> Clauses(const Doc& doc, size_t first, size_t last) {
  static const Phrase kDe("để");
  static const Phrase kVa("và");
  std::vector<Clause> out;
  size_t begin = first;
  int depth = 0;
  bool purpose = false;  // after "để" or "đó là": the rest is a purpose or a content
  static const PhraseSet kContent{"đó là", "theo nguyên tắc", "bao gồm", "như sau", "gồm"};
  for (size_t j = first; j <= last; ++j) {
    if (doc.MatchAny(j, kContent) > 0) purpose = true;
    if (doc.IsPunct(j, "(")) ++depth;
    if (doc.IsPunct(j, ")") && depth > 0) --depth;
    if (depth > 0) continue;
    bool cut = false;
    size_t next = j + 1;
    // A new task after a comma or "và"; "Đồng chí X nhấn mạnh, phường … cần …".
    bool comma_opens =
        ((doc.IsPunct(j, ",") || doc.KeyIs(j, kVa)) && !purpose && OpensAfter(doc, begin, j, last)) ||
        (doc.IsPunct(j, ",") && j > begin && doc.MatchAnyEndingAt(j - 1, L().speech.phrases()) > 0);
    if (doc.IsPunct(j, ";") || comma_opens) {
      cut = true;
    } else if (doc.IsPunct(j, ":")) {
      // "các vấn đề như: …", "theo nguyên tắc: …" list a content, not tasks.
      static const Phrase kAs("như");
      cut = !purpose && !(j > 0 && doc.KeyIs(j - 1, kAs));
    } else if (doc.KeyIs(j, kDe)) {
      // "… trước ngày 28-10 để sở tổ chức thẩm định … trước ngày 10-11": its own actor and deadline.
      size_t a = ActorEnd(doc, j + 1, last);
      size_t clause_end = j + 1;
      while (clause_end <= last && !doc.IsPunct(clause_end, ";") && !doc.IsPunct(clause_end, ","))
        ++clause_end;
      if (a > j + 1 && !FindDeadline(doc, j + 1, clause_end - 1).empty()) {
        cut = true;
      } else {
        purpose = true;
      }
    }
    if (!cut) continue;
    if (j > begin) out.push_back({begin, j - 1});
    begin = next;
    purpose = false;
  }
  if (begin <= last) out.push_back({begin, last});
  return out;
}

// Does the sentence [first, last] open the instructions? Where a conclusion
// word is ("Kết luận buổi làm việc", "nhấn mạnh"), where a speaker makes a
// request ("ông X đề nghị", "Chủ tịch UBND tỉnh yêu cầu"), or where the
// sentence itself is a request ("Đề nghị Trung tâm …", "Giao UBND …").
bool OpensInstructions(const Doc& doc, size_t first, size_t last) {
  static const PhraseSet kNotBefore{"được", "theo", "đã", "của"};
  static const Lexicon& person_cues = GetLexicon("person_cues");
  static const Lexicon& titles = GetLexicon("title_heads");
  static const Phrase kPast("đã");
  // A token none of the lists below starts at changes nothing.
  static const KeyFilter kAny({&person_cues.phrases(), &titles.phrases(), &L().actors.phrases(),
                               &L().requests.phrases(), &L().cues.phrases()},
                              {&kPast});
  size_t start = SkipLead(doc, first, last);
  bool speaker = false;
  size_t actor_at = std::string::npos;  // a body named just before a request: "huyện yêu cầu …"
  for (size_t i = first; i <= last; ++i) {
    if (doc.used[i] || !kAny.MayStartWith(doc.at(i).key)) continue;
    size_t cue = doc.MatchAny(i, person_cues.phrases());
    if ((cue > 0 && i + cue < doc.size() && (doc.at(i + cue).upper || RequestAt(doc, i + cue, start) > 0)) ||
        doc.MatchAny(i, titles.phrases()) > 0) {
      speaker = true;
    }
    if (doc.MatchAny(i, L().actors.phrases()) > 0) actor_at = i;
    if (doc.KeyIs(i, kPast)) actor_at = std::string::npos;
    bool body_speaks = actor_at != std::string::npos && i > actor_at && i - actor_at <= 4;
    if (RequestAt(doc, i, start) > 0 && (i == start || speaker || body_speaks)) return true;
    if (doc.MatchAny(i, L().cues.phrases()) > 0 && !(i > 0 && doc.MatchAnyEndingAt(i - 1, kNotBefore) > 0)) {
      return true;
    }
  }
  return false;
}

}  // namespace

void FindDirectives(Doc& doc, Facts* facts) {
  if (doc.size() == 0) return;
  const std::vector<TokenRange>& sentences = Sentences(doc);
  Parts parts = FindParts(doc);
  // The instructions start at the first sentence after the headline that opens them.
  size_t s0 = 0;
  while (s0 < sentences.size() && (sentences[s0].first < parts.headline_end ||
                                   !OpensInstructions(doc, sentences[s0].first, sentences[s0].last))) {
    ++s0;
  }
  // A text cut off mid-word: its last clause is not annotated (ANNOTATING.md).
  const Token& final_token = doc.at(doc.size() - 1);
  bool cut_off = final_token.kind != TokenKind::kPunct;
  std::string list_actor;  // from "đề nghị X:", up to the full stop
  for (size_t s = s0; s < sentences.size(); ++s) {
    auto [first, last] = sentences[s];  // NOLINT(readability-identifier-naming)
    // The actor a request names carries to the end of the sentence; a
    // clause's own subject ("UBND phường rà soát …") only to the next ';'.
    std::string actor;
    std::string segment_actor;
    list_actor.clear();
    bool any_in_sentence = false;
    for (const Clause& c : Clauses(doc, first, last)) {
      if (c.first > first && doc.IsPunct(c.first - 1, ";")) segment_actor.clear();
      size_t b = SkipLead(doc, c.first, c.last);
      if (b > c.last) continue;
      size_t text_first = c.first;
      while (text_first <= c.last && doc.at(text_first).kind == TokenKind::kPunct) ++text_first;
      size_t text_last = c.last;
      while (text_last > text_first && doc.at(text_last).kind == TokenKind::kPunct &&
             !doc.IsPunct(text_last, ")")) {
        --text_last;
      }
      std::string assignee;
      bool instruction = false;
      bool has_own_actor = false;
      // 1. A request anywhere: "Ông X đề nghị lãnh đạo xã chú trọng …".
      size_t r = std::string::npos;
      size_t rn = 0;
      for (size_t k = b; k <= c.last; ++k) {
        if ((rn = RequestAt(doc, k, b)) > 0) {
          r = k;
          break;
        }
      }
      if (r != std::string::npos) {
        instruction = true;
        text_first = r;
        size_t a = r + rn;
        size_t e = a;
        while (e <= c.last && VerbAt(doc, e, e == a) == 0 && doc.MatchAny(e, L().modals.phrases()) == 0 &&
               !doc.IsPunct(e, ":") && e < a + 14) {
          // "Đảng ủy, UBND xã …", "UBND các huyện, thị xã, thành phố": a comma inside the actor.
          if (doc.IsPunct(e, ",") && doc.MatchAny(e + 1, L().actors.phrases()) == 0) break;
          ++e;
        }
        if (e > a && e <= c.last + 1 && (e > c.last || !doc.IsPunct(e, ",") || true)) {
          assignee = std::string(doc.Text(a, e - 1));
          has_own_actor = true;
        }
        if (e > c.last && doc.IsPunct(c.last + 1, ":")) {
          list_actor = assignee;  // "đề nghị xã Phố Cáo:" heads a list
          continue;
        }
      } else if (size_t v = VerbAt(doc, b, true); v > 0) {
        // 3. A verb: "Tăng cường hướng dẫn …", "Đối với …, chủ động …".
        instruction = true;
      } else if (size_t a = ActorEnd(doc, b, c.last); a > b) {
        // 2. An actor with a modal or a verb: "phường Bà Rịa cần …", "Sở NNPTNT khẩn trương …".
        if (doc.MatchAny(a, L().modals.phrases()) > 0 || VerbAt(doc, a, false) > 0) {
          instruction = true;
          assignee = std::string(doc.Text(b, a - 1));
          has_own_actor = true;
        }
      } else if (static const Lexicon& deadline_cues = GetLexicon("deadline_cues");
                 doc.MatchAny(b, deadline_cues.phrases()) > 0) {
        // "đến cuối năm 2018 phải giải quyết xong …": a time limit, then the task.
        for (size_t k = b + 1; k <= c.last && k < b + 8; ++k) {
          if (doc.MatchAny(k, L().modals.phrases()) > 0 || VerbAt(doc, k, false) > 0) {
            instruction = true;
            break;
          }
        }
      } else {
        // "Đối với các khu vực nguy cơ sạt lở cao, chủ động di dời …": an adjunct, then the verb.
        static const Phrase kDoiVoi("đối với");
        if (doc.Matches(b, kDoiVoi)) {
          size_t k = b;
          while (k <= c.last && !doc.IsPunct(k, ",")) ++k;
          if (k < c.last && VerbAt(doc, k + 1, true) > 0) instruction = true;
        }
      }
      if (!instruction) continue;
      // The excerpt stops inside this clause: keep its complete main part, up
      // to a purpose ("để …") or a next item (", xây dựng h") that is cut.
      if (cut_off && c.last + 1 >= doc.size()) {
        static const Phrase kPurpose("để");
        size_t cut = text_first;
        for (size_t k = c.last; k > text_first + 3 && cut == text_first; --k) {
          if (doc.KeyIs(k, kPurpose) || (doc.IsPunct(k, ",") && VerbAt(doc, k + 1, false) > 0)) cut = k;
        }
        if (cut == text_first) continue;
        text_last = cut - 1;
      }
      if (text_last < text_first + 2) continue;  // "Thực hiện: Hoài Duy" (a byline)
      // A short line without a full stop is site furniture ("Thống kê truy cập").
      bool whole_line = doc.at(text_first).newline_before &&
                        (text_last + 1 >= doc.size() || doc.at(text_last + 1).newline_before);
      if (whole_line && text_last - text_first < 6) continue;
      if (has_own_actor) {
        (r != std::string::npos ? actor : segment_actor) = assignee;
        if (r != std::string::npos) segment_actor.clear();
      } else {
        assignee = !list_actor.empty() ? list_actor : !segment_actor.empty() ? segment_actor : actor;
      }
      DirectiveFact d;
      d.text = std::string(doc.Text(text_first, text_last));
      d.span = doc.InputSpan(text_first, text_last);
      d.assignee = assignee;
      d.deadline = FindDeadline(doc, text_first, text_last);
      facts->directives.push_back(std::move(d));
      any_in_sentence = true;
    }
    (void)any_in_sentence;
  }
}

}  // namespace kiemdem::extract::internal
