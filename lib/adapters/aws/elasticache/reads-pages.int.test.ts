import { describe, expect, it } from "vitest";
import { AwsError } from "@/lib/adapters/aws/errors";
import { listCacheClusters } from "./reads";
import { sandboxPerFile } from "@/tools/testing/int-harness";

// 250 targets make well over 200 cache clusters: three pages or more of DescribeCacheClusters.
const fleet = sandboxPerFile({ seed: { clusters: 250, regions: ["us-east-1"], seed: 7 } });

describe("listCacheClusters onPage", () => {
  it("hands over each page as it arrives, and the pages add up to the unchanged result", async () => {
    const { ctx, requests } = fleet.context();
    const pages: string[][] = [];
    const clusters = await listCacheClusters(ctx, {
      onPage: (page) => {
        // Called before the next page is requested: the walk is still going.
        pages.push(page.map((c) => c.id));
        expect(requests.DescribeCacheClusters).toBe(pages.length);
      },
    });
    const plain = await listCacheClusters(fleet.context().ctx);
    expect(clusters).toEqual(plain);
    expect(pages.flat()).toEqual(clusters.map((c) => c.id));
    expect(pages.length).toBe(Math.ceil(clusters.length / 100));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.slice(0, -1).map((p) => p.length)).toEqual(Array(pages.length - 1).fill(100));
    expect(clusters.every((c) => c.region === "us-east-1" && c.id.length > 0)).toBe(true);
  });

  it("fails the whole read when a later page fails, after earlier pages were handed over", async () => {
    const { ctx } = fleet.context();
    const seen: number[] = [];
    const read = listCacheClusters(ctx, {
      onPage: (page) => {
        seen.push(page.length);
        // The next page is refused, without retries (access denied is not retryable).
        fleet.sandbox.control.addFault({
          operation: "DescribeCacheClusters",
          kind: "access-denied",
          count: 1,
        });
      },
    });
    const err = await read.catch((e: unknown) => e);
    fleet.sandbox.control.clearFaults();
    expect(err).toBeInstanceOf(AwsError);
    expect((err as AwsError).problem).toMatchObject({
      code: "access-denied",
      operation: "DescribeCacheClusters",
      region: "us-east-1",
    });
    expect(seen).toEqual([100]);
  });
});
