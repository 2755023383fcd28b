#!/usr/bin/env python3
"""`kiemdem report unit`: a Word document laid out as Decree 30 sets, whose figures read back
through `kiemdem extract`; rendered by LibreOffice (PDF, one A4 page size, PNG saved) when
soffice is installed."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

from cli_checks import Checks

kiemdem, out_dir = sys.argv[1], sys.argv[2]
checks = Checks(kiemdem)
check, run = checks.check, checks.run


def docx_text(path):
    """The paragraphs of word/document.xml in order, one per line (tables cell by cell)."""
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    lines = []
    for p in re.findall(r"<w:p>.*?</w:p>|<w:p/>", xml, flags=re.S):
        p = p.replace("<w:br/>", "<w:t>\n</w:t>")
        text = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", p))
        lines.append(text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&"))
    return xml, "\n".join(lines)


with tempfile.TemporaryDirectory() as d:
    db = os.path.join(d, "k.db")
    check("db init", run("db", "init", "--db", db).returncode == 0)
    plans = os.path.join(d, "plans.csv")
    with open(plans, "w", encoding="utf-8") as f:
        f.write("Mã ĐVHC,Cơ quan giao,Từ năm,Đến năm,Nghị quyết,Ngày ban hành,Cấp trên giao,Mã chỉ tiêu,Năm,So sánh,Chỉ tiêu\n"
                "00145,UBND,2021,2021,15/NQ-HĐND,20/12/2020,không,THU_NSNN,2021,≥,20.000.000.000\n"
                "00145,UBND,2021,2021,15/NQ-HĐND,20/12/2020,không,CHI_NS,2021,≤,12.000.000.000\n"
                "00145,UBND,2021,2021,15/NQ-HĐND,20/12/2020,không,GD_VAN_HOA,2021,≥,95\n")
    results = os.path.join(d, "results.csv")
    with open(results, "w", encoding="utf-8") as f:
        f.write("Mã đơn vị,Mã chỉ tiêu,Kỳ báo cáo,Giá trị\n"
                "00145,THU_NSNN,2021,21.500.000.000\n00145,THU_NSNN,2020,18.700.000.000\n"
                "00145,CHI_NS,2021,10.144.992.938\n00145,GD_VAN_HOA,2021,\"91,5\"\n")
    for kind, path in (("plans", plans), ("results", results)):
        r = run("import", kind, path, "--db", db, "--as", "tester")
        check(f"import {kind}", r.returncode == 0, r.stdout + r.stderr)

    state = os.path.join(d, "bao-cao.docx")
    r = run("report", "unit", "00145", "--period", "2021", "--as-of", "05/01/2022", "--include-unapproved", "-o", state, "--db", db)
    check("report unit writes a .docx", r.returncode == 0 and zipfile.is_zipfile(state), r.stdout + r.stderr)
    xml, text = docx_text(state)
    for want in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "ỦY BAN NHÂN DÂN",
                 "Số:        /BC-UBND", ", ngày 05 tháng 01 năm 2022", "BÁO CÁO", "năm 2021",
                 "Thu ngân sách", "2/3 chỉ tiêu", "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"):
        check(f"the report has {want!r}", want in text, text)
    check("A4 portrait", '<w:pgSz w:w="11906" w:h="16838"/>' in xml, xml[-600:])
    with zipfile.ZipFile(state) as z:
        styles = z.read("word/styles.xml").decode("utf-8")
    check("Times New Roman 14", 'w:ascii="Times New Roman"' in styles and '<w:sz w:val="28"/>' in styles, styles)

    # Round trip: the prose's figures come back through the extractor.
    prose = "\n".join(line for line in text.split("\n") if line.startswith("- ") or line.startswith("Năm"))
    r = run("extract", "-", input=prose)
    check("extract reads the report's prose", r.returncode == 0, r.stderr)
    facts = json.loads(r.stdout)["facts"] if r.returncode == 0 else []
    def fact(value, unit):
        return next((f for f in facts if f.get("kind") == "measure" and abs(f.get("value", 0) - value) < 0.5
                     and f.get("unit") == unit), None)
    thu = fact(21.5e9, "đồng")
    check("THU_NSNN 21,5 tỷ đồng reads back", thu is not None, json.dumps(facts, ensure_ascii=False) + "\n" + prose)
    if thu:
        compare = {(c["basis"], round(c["percent"], 1)) for c in thu.get("compare", [])}
        check("with 107,5% of plan and 115% of the same period", {("plan", 107.5), ("same_period", 115.0)} <= compare, compare)
        check("for the year 2021", thu.get("period") == "2021", thu)
    chi = fact(10144992938, "đồng")
    check("CHI_NS 10.144.992.938 đồng reads back whole", chi is not None, json.dumps(facts, ensure_ascii=False))
    gd = fact(91.5, "%")
    check("GD_VAN_HOA 91,5% reads back", gd is not None, json.dumps(facts, ensure_ascii=False))
    check("a rate is set against its plan in percentage points, not as a ratio",
          "91,5%, thấp hơn kế hoạch năm 3,5 điểm %." in text and "\u22123,5 điểm %" in text, prose)

    party = os.path.join(d, "bao-cao-dang-uy.docx")
    r = run("report", "unit", "00145", "--period", "2021", "--as-of", "05/01/2022", "--include-unapproved", "--body", "party_committee",
            "-o", party, "--db", db)
    check("report unit --body party_committee", r.returncode == 0, r.stderr)
    _, ptext = docx_text(party)
    check("a Party report has the Party header", "ĐẢNG CỘNG SẢN VIỆT NAM" in ptext and "-BC/ĐU" in ptext
          and "CỘNG HÒA XÃ HỘI" not in ptext, ptext)

    r = run("report", "unit", "99999", "--period", "2021", "-o", os.path.join(d, "x.docx"), "--db", db)
    check("an unknown unit is an error naming it", r.returncode == 1 and "99999" in r.stderr, r.stderr)
    r = run("report", "unit", "00145", "--period", "2021", "--body", "department", "-o", os.path.join(d, "x.docx"), "--db", db)
    check("a body that issues no report is refused", r.returncode == 1 and "not by" in r.stderr, r.stderr)
    check("and no file is left", not os.path.exists(os.path.join(d, "x.docx")))

    soffice = shutil.which("soffice")
    if soffice is None:
        print("SKIP rendering: LibreOffice (soffice) is not installed (scripts/install-deps installs it)")
    else:
        os.makedirs(out_dir, exist_ok=True)
        r = subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{d}/profile", "--convert-to", "pdf",
                            "--outdir", out_dir, state, party], capture_output=True, text=True, timeout=240)
        check("LibreOffice renders both reports to PDF", r.returncode == 0, r.stdout + r.stderr)
        for name in ("bao-cao", "bao-cao-dang-uy"):
            pdf = os.path.join(out_dir, name + ".pdf")
            info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
            sizes = set(re.findall(r"Page size:\s+([\d.]+ x [\d.]+)", info))
            a4 = len(sizes) == 1 and re.fullmatch(r"595(\.\d+)? x 84[12](\.\d+)?", next(iter(sizes)))
            check(f"{name}.pdf has one page size, A4", a4, info)
            body = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
            top = " ".join(" ".join(body.split("\n")[:8]).split())
            want = "ĐẢNG CỘNG SẢN VIỆT NAM" if name.endswith("dang-uy") else "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
            check(f"{name}.pdf has the header block at the top", want in top, top)
            flow = " ".join(subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout.split())
            check(f"{name}.pdf has the table", all(w in flow for w in ("STT", "Chỉ tiêu", "Thực hiện", "Đánh giá", "21.500")),
                  flow)
            fonts = subprocess.run(["pdffonts", pdf], capture_output=True, text=True).stdout
            check(f"{name}.pdf is set in Times New Roman (or its metric twin)",
                  re.search(r"Times|Liberation ?Serif", fonts) is not None, fonts)
            png = subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", pdf, os.path.join(out_dir, name)],
                                 capture_output=True, text=True)
            check(f"{name} page 1 saved as PNG in {out_dir}", png.returncode == 0, png.stderr)

checks.finish()
