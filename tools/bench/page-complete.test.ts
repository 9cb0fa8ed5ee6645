import { describe, expect, it } from "vitest";
import { checkPage } from "./page-complete";

const ids = Array.from({ length: 60 }, (_, i) => `fleet-ue1-${String(i).padStart(5, "0")}`);
const rows = (n: number) => ids.slice(0, n).map((id) => `<tr><th><a href="/x/${id}">${id}</a></th></tr>`);
// The shape React streams: a placeholder per boundary, its content later, swapped in by $RC.
const page = (body: string, tail = "</body></html>") =>
  `<!DOCTYPE html><html><body><!--$?--><template id="B:0"></template><p>Loading</p><!--/$-->` +
  `<div hidden id="S:0">${body}</div><script>$RC("B:0","S:0")</script>${tail}`;

describe("checkPage", () => {
  it("accepts a closed document whose boundaries all completed and that shows a page of the fleet", () => {
    expect(checkPage(page(rows(50).join("")), ids)).toEqual({ complete: true, idsFound: 50 });
    expect(checkPage(page(rows(3).join("")), ids.slice(0, 3))).toEqual({ complete: true, idsFound: 3 });
  });

  it("refuses a stream cut short", () => {
    const cut = page(rows(50).join(""), "");
    expect(checkPage(cut, ids)).toMatchObject({ complete: false, problem: /does not end with <\/html>/ });
  });

  it("refuses a boundary that never completed or failed on the server", () => {
    const open = page(rows(50).join("")).replace('<script>$RC("B:0","S:0")</script>', "");
    expect(checkPage(open, ids)).toMatchObject({ complete: false, problem: /1 streamed section/ });
    const failed = page(rows(50).join("")).replace("</body>", '<script>$RX("B:1","E")</script></body>');
    expect(checkPage(failed, ids)).toMatchObject({ complete: false, problem: /failed on the server/ });
  });

  it("refuses a page that shows too few of the fleet's targets (a stale or empty audit)", () => {
    expect(checkPage(page(rows(10).join("")), ids)).toMatchObject({
      complete: false,
      idsFound: 10,
      problem: "10 of the fleet's targets shown, at least 50 expected",
    });
    // Whole ids only: fleet-ue1-000010 does not count as fleet-ue1-00001.
    expect(checkPage(page("<p>fleet-ue1-000010</p>"), ["fleet-ue1-00001"]).idsFound).toBe(0);
  });
});
