#include "io/document_text.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <pugixml.hpp>
#include <vector>

#include "core/text.h"
#include "io/internal/zip_member.h"

namespace kiemdem::io {
namespace {

bool HasExtension(const std::string& name, std::string_view ext) {
  if (name.size() < ext.size()) return false;
  for (size_t i = 0; i < ext.size(); ++i) {
    char c = name[name.size() - ext.size() + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != ext[i]) return false;
  }
  return true;
}

Status Unreadable(const std::string& file, const std::string& why_en, const std::string& why_vi) {
  return InvalidArgument(file + " cannot be read: " + why_en, "không đọc được tệp " + file + ": " + why_vi);
}

Status TooLarge(const std::string& file, const std::string& what_en, const std::string& what_vi) {
  return ResourceExhausted(file + " is too large to read: " + what_en,
                           "tệp " + file + " quá lớn để đọc: " + what_vi);
}

// The local name of an element: "w:p" -> "p" (documents may use any prefix).
std::string_view Local(const pugi::xml_node& node) {
  std::string_view name = node.name();
  size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// The text of WordprocessingML, block by block: a paragraph is a line, a
// table row's cells are lines one after the other; runs give their text
// (w:t), tabs and breaks. Deleted text and field codes are not the document's text.
class DocxText {
 public:
  DocxText(size_t budget, const std::string& file) : budget_(budget), file_(file) {}

  Status Blocks(const pugi::xml_node& parent) {
    for (pugi::xml_node n = parent.first_child(); n; n = n.next_sibling()) {
      if (n.type() != pugi::node_element) continue;
      std::string_view name = Local(n);
      if (name == "p") {
        RETURN_IF_ERROR(Inline(n));
        RETURN_IF_ERROR(Add("\n"));
      } else if (name == "tbl" || name == "tr" || name == "tc" || name == "sdt" || name == "sdtContent" ||
                 name == "customXml" || name == "body") {
        RETURN_IF_ERROR(Blocks(n));
      }
    }
    return Status::Ok();
  }

  std::string text;

 private:
  // The inline content of a paragraph, in document order.
  Status Inline(const pugi::xml_node& parent) {
    for (pugi::xml_node n = parent.first_child(); n; n = n.next_sibling()) {
      if (n.type() != pugi::node_element) continue;
      std::string_view name = Local(n);
      if (name == "t") {
        RETURN_IF_ERROR(Add(n.text().get()));
      } else if (name == "tab" || name == "ptab") {
        RETURN_IF_ERROR(Add("\t"));
      } else if (name == "br" || name == "cr") {
        RETURN_IF_ERROR(Add("\n"));
      } else if (name == "noBreakHyphen") {
        RETURN_IF_ERROR(Add("-"));
      } else if (name == "txbxContent") {
        RETURN_IF_ERROR(Add("\n"));
        RETURN_IF_ERROR(Blocks(n));
      } else if (name != "delText" && name != "instrText" && name != "pPr" && name != "rPr" &&
                 name != "del" && name != "moveFrom") {
        RETURN_IF_ERROR(Inline(n));  // runs, hyperlinks, inserted text, smart tags, drawings
      }
    }
    return Status::Ok();
  }

  Status Add(std::string_view piece) {
    if (text.size() + piece.size() > budget_) {
      return TooLarge(file_, "its text is more than " + internal::Mebibytes(budget_),
                      "văn bản dài hơn " + internal::Mebibytes(budget_));
    }
    text.append(piece);
    return Status::Ok();
  }

  size_t budget_;
  const std::string& file_;
};

Result<std::string> DocxDocumentText(std::string_view bytes, const std::string& file,
                                     const DocumentLimits& limits) {
  internal::ZipErrors errors{
      [&file](const std::string& why) {
        return Unreadable(file, "it is not a complete .docx (zip) file (" + why + ")",
                          "không phải là tệp .docx (zip) hoàn chỉnh (" + why + ")");
      },
      [&file](const std::string& part, size_t budget) {
        return TooLarge(file,
                        part + " unpacks to more than " + internal::Mebibytes(budget) + " (a zip bomb?)",
                        part + " giải nén ra hơn " + internal::Mebibytes(budget) + " (bom zip?)");
      }};
  ASSIGN_OR_RETURN(internal::ZipArchive archive, internal::OpenZip(bytes, errors));
  Result<std::string> xml =
      internal::ReadMember(archive.get(), "word/document.xml", limits.max_xml_bytes, errors);
  if (xml.status().code() == StatusCode::kNotFound) {
    return Unreadable(file, "it is a zip but not a Word document (no word/document.xml)",
                      "tệp là zip nhưng không phải văn bản Word (không có word/document.xml)");
  }
  RETURN_IF_ERROR(xml.status());
  pugi::xml_document doc;
  // The five XML entities and character references only (a DOCTYPE's own
  // entities are never expanded); a run of spaces is text ("<w:t> </w:t>").
  pugi::xml_parse_result parsed =
      doc.load_buffer_inplace(xml->data(), xml->size(), pugi::parse_default | pugi::parse_ws_pcdata);
  if (!parsed) {
    std::string at = std::to_string(parsed.offset);
    return Unreadable(file, "word/document.xml is damaged at byte " + at + " (" + parsed.description() + ")",
                      "word/document.xml bị hỏng ở byte " + at);
  }
  pugi::xml_node body;
  for (pugi::xml_node n = doc.document_element().first_child(); n; n = n.next_sibling()) {
    if (Local(n) == "body") body = n;
  }
  DocxText out(limits.max_text_bytes, file);
  if (body) RETURN_IF_ERROR(out.Blocks(body));
  return std::move(out.text);
}

// Size of UTF-8 text in characters.
size_t Characters(std::string_view text) {
  size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

// A page's text with its paragraphs put back together: a PDF breaks every
// visual line, and the extractor reads a line break as the end of a clause. A
// line about as long as the page's full lines and not ending a sentence goes
// on in the next one; a short line, or one ending in . : ; ! ?, ends its
// paragraph.
std::string Reflow(std::string_view page) {
  std::vector<std::string_view> lines;
  std::vector<size_t> lengths;
  for (size_t start = 0; start <= page.size();) {
    size_t end = page.find('\n', start);
    if (end == std::string_view::npos) end = page.size();
    std::string_view line = page.substr(start, end - start);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\f'))
      line.remove_suffix(1);
    lines.push_back(line);
    if (!line.empty()) lengths.push_back(Characters(line));
    start = end + 1;
  }
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  // The width of a full line: the longest of the shortest three quarters, so
  // that an odd line (a URL, a heading set wide) does not set it.
  size_t longest = 0;
  if (!lengths.empty()) {
    auto at = lengths.begin() + static_cast<std::ptrdiff_t>(lengths.size() * 3 / 4);
    std::nth_element(lengths.begin(), at, lengths.end());
    longest = *at;
  }
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    out.append(line);
    if (i + 1 == lines.size()) break;
    bool full = Characters(line) * 5 >= longest * 4;
    bool ends_sentence =
        !line.empty() && std::string_view(".:;!?").find(line.back()) != std::string_view::npos;
    out += full && !ends_sentence && !lines[i + 1].empty() ? ' ' : '\n';
  }
  return out;
}

void IgnorePopplerMessage(const std::string& /*message*/, void* /*closure*/) {}

Result<std::string> PdfDocumentText(std::string_view bytes, const std::string& file,
                                    const DocumentLimits& limits) {
  static std::once_flag quiet;
  std::call_once(quiet, [] { poppler::set_debug_error_function(IgnorePopplerMessage, nullptr); });
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) {
    return Unreadable(file, "it is not a complete PDF file", "không phải là tệp PDF hoàn chỉnh");
  }
  if (doc->is_locked()) {
    return Unreadable(file, "the PDF is encrypted with a password; save it again without one",
                      "tệp PDF được mã hoá bằng mật khẩu; hãy lưu lại không có mật khẩu");
  }
  int pages = doc->pages();
  if (pages > limits.max_pdf_pages) {
    return TooLarge(file, "it has more than " + std::to_string(limits.max_pdf_pages) + " pages",
                    "tệp có hơn " + std::to_string(limits.max_pdf_pages) + " trang");
  }
  std::string text;
  bool any_letter = false;
  for (int i = 0; i < pages; ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) continue;
    poppler::byte_array utf8 =
        page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout).to_utf8();
    std::string reflowed = Reflow(std::string_view(utf8.data(), utf8.size()));
    if (reflowed.empty()) continue;
    if (!text.empty()) text += "\n\n";
    for (char c : reflowed) any_letter = any_letter || static_cast<unsigned char>(c) > ' ';
    text += reflowed;
    if (text.size() > limits.max_text_bytes) {
      return TooLarge(file, "its text is more than " + internal::Mebibytes(limits.max_text_bytes),
                      "văn bản dài hơn " + internal::Mebibytes(limits.max_text_bytes));
    }
  }
  if (!any_letter) {
    return Unreadable(file, "the PDF has no text layer (a scan?); run OCR on it or send the .docx",
                      "tệp PDF không có lớp chữ (bản quét?); hãy nhận dạng chữ (OCR) hoặc gửi tệp .docx");
  }
  return text;
}

}  // namespace

DocumentKind SniffDocument(std::string_view bytes) {
  if (bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4)) return DocumentKind::kDocx;
  if (bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) {
    return DocumentKind::kEncryptedOffice;
  }
  if (bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos) return DocumentKind::kPdf;
  return DocumentKind::kText;
}

Result<std::string> DocumentText(std::string_view bytes, const std::string& file_name,
                                 const DocumentLimits& limits) {
  if (bytes.size() > limits.max_file_bytes) {
    return TooLarge(file_name, "it is more than " + internal::Mebibytes(limits.max_file_bytes),
                    "tệp lớn hơn " + internal::Mebibytes(limits.max_file_bytes));
  }
  DocumentKind kind = SniffDocument(bytes);
  if (kind == DocumentKind::kEncryptedOffice) {
    return Unreadable(
        file_name,
        "it is protected with a password (or is an old .doc); open it in Word, remove the password "
        "and save it as .docx",
        "tệp được bảo vệ bằng mật khẩu (hoặc là tệp .doc cũ); hãy mở bằng Word, bỏ mật khẩu và lưu "
        "thành .docx");
  }
  if (HasExtension(file_name, ".docx") && kind != DocumentKind::kDocx) {
    return Unreadable(file_name, "it is not a .docx file (not a zip)",
                      "không phải là tệp .docx (không phải zip)");
  }
  if (HasExtension(file_name, ".pdf") && kind != DocumentKind::kPdf) {
    return Unreadable(file_name, "it is not a PDF file", "không phải là tệp PDF");
  }
  Result<std::string> text = kind == DocumentKind::kDocx  ? DocxDocumentText(bytes, file_name, limits)
                             : kind == DocumentKind::kPdf ? PdfDocumentText(bytes, file_name, limits)
                                                          : Result<std::string>(std::string(bytes));
  RETURN_IF_ERROR(text.status());
  if (text->size() > limits.max_text_bytes) {
    return TooLarge(file_name, "its text is more than " + internal::Mebibytes(limits.max_text_bytes),
                    "văn bản dài hơn " + internal::Mebibytes(limits.max_text_bytes));
  }
  if (Status utf8 = ValidateUtf8(*text); !utf8.ok()) {
    return Unreadable(file_name, utf8.message(), utf8.message_vi());
  }
  return text;
}

}  // namespace kiemdem::io
