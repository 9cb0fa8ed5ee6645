import { describe, expect, it } from "vitest";
import { nounFor, plural } from "./plural";

describe("plural", () => {
  it("uses the singular for exactly one and the plural otherwise", () => {
    expect(plural(1, "cluster")).toBe("1 cluster");
    expect(plural(0, "cluster")).toBe("0 clusters");
    expect(plural(2, "node")).toBe("2 nodes");
    expect(plural(1, "apply", "applies")).toBe("1 apply");
    expect(plural(3, "apply", "applies")).toBe("3 applies");
    expect(nounFor(2, "RBAC user group")).toBe("RBAC user groups");
  });
});
