import { describe, expect, it } from "vitest";
import type { IngressRule } from "@/lib/core/model/resources";
import { ruleCoversPort } from "./port-rule";

const source = { kind: "cidr", cidr: "10.0.0.0/16" } as const;
const rule = (protocol: string, fromPort?: number, toPort?: number): IngressRule => ({
  protocol,
  fromPort,
  toPort,
  source,
});

describe("ruleCoversPort", () => {
  it.each([
    [rule("tcp", 6379, 6379), 6379, true],
    [rule("tcp", 6000, 7000), 6380, true],
    [rule("6", 6380, 6380), 6380, true],
    [rule("-1"), 6379, true],
    [rule("tcp", 6379, 6379), 6380, false],
    [rule("tcp", 6381, 7000), 6380, false],
    [rule("udp", 0, 65535), 6379, false],
    [rule("tcp"), 6379, false],
  ] as const)("%o on %i -> %s", (r, port, covers) => {
    expect(ruleCoversPort(r, port)).toBe(covers);
  });
});
