// The structure of a text above its tokens: sentences as token ranges, and
// its parts — the headline, the lead (the paragraph that tells what event
// this is), and where the instructions start (a conclusion, a speech, a
// letter's requests). Sentence ends are decided in BuildDoc (doc.sentence).
#ifndef KIEMDEM_EXTRACT_INTERNAL_CLAUSES_H_
#define KIEMDEM_EXTRACT_INTERNAL_CLAUSES_H_

#include <cstddef>
#include <vector>

#include "extract/internal/doc.h"

namespace kiemdem::extract::internal {

// The sentences of the text, in order (found once, by BuildDoc).
inline const std::vector<TokenRange>& Sentences(const Doc& doc) { return doc.sentence_ranges; }

struct Parts {
  size_t headline_end = 0;  // tokens [0, headline_end) are the headline (0: none)
  size_t lead_end = 0;      // the lead ends here: the first paragraphs after the headline
};

// The headline is a first paragraph that does not end in a full stop and is
// short; the lead is what follows it up to the third paragraph, where a
// report says what event it reports.
Parts FindParts(const Doc& doc);

}  // namespace kiemdem::extract::internal

#endif  // KIEMDEM_EXTRACT_INTERNAL_CLAUSES_H_
