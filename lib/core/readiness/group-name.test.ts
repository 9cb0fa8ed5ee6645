import { describe, expect, it } from "vitest";
import { newParameterGroupName } from "./group-name";

describe("newParameterGroupName", () => {
  it("names the group after its family, apart for cluster mode", () => {
    expect(newParameterGroupName({ family: "redis7", clusterMode: false }, [])).toBe(
      "bullmq-redis7-noeviction",
    );
    expect(newParameterGroupName({ family: "valkey8", clusterMode: true }, [])).toBe(
      "bullmq-valkey8-cluster-noeviction",
    );
    expect(newParameterGroupName({ family: "redis6.x", clusterMode: false }, [])).toBe(
      "bullmq-redis6-x-noeviction",
    );
    expect(newParameterGroupName({ engine: "valkey", clusterMode: false }, [])).toBe(
      "bullmq-valkey-noeviction",
    );
  });

  it("never proposes a name already taken, whatever its case", () => {
    expect(
      newParameterGroupName({ family: "redis7", clusterMode: false }, [
        "BullMQ-Redis7-NoEviction",
        "bullmq-redis7-noeviction-2",
      ]),
    ).toBe("bullmq-redis7-noeviction-3");
  });
});
