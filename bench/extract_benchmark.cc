// Google Benchmark of the extractor engine alone on one real document
// (shared/extraction/dev/seed-1.txt, 7.8 KB): bytes per second.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

#include "extract/extract.h"

namespace {

std::string Document() {
  std::ifstream in(KIEMDEM_BENCH_DOCUMENT, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void BM_ExtractOneDocument(benchmark::State& state) {
  const std::string text = Document();
  if (text.empty()) {
    state.SkipWithError("document not found");
    return;
  }
  for (auto _ : state) {
    auto facts = kiemdem::extract::Extract(text);
    benchmark::DoNotOptimize(facts);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_ExtractOneDocument);

void BM_ExtractAndWriteJson(benchmark::State& state) {
  const std::string text = Document();
  for (auto _ : state) {
    auto facts = kiemdem::extract::Extract(text);
    std::string json = kiemdem::extract::FactsToJson(*facts, true);
    benchmark::DoNotOptimize(json);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_ExtractAndWriteJson);

}  // namespace

BENCHMARK_MAIN();
