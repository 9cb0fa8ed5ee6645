import { describe, expect, it } from "vitest";
import { detailHref, wizardHref } from "./links";

const staging = {
  accountId: "210987654321",
  region: "us-east-1",
  kind: "replication-group",
  id: "stg-orders",
} as const;

describe("links to a target name its account", () => {
  it("the detail page is /status/<account>/<region>/<kind>/<id>", () => {
    expect(detailHref(staging)).toBe("/status/210987654321/us-east-1/replication-group/stg-orders");
    expect(detailHref({ ...staging, id: "a b/c" })).toBe(
      "/status/210987654321/us-east-1/replication-group/a%20b%2Fc",
    );
  });

  it("the wizard's first step carries the account first", () => {
    expect(wizardHref(staging)).toBe(
      "/wizard/target?account=210987654321&region=us-east-1&kind=replication-group&id=stg-orders",
    );
  });
});
