// "Đang tải…" after 300 ms of waiting, in the corner; nothing for quick answers.
import { t } from "../i18n";

let pending = 0;
let timer = 0;

export async function withProgress<T>(work: Promise<T>): Promise<T> {
  const box = document.getElementById("progress");
  if (pending++ === 0) {
    timer = window.setTimeout(() => {
      if (box) {
        box.textContent = t().loading;
        box.hidden = false;
      }
    }, 300);
  }
  try {
    return await work;
  } finally {
    if (--pending === 0) {
      clearTimeout(timer);
      if (box) box.hidden = true;
    }
  }
}
