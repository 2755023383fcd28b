// The demo data of `kiemdem serve --demo`: the units and the catalogue, the five
// articles of data/demo/articles/ stored as documents and read by the
// extractor, their working sessions and directives as confirmed by a person,
// the figures they report linked to the spans the extractor read them from,
// and the generated history.
#ifndef KIEMDEM_CLI_DEMO_LOADER_H_
#define KIEMDEM_CLI_DEMO_LOADER_H_

#include <string>

#include "core/status.h"
#include "store/store.h"

namespace kiemdem::cli {

struct DemoSummary {
  size_t documents = 0;
  size_t meetings = 0;
  size_t directives = 0;
  size_t directives_found_by_extractor = 0;  // of those confirmed
  size_t results = 0;
  size_t results_from_documents = 0;  // linked to a span the extractor found
};

// Loads everything into `s` when it holds no indicator yet; otherwise does
// nothing (and returns an empty summary): a database in use is left alone.
Result<DemoSummary> LoadDemo(const std::string& data_dir, store::Store& s);

}  // namespace kiemdem::cli

#endif  // KIEMDEM_CLI_DEMO_LOADER_H_
