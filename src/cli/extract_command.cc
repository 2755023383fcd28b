// `kiemdem extract FILE|-` and `kiemdem extract --jsonl`: facts from report
// text, a .docx or a PDF as the SPEC's JSON. JSONL input is streamed line by line with a
// bounded buffer, so a corpus of any size (or a 100 MB line) runs in
// bounded memory.
#include <malloc.h>
#include <simdjson.h>

#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>

#include "cli/commands.h"
#include "cli/workspace.h"
#include "extract/extract.h"
#include "io/document_text.h"

namespace kiemdem::cli {
namespace {

constexpr size_t kMaxLine = 17u << 20;  // a document of 16 MiB plus its JSON escaping

std::string ErrorJson(std::string_view id_json, const std::string& message) {
  std::string out = "{\"id\": ";
  out += id_json.empty() ? "null" : std::string(id_json);
  out += ", \"error\": {\"message\": \"";
  for (char c : message) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) >= 0x20) out += c;
  }
  return out + "\"}}";
}

// Handles one JSONL line, appending its output line (without the newline) to
// *out; returns false if it was an error line. A line's
// own "date" (YYYY, YYYY-MM or YYYY-MM-DD) is its reference date, else
// `options`' one.
bool ProcessLine(simdjson::ondemand::parser& parser, std::string& line,
                 const extract::ExtractOptions& options, std::string* out) {
  // simdjson reads the line in place, past its end into the string's spare capacity.
  line.reserve(line.size() + simdjson::SIMDJSON_PADDING);
  simdjson::padded_string_view padded(line.data(), line.size(), line.capacity());
  simdjson::ondemand::document doc;
  std::string_view id_json;
  std::string_view text;
  if (parser.iterate(padded).get(doc) != simdjson::SUCCESS) {
    *out += ErrorJson("", "the line is not JSON");
    return false;
  }
  simdjson::ondemand::object obj;
  if (doc.get_object().get(obj) != simdjson::SUCCESS) {
    *out += ErrorJson("", "the line is not a JSON object");
    return false;
  }
  simdjson::ondemand::value id;
  if (obj.find_field_unordered("id").get(id) == simdjson::SUCCESS) id_json = id.raw_json_token();
  std::string id_copy(id_json);
  while (!id_copy.empty() && (id_copy.back() == ' ' || id_copy.back() == ',')) id_copy.pop_back();
  if (obj.find_field_unordered("text").get_string().get(text) != simdjson::SUCCESS) {
    *out += ErrorJson(id_copy, "the object has no string field \"text\"");
    return false;
  }
  extract::ExtractOptions line_options = options;
  std::string_view date;
  if (obj.find_field_unordered("date").get_string().get(date) == simdjson::SUCCESS) {
    Result<extract::ReferenceDate> d = extract::ParseReferenceDate(date);
    if (!d.ok()) {
      *out += ErrorJson(id_copy, d.status().message());
      return false;
    }
    line_options.reference_date = *d;
  }
  Result<extract::Facts> facts = extract::Extract(text, line_options);
  if (!facts.ok()) {
    *out += ErrorJson(id_copy, facts.status().message());
    return false;
  }
  *out += "{\"id\": ";
  *out += id_copy.empty() ? "null" : id_copy;
  *out += ", ";
  extract::AppendFactsMember(*facts, /*one_line=*/true, out);
  *out += "}";
  return true;
}

int RunJsonl(const extract::ExtractOptions& options) {
  // Each document allocates and frees buffers of a few hundred KB; keep them
  // on the heap instead of mapping and unmapping pages for every line.
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  simdjson::ondemand::parser parser;
  std::string line;
  bool all_ok = true;
  bool overflow = false;
  std::vector<char> buf(1 << 20);
  // Output lines are gathered and written 64 KiB at a time.
  std::string pending;
  auto flush = [&]() {
    std::fwrite(pending.data(), 1, pending.size(), stdout);
    pending.clear();
  };
  auto finish_line = [&]() {
    if (overflow) {
      pending += ErrorJson("", "the line is longer than " + std::to_string(kMaxLine) + " bytes");
      pending += '\n';
      all_ok = false;
    } else if (!line.empty()) {
      all_ok = ProcessLine(parser, line, options, &pending) && all_ok;
      pending += '\n';
    }
    if (pending.size() >= (64u << 10)) flush();
    line.clear();
    overflow = false;
  };
  size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), stdin)) > 0) {
    size_t start = 0;
    while (const void* nl = std::memchr(buf.data() + start, '\n', n - start)) {
      size_t i = static_cast<size_t>(static_cast<const char*>(nl) - buf.data());
      if (!overflow) line.append(buf.data() + start, i - start);
      if (line.size() > kMaxLine) overflow = true;
      finish_line();
      start = i + 1;
    }
    if (!overflow) {
      line.append(buf.data() + start, n - start);
      if (line.size() > kMaxLine) {
        overflow = true;
        line.clear();
        line.shrink_to_fit();
      }
    }
  }
  finish_line();
  flush();
  std::fflush(stdout);
  return all_ok ? 0 : 1;
}

}  // namespace

int RunExtract(const GlobalOptions& g, const std::vector<std::string>& all_args) {
  const char* usage =
      "kiemdem extract [--date YYYY-MM-DD] FILE|-   (text, .docx or .pdf)   or   kiemdem extract [--date "
      "YYYY-MM-DD] --jsonl < "
      "corpus.jsonl\n"
      "  --date: the text's reference date (YYYY, YYYY-MM or YYYY-MM-DD), for dates written without a year";
  extract::ExtractOptions options;
  std::vector<std::string> args;
  for (size_t i = 0; i < all_args.size(); ++i) {
    if (all_args[i] != "--date") {
      args.push_back(all_args[i]);
      continue;
    }
    if (i + 1 == all_args.size()) {
      std::cerr << "usage: " << usage << "\n";
      return 2;
    }
    Result<extract::ReferenceDate> d = extract::ParseReferenceDate(all_args[++i]);
    if (!d.ok()) {
      std::cerr << "kiemdem: --date: " << d.status().message_in(g.lang) << "\n";
      return 2;
    }
    options.reference_date = *d;
  }
  if (args.size() == 1 && args[0] == "--jsonl") return RunJsonl(options);
  if (args.size() != 1 || (args[0].rfind("--", 0) == 0 && args[0] != "-")) {
    if (args.size() == 1 && args[0] == "--help") {
      std::cout << "usage: " << usage << "\n";
      return 0;
    }
    std::cerr << "usage: " << usage << "\n";
    return 2;
  }
  std::string text;
  if (args[0] == "-") {
    std::vector<char> buf(1 << 20);
    size_t n = 0;
    while ((n = std::fread(buf.data(), 1, buf.size(), stdin)) > 0) {
      text.append(buf.data(), n);
      if (text.size() > extract::ExtractOptions().max_input_bytes) break;
    }
  } else {
    Result<std::string> r = ReadFile(args[0]);
    if (!r.ok()) {
      std::cerr << "kiemdem: " << r.status().message_in(g.lang) << "\n";
      return 1;
    }
    text = std::move(r).value();
  }
  // A .docx or a PDF (found from its bytes) becomes its text; text is checked as UTF-8.
  Result<std::string> document = io::DocumentText(text, args[0] == "-" ? "stdin" : args[0]);
  if (!document.ok()) {
    std::cerr << "kiemdem: " << document.status().message_in(g.lang) << "\n";
    return 1;
  }
  text = std::move(document).value();
  Result<extract::Facts> facts = extract::Extract(text, options);
  if (!facts.ok()) {
    std::cerr << "kiemdem: " << args[0] << ": " << facts.status().message_in(g.lang) << "\n";
    return 1;
  }
  std::cout << extract::FactsToJson(*facts) << "\n";
  return 0;
}

}  // namespace kiemdem::cli
