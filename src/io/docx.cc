#include "io/docx.h"

#include <zip.h>

#include <cmath>
#include <cstdio>
#include <memory>
#include <pugixml.hpp>
#include <utility>

#include "core/text.h"

namespace kiemdem::io {
namespace {

constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

// Twentieths of a point, the unit of page and table sizes.
int Twips(int mm) { return static_cast<int>(std::lround(mm * 1440.0 / 25.4)); }
// Half points, the unit of font sizes.
std::string HalfPoints(int pt) { return std::to_string(pt * 2); }

void Val(pugi::xml_node node, const char* name, const std::string& value) {
  node.append_child(name).append_attribute("w:val") = value.c_str();
}

std::string Serialise(const pugi::xml_document& xml) {
  struct Sink final : pugi::xml_writer {
    std::string out;
    void write(const void* data, size_t size) override { out.append(static_cast<const char*>(data), size); }
  } sink;
  xml.save(sink, "", pugi::format_raw, pugi::encoding_utf8);
  return sink.out;
}

pugi::xml_node Root(pugi::xml_document& xml, const char* name, const char* ns_attr, const char* ns) {
  pugi::xml_node decl = xml.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  decl.append_attribute("standalone") = "yes";
  pugi::xml_node root = xml.append_child(name);
  root.append_attribute(ns_attr) = ns;
  return root;
}

class BodyWriter {
 public:
  Status Paragraph(pugi::xml_node parent, const DocxParagraph& p, const std::string& where) {
    pugi::xml_node para = parent.append_child("w:p");
    pugi::xml_node ppr = para.append_child("w:pPr");
    if (p.keep_with_next) ppr.append_child("w:keepNext");
    pugi::xml_node spacing = ppr.append_child("w:spacing");
    spacing.append_attribute("w:before") = "0";
    spacing.append_attribute("w:after") = std::to_string(p.space_after_pt * 20).c_str();
    if (p.first_line_mm > 0) {
      ppr.append_child("w:ind").append_attribute("w:firstLine") =
          std::to_string(Twips(p.first_line_mm)).c_str();
    }
    const char* jc = p.align == DocxAlign::kCenter  ? "center"
                     : p.align == DocxAlign::kRight ? "right"
                     : p.align == DocxAlign::kLeft  ? "left"
                                                    : "both";
    Val(ppr, "w:jc", jc);
    for (const DocxRun& run : p.runs) {
      if (Status s = ValidateUtf8(run.text); !s.ok()) {
        return InvalidArgument(where + ": " + s.message(), where + ": " + s.message_vi());
      }
      pugi::xml_node r = para.append_child("w:r");
      pugi::xml_node rpr = r.append_child("w:rPr");
      if (run.bold) rpr.append_child("w:b");
      if (run.italic) rpr.append_child("w:i");
      if (run.underline) Val(rpr, "w:u", "single");
      if (run.size_pt > 0) {
        Val(rpr, "w:sz", HalfPoints(run.size_pt));
        Val(rpr, "w:szCs", HalfPoints(run.size_pt));
      }
      Text(r, run.text);
    }
    return Status::Ok();
  }

  Status Table(pugi::xml_node body, const DocxTable& t, const std::string& where) {
    pugi::xml_node tbl = body.append_child("w:tbl");
    pugi::xml_node tpr = tbl.append_child("w:tblPr");
    int total = 0;
    for (int w : t.widths_mm) total += Twips(w);
    pugi::xml_node width = tpr.append_child("w:tblW");
    width.append_attribute("w:w") = std::to_string(total).c_str();
    width.append_attribute("w:type") = "dxa";
    Val(tpr, "w:jc", "center");
    pugi::xml_node borders = tpr.append_child("w:tblBorders");
    for (const char* side : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"}) {
      pugi::xml_node b = borders.append_child(side);
      b.append_attribute("w:val") = t.borders ? "single" : "nil";
      if (t.borders) {
        b.append_attribute("w:sz") = "4";
        b.append_attribute("w:space") = "0";
        b.append_attribute("w:color") = "000000";
      }
    }
    tpr.append_child("w:tblLayout").append_attribute("w:type") = "fixed";
    pugi::xml_node grid = tbl.append_child("w:tblGrid");
    for (int w : t.widths_mm)
      grid.append_child("w:gridCol").append_attribute("w:w") = std::to_string(Twips(w)).c_str();
    for (size_t r = 0; r < t.rows.size(); ++r) {
      const std::vector<DocxCell>& row = t.rows[r];
      std::string at = where + ", row " + std::to_string(r + 1);
      if (row.size() != t.widths_mm.size()) {
        return InvalidArgument(at + " has " + std::to_string(row.size()) + " cells for " +
                                   std::to_string(t.widths_mm.size()) + " columns",
                               at + " có " + std::to_string(row.size()) + " ô cho " +
                                   std::to_string(t.widths_mm.size()) + " cột");
      }
      pugi::xml_node tr = tbl.append_child("w:tr");
      pugi::xml_node trpr = tr.append_child("w:trPr");
      trpr.append_child("w:cantSplit");
      if (r == 0 && t.header_row) trpr.append_child("w:tblHeader");
      for (size_t c = 0; c < row.size(); ++c) {
        pugi::xml_node tc = tr.append_child("w:tc");
        pugi::xml_node tcw = tc.append_child("w:tcPr").append_child("w:tcW");
        tcw.append_attribute("w:w") = std::to_string(Twips(t.widths_mm[c])).c_str();
        tcw.append_attribute("w:type") = "dxa";
        if (row[c].paragraphs.empty()) tc.append_child("w:p");  // a cell ends with a paragraph
        for (const DocxParagraph& p : row[c].paragraphs) {
          RETURN_IF_ERROR(Paragraph(tc, p, at));
        }
      }
    }
    return Status::Ok();
  }

 private:
  // Text with "\n" as line breaks and "\t" as tabs; other control characters
  // (which XML 1.0 cannot hold) become spaces.
  static void Text(pugi::xml_node run, const std::string& text) {
    std::string piece;
    auto flush = [&] {
      if (piece.empty()) return;
      pugi::xml_node t = run.append_child("w:t");
      t.append_attribute("xml:space") = "preserve";
      t.text() = piece.c_str();
      piece.clear();
    };
    for (char c : text) {
      if (c == '\n') {
        flush();
        run.append_child("w:br");
      } else if (c == '\t') {
        flush();
        run.append_child("w:tab");
      } else {
        piece += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
      }
    }
    flush();
  }
};

Result<std::string> DocumentXml(const DocxDocument& doc) {
  pugi::xml_document xml;
  pugi::xml_node root = Root(xml, "w:document", "xmlns:w", kW);
  pugi::xml_node body = root.append_child("w:body");
  BodyWriter writer;
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    std::string where = "block " + std::to_string(i + 1);
    if (const auto* p = std::get_if<DocxParagraph>(&doc.blocks[i])) {
      RETURN_IF_ERROR(writer.Paragraph(body, *p, where));
    } else {
      RETURN_IF_ERROR(writer.Table(body, std::get<DocxTable>(doc.blocks[i]), "table at " + where));
    }
  }
  // Word wants a paragraph between a table and the section's end.
  if (doc.blocks.empty() || std::holds_alternative<DocxTable>(doc.blocks.back())) body.append_child("w:p");
  pugi::xml_node sect = body.append_child("w:sectPr");
  pugi::xml_node size = sect.append_child("w:pgSz");
  size.append_attribute("w:w") = "11906";  // A4: 210 × 297 mm
  size.append_attribute("w:h") = "16838";
  pugi::xml_node margins = sect.append_child("w:pgMar");
  margins.append_attribute("w:top") = std::to_string(Twips(doc.top_mm)).c_str();
  margins.append_attribute("w:right") = std::to_string(Twips(doc.right_mm)).c_str();
  margins.append_attribute("w:bottom") = std::to_string(Twips(doc.bottom_mm)).c_str();
  margins.append_attribute("w:left") = std::to_string(Twips(doc.left_mm)).c_str();
  margins.append_attribute("w:header") = "709";
  margins.append_attribute("w:footer") = "709";
  margins.append_attribute("w:gutter") = "0";
  return Serialise(xml);
}

std::string StylesXml(const DocxDocument& doc) {
  pugi::xml_document xml;
  pugi::xml_node root = Root(xml, "w:styles", "xmlns:w", kW);
  pugi::xml_node rpr = root.append_child("w:docDefaults").append_child("w:rPrDefault").append_child("w:rPr");
  pugi::xml_node fonts = rpr.append_child("w:rFonts");
  for (const char* a : {"w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"})
    fonts.append_attribute(a) = doc.font.c_str();
  Val(rpr, "w:sz", HalfPoints(doc.font_size_pt));
  Val(rpr, "w:szCs", HalfPoints(doc.font_size_pt));
  Val(rpr, "w:lang", "vi-VN");
  pugi::xml_node normal = root.append_child("w:style");
  normal.append_attribute("w:type") = "paragraph";
  normal.append_attribute("w:default") = "1";
  normal.append_attribute("w:styleId") = "Normal";
  Val(normal, "w:name", "Normal");
  return Serialise(xml);
}

std::string CoreXml(const DocxDocument& doc) {
  pugi::xml_document xml;
  pugi::xml_node root = Root(xml, "cp:coreProperties", "xmlns:cp",
                             "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
  root.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
  root.append_child("dc:title").text() = doc.title.c_str();
  root.append_child("dc:creator").text() = "kiemdem";
  return Serialise(xml);
}

std::string ContentTypesXml() {
  pugi::xml_document xml;
  pugi::xml_node root =
      Root(xml, "Types", "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
  auto add_default = [&](const char* ext, const char* type) {
    pugi::xml_node d = root.append_child("Default");
    d.append_attribute("Extension") = ext;
    d.append_attribute("ContentType") = type;
  };
  add_default("rels", "application/vnd.openxmlformats-package.relationships+xml");
  add_default("xml", "application/xml");
  auto add_override = [&](const char* part, const char* type) {
    pugi::xml_node o = root.append_child("Override");
    o.append_attribute("PartName") = part;
    o.append_attribute("ContentType") = type;
  };
  add_override("/word/document.xml",
               "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");
  add_override("/word/styles.xml",
               "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml");
  add_override("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
  return Serialise(xml);
}

std::string RelsXml(const std::vector<std::pair<const char*, const char*>>& targets) {
  pugi::xml_document xml;
  pugi::xml_node root =
      Root(xml, "Relationships", "xmlns", "http://schemas.openxmlformats.org/package/2006/relationships");
  int id = 0;
  for (const auto& [type, target] : targets) {
    pugi::xml_node r = root.append_child("Relationship");
    r.append_attribute("Id") = ("rId" + std::to_string(++id)).c_str();
    r.append_attribute("Type") = type;
    r.append_attribute("Target") = target;
  }
  return Serialise(xml);
}

Status ZipFailed(const std::string& why) {
  return Internal("cannot build the .docx: " + why, "không tạo được tệp .docx: " + why);
}

// The members zipped in memory.
Result<std::string> Zip(const std::vector<std::pair<std::string, std::string>>& members) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (buffer == nullptr) return ZipFailed(zip_error_strerror(&error));
  zip_source_keep(buffer);
  std::unique_ptr<zip_source_t, decltype(&zip_source_free)> hold(buffer, zip_source_free);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (archive == nullptr) return ZipFailed(zip_error_strerror(&error));
  for (const auto& [name, bytes] : members) {
    zip_source_t* s = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
    if (s == nullptr || zip_file_add(archive, name.c_str(), s, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8) < 0) {
      std::string why = zip_strerror(archive);
      if (s != nullptr) zip_source_free(s);
      zip_discard(archive);
      return ZipFailed(why);
    }
  }
  if (zip_close(archive) != 0) {
    std::string why = zip_strerror(archive);
    zip_discard(archive);
    return ZipFailed(why);
  }
  if (zip_source_open(buffer) != 0) return ZipFailed("the archive cannot be read back");
  std::string out;
  char chunk[65536];
  zip_int64_t n = 0;
  while ((n = zip_source_read(buffer, chunk, sizeof chunk)) > 0) out.append(chunk, static_cast<size_t>(n));
  zip_source_close(buffer);
  if (n < 0) return ZipFailed("the archive cannot be read back");
  return out;
}

}  // namespace

DocxParagraph Para(std::string text, DocxAlign align, bool bold, bool italic) {
  DocxParagraph p;
  p.align = align;
  p.runs.push_back({std::move(text), bold, italic, false, 0});
  return p;
}

Result<std::string> DocxBytes(const DocxDocument& doc) {
  ASSIGN_OR_RETURN(std::string document, DocumentXml(doc));
  constexpr const char* kRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  std::string office = std::string(kRel) + "officeDocument";
  std::string styles = std::string(kRel) + "styles";
  const char* core = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
  return Zip({{"[Content_Types].xml", ContentTypesXml()},
              {"_rels/.rels", RelsXml({{office.c_str(), "word/document.xml"}, {core, "docProps/core.xml"}})},
              {"docProps/core.xml", CoreXml(doc)},
              {"word/document.xml", std::move(document)},
              {"word/_rels/document.xml.rels", RelsXml({{styles.c_str(), "styles.xml"}})},
              {"word/styles.xml", StylesXml(doc)}});
}

Status WriteDocx(const DocxDocument& doc, const std::string& path) {
  ASSIGN_OR_RETURN(std::string bytes, DocxBytes(doc));
  std::unique_ptr<std::FILE, decltype(&std::fclose)> f(std::fopen(path.c_str(), "wb"), std::fclose);
  if (!f || std::fwrite(bytes.data(), 1, bytes.size(), f.get()) != bytes.size()) {
    return Internal("cannot write " + path, "không ghi được " + path);
  }
  return Status::Ok();
}

}  // namespace kiemdem::io
