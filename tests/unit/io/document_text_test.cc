#include "io/document_text.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "io/docx.h"
#include "tests/support/xlsx_builder.h"

namespace kiemdem {
namespace {

using io::DocumentText;

std::string FileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

io::DocxParagraph Para(std::string text) {
  io::DocxParagraph p;
  p.runs.push_back({std::move(text)});
  return p;
}

io::DocxCell Cell(std::string text) { return io::DocxCell{{Para(std::move(text))}}; }

// A one-page PDF whose page shows nothing (what a scan is, to a text reader),
// with `trailer_extra` added to its trailer; offsets computed so that poppler
// reads it without repairing.
std::string EmptyPagePdf(const std::string& trailer_extra = "", const std::string& extra_object = "") {
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
      "<< /Length 0 >>\nstream\n\nendstream",
  };
  if (!extra_object.empty()) objects.push_back(extra_object);
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t off : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R " + trailer_extra +
         " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

void ExpectRefused(const Result<std::string>& r, StatusCode code, const std::string& en,
                   const std::string& vi) {
  ASSERT_FALSE(r.ok()) << *r;
  EXPECT_EQ(r.status().code(), code);
  EXPECT_NE(r.status().message().find(en), std::string::npos) << r.status().message();
  EXPECT_NE(r.status().message_vi().find(vi), std::string::npos) << r.status().message_vi();
}

TEST(DocumentText, ADocxGivesItsParagraphsTableCellsAndBreaksInOrder) {
  io::DocxDocument doc;
  doc.blocks.emplace_back(Para("BÁO CÁO"));
  io::DocxParagraph two_lines;
  two_lines.runs = {{"Thu ngân sách đạt "}, {"45 tỷ đồng", true}, {",\nbằng 115% so với cùng kỳ."}};
  doc.blocks.emplace_back(two_lines);
  io::DocxTable table;
  table.widths_mm = {80, 80};
  table.rows = {{Cell("Chỉ tiêu"), Cell("Kết quả")}, {Cell("Hộ nghèo giảm"), Cell("12 hộ")}};
  doc.blocks.emplace_back(table);
  doc.blocks.emplace_back(Para("Nơi nhận: <UBND> & \"Đảng ủy\""));
  io::DocxParagraph spaced;
  spaced.runs = {{"Tân"}, {" "}, {"Đức"}};
  doc.blocks.emplace_back(spaced);
  Result<std::string> bytes = io::DocxBytes(doc);
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  Result<std::string> text = DocumentText(*bytes, "bao-cao.docx");
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_EQ(*text,
            "BÁO CÁO\nThu ngân sách đạt 45 tỷ đồng,\nbằng 115% so với cùng kỳ.\n"
            "Chỉ tiêu\nKết quả\nHộ nghèo giảm\n12 hộ\nNơi nhận: <UBND> & \"Đảng ủy\"\nTân Đức\n");
}

TEST(DocumentText, TheKindComesFromTheBytesNotTheName) {
  io::DocxDocument doc;
  doc.blocks.emplace_back(Para("Kết nạp 35 đảng viên mới."));
  Result<std::string> bytes = io::DocxBytes(doc);
  ASSERT_TRUE(bytes.ok());
  Result<std::string> text = DocumentText(*bytes, "tai-lieu.bin");
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_EQ(*text, "Kết nạp 35 đảng viên mới.\n");
  EXPECT_EQ(io::SniffDocument(*bytes), io::DocumentKind::kDocx);
  EXPECT_EQ(io::SniffDocument("%PDF-1.7\n"), io::DocumentKind::kPdf);
  Result<std::string> plain = DocumentText("Kết nạp 35 đảng viên mới.", "bao-cao.txt");
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(*plain, "Kết nạp 35 đảng viên mới.");
}

TEST(DocumentText, ADocxThatIsNotAZipIsRefused) {
  ExpectRefused(DocumentText("Kết nạp 35 đảng viên mới.", "bao-cao.docx"), StatusCode::kInvalidArgument,
                "bao-cao.docx cannot be read: it is not a .docx file (not a zip)",
                "không đọc được tệp bao-cao.docx: không phải là tệp .docx (không phải zip)");
  std::string cut = testing_xlsx::Zip({{"word/document.xml", "<w:document/>"}});
  ExpectRefused(DocumentText(cut.substr(0, cut.size() / 2), "cut.docx"), StatusCode::kInvalidArgument,
                "cut.docx cannot be read: it is not a complete .docx (zip) file",
                "không phải là tệp .docx (zip)");
  ExpectRefused(DocumentText(testing_xlsx::Zip({{"xl/workbook.xml", "<workbook/>"}}), "bang.docx"),
                StatusCode::kInvalidArgument, "it is a zip but not a Word document (no word/document.xml)",
                "tệp là zip nhưng không phải văn bản Word");
  ExpectRefused(DocumentText(testing_xlsx::Zip({{"word/document.xml", "<w:document><w:body>"}}), "hong.docx"),
                StatusCode::kInvalidArgument,
                "hong.docx cannot be read: word/document.xml is damaged at byte",
                "word/document.xml bị hỏng ở byte");
}

TEST(DocumentText, AZipBombStopsAtTheBudget) {
  // 8 MiB of one paragraph's spaces deflate to a few KiB (and spaces are text:
  // a run of one space between words is kept).
  std::string xml = "<w:document><w:body><w:p><w:r><w:t>" + std::string(size_t{8} << 20, ' ') +
                    "</w:t></w:r></w:p></w:body></w:document>";
  std::string bomb = testing_xlsx::Zip({{"word/document.xml", xml}});
  ASSERT_LT(bomb.size(), size_t{64} << 10);
  io::DocumentLimits limits;
  limits.max_xml_bytes = size_t{1} << 20;
  ExpectRefused(DocumentText(bomb, "bom.docx", limits), StatusCode::kResourceExhausted,
                "bom.docx is too large to read: document.xml unpacks to more than 1 MiB (a zip bomb?)",
                "tệp bom.docx quá lớn để đọc: document.xml giải nén ra hơn 1 MiB (bom zip?)");
  limits = {};
  limits.max_text_bytes = size_t{1} << 20;
  ExpectRefused(DocumentText(bomb, "dai.docx", limits), StatusCode::kResourceExhausted,
                "its text is more than 1 MiB", "văn bản dài hơn 1 MiB");
}

TEST(DocumentText, APasswordProtectedDocxIsRefused) {
  // Word saves an encrypted .docx as an OLE compound file, not a zip.
  std::string ole = std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0');
  ExpectRefused(DocumentText(ole, "mat-khau.docx"), StatusCode::kInvalidArgument,
                "mat-khau.docx cannot be read: it is protected with a password (or is an old .doc)",
                "tệp được bảo vệ bằng mật khẩu (hoặc là tệp .doc cũ)");
}

TEST(DocumentText, PdfsThatAreNotPdfsLockedOrScansAreRefused) {
  ExpectRefused(DocumentText("Kết nạp 35 đảng viên mới.", "bao-cao.pdf"), StatusCode::kInvalidArgument,
                "bao-cao.pdf cannot be read: it is not a PDF file", "không phải là tệp PDF");
  ExpectRefused(DocumentText("%PDF-1.4\nrác", "rac.pdf"), StatusCode::kInvalidArgument,
                "rac.pdf cannot be read: it is not a complete PDF file", "không phải là tệp PDF hoàn chỉnh");
  ExpectRefused(DocumentText(EmptyPagePdf(), "scan.pdf"), StatusCode::kInvalidArgument,
                "scan.pdf cannot be read: the PDF has no text layer (a scan?)",
                "tệp PDF không có lớp chữ (bản quét?)");
  // A standard security handler whose user password is not empty.
  std::string encrypt = "<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <" + std::string(64, 'a') +
                        "> /U <" + std::string(64, 'b') + "> >>";
  std::string id = "/ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]";
  ExpectRefused(DocumentText(EmptyPagePdf("/Encrypt 5 0 R " + id, encrypt), "khoa.pdf"),
                StatusCode::kInvalidArgument, "khoa.pdf cannot be read: the PDF is encrypted with a password",
                "tệp PDF được mã hoá bằng mật khẩu");
}

TEST(DocumentText, BrokenUtf8NamesTheByte) {
  ExpectRefused(DocumentText("Kết nạp\xff", "hong.txt"), StatusCode::kInvalidArgument,
                "hong.txt cannot be read: invalid UTF-8 at byte 11", "không đọc được tệp hong.txt");
}

// Files made by LibreOffice from a text, as officials' Word and PDF files are
// made: the lines come back (the PDF's lines are short enough not to wrap).
TEST(DocumentText, LibreOfficeDocxAndPdfOfATextGiveItsLines) {
  if (std::system("command -v soffice >/dev/null 2>&1") != 0) GTEST_SKIP() << "soffice is not installed";
  std::string dir = testing::TempDir() + "document_text_office";
  ASSERT_EQ(std::system(("rm -rf '" + dir + "' && mkdir -p '" + dir + "'").c_str()), 0);
  const std::string lines[] = {"Thu ngân sách phường đạt 45 tỷ đồng, bằng 115% so với cùng kỳ.",
                               "Kết nạp 35 đảng viên mới, đạt 116,7% kế hoạch.", "Tỷ lệ hộ nghèo còn 1,2%."};
  {
    std::ofstream txt(dir + "/bao-cao.txt", std::ios::binary);
    for (const std::string& line : lines) txt << line << "\n";
  }
  for (const char* target : {"docx", "pdf"}) {
    std::string cmd = "cd '" + dir + "' && soffice --headless -env:UserInstallation=file://" + dir +
                      "/profile '--infilter=Text (encoded):UTF8' --convert-to " + target +
                      " --outdir out bao-cao.txt >/dev/null 2>&1";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
    std::string name = std::string("bao-cao.") + target;
    Result<std::string> text = DocumentText(FileBytes(dir + "/out/" + name), name);
    ASSERT_TRUE(text.ok()) << text.status().ToString();
    for (const std::string& line : lines)
      EXPECT_NE(text->find(line), std::string::npos) << target << "\n" << *text;
  }
}

}  // namespace
}  // namespace kiemdem
