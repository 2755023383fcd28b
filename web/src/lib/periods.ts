// Reporting periods as the API writes them ("2024", "2024-01/2024-10",
// "2024-H1", "2024-Q3", "2024-07") with their names, for pickers.
import { getLang } from "../lang";

export interface PeriodOption {
  key: string;
  label: string;
}

export function periodOptions(year: number): PeriodOption[] {
  const vi = getLang() === "vi";
  const out: PeriodOption[] = [
    { key: `${year}`, label: vi ? `Năm ${year}` : `${year}` },
    { key: `${year}-01/${year}-10`, label: vi ? `10 tháng năm ${year}` : `First 10 months of ${year}` },
    { key: `${year}-01/${year}-09`, label: vi ? `9 tháng năm ${year}` : `First 9 months of ${year}` },
    { key: `${year}-H1`, label: vi ? `6 tháng đầu năm ${year}` : `First half of ${year}` },
  ];
  for (let q = 1; q <= 4; q++) out.push({ key: `${year}-Q${q}`, label: vi ? `Quý ${q}/${year}` : `Q${q} ${year}` });
  for (let m = 1; m <= 12; m++) {
    const mm = String(m).padStart(2, "0");
    out.push({ key: `${year}-${mm}`, label: vi ? `Tháng ${m}/${year}` : `${mm}/${year}` });
  }
  return out;
}

// The year a period key falls in.
export function periodYear(key: string): number {
  return Number(key.slice(0, 4));
}
