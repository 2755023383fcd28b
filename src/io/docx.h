// A small .docx (WordprocessingML) writer: paragraphs of runs and tables, on
// an A4 page with the margins and the Times New Roman that Decree
// 30/2020/NĐ-CP sets. The XML is built through pugixml, so every text is
// escaped; the package is zipped by libzip.
#ifndef KIEMDEM_IO_DOCX_H_
#define KIEMDEM_IO_DOCX_H_

#include <string>
#include <variant>
#include <vector>

#include "core/status.h"

namespace kiemdem::io {

struct DocxRun {
  std::string text;  // UTF-8; a "\n" is a line break inside the paragraph
  bool bold = false;
  bool italic = false;
  bool underline = false;
  int size_pt = 0;  // 0: the document's size
};

enum class DocxAlign { kLeft, kCenter, kRight, kJustify };

struct DocxParagraph {
  std::vector<DocxRun> runs;
  DocxAlign align = DocxAlign::kJustify;
  int first_line_mm = 0;   // first-line indent
  int space_after_pt = 6;  // space below the paragraph
  bool keep_with_next = false;
};

struct DocxCell {
  std::vector<DocxParagraph> paragraphs;  // at least one is written
};

struct DocxTable {
  std::vector<int> widths_mm;               // one per column
  std::vector<std::vector<DocxCell>> rows;  // each row as many cells as widths
  bool borders = true;                      // false: a layout table (the header block)
  bool header_row = true;                   // rows[0] repeats on each page
};

using DocxBlock = std::variant<DocxParagraph, DocxTable>;

struct DocxDocument {
  std::vector<DocxBlock> blocks;
  int font_size_pt = 14;
  std::string font = "Times New Roman";
  // A4 portrait, margins as Decree 30 Appendix I: top, bottom 20 mm, left 30 mm, right 15 mm.
  int top_mm = 20, bottom_mm = 20, left_mm = 30, right_mm = 15;
  std::string title;  // the document's title in its properties
};

// The document as .docx bytes. Fails (kInvalidArgument) on text that is not
// UTF-8 or a table whose rows do not match its widths, naming the place.
Result<std::string> DocxBytes(const DocxDocument& doc);

// Writes the document at `path`.
Status WriteDocx(const DocxDocument& doc, const std::string& path);

// A one-run paragraph.
DocxParagraph Para(std::string text, DocxAlign align = DocxAlign::kJustify, bool bold = false,
                   bool italic = false);

}  // namespace kiemdem::io

#endif  // KIEMDEM_IO_DOCX_H_
