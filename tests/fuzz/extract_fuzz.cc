// libFuzzer target for the extractor: any bytes give an error or facts whose
// spans lie inside the input, and the JSON is produced without failure.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extract/extract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  kiemdem::Result<kiemdem::extract::Facts> facts = kiemdem::extract::Extract(text);
  if (!facts.ok()) return 0;
  auto inside = [&](kiemdem::extract::Span s) {
    if (s.begin > s.end || s.end > size) __builtin_trap();
  };
  for (const auto& m : facts->measures) inside(m.span);
  for (const auto& d : facts->docrefs) inside(d.span);
  for (const auto& p : facts->persons) inside(p.span);
  for (const auto& d : facts->directives) inside(d.span);
  if (facts->meeting) inside(facts->meeting->span);
  (void)kiemdem::extract::FactsToJson(*facts);
  return 0;
}
