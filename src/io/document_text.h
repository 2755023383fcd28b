// Reports as people send them, turned into the plain UTF-8 text the extractor
// reads: a .docx (the paragraphs of word/document.xml in order, each table
// cell's paragraphs as lines, line breaks and tabs kept), a .pdf (its text
// layer, page after page, through poppler) or text. The kind is found from the
// bytes, not the name; a name that says .docx or .pdf over other bytes is an
// error. Every refusal names the file and the reason in Vietnamese and
// English.
//
//   Result<std::string> text = io::DocumentText(bytes, "bao-cao.docx");
#ifndef KIEMDEM_IO_DOCUMENT_TEXT_H_
#define KIEMDEM_IO_DOCUMENT_TEXT_H_

#include <string>
#include <string_view>

#include "core/status.h"

namespace kiemdem::io {

enum class DocumentKind { kText, kDocx, kPdf, kEncryptedOffice };

// What the bytes are: a zip (PK\3\4) is taken for a .docx, "%PDF-" in the
// first KiB for a PDF, an OLE compound file (D0 CF 11 E0) for a
// password-protected Office file (or an old .doc); anything else is text.
DocumentKind SniffDocument(std::string_view bytes);

struct DocumentLimits {
  size_t max_file_bytes = size_t{32} << 20;  // the file as uploaded
  size_t max_xml_bytes = size_t{64} << 20;   // .docx: word/document.xml uncompressed, as read
  size_t max_text_bytes = size_t{16} << 20;  // the text that comes out (the extractor's input cap)
  int max_pdf_pages = 2000;
};

// The text of a document held in memory. Outcomes, each naming `file_name`:
// kInvalidArgument for bytes that are not what the name says (not a zip, not
// a PDF), a zip without word/document.xml, a password-protected .docx or a
// locked PDF, a PDF with no text layer (a scan), damaged XML or text that is
// not UTF-8 (with the byte offset); kResourceExhausted past `limits` (a zip
// bomb stops at max_xml_bytes). Thread-safe.
Result<std::string> DocumentText(std::string_view bytes, const std::string& file_name,
                                 const DocumentLimits& limits = {});

}  // namespace kiemdem::io

#endif  // KIEMDEM_IO_DOCUMENT_TEXT_H_
