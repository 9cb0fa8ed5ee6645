/** Names the fix gives what it adds: stable per target, so a second export of the same fix names the same things. */
import type { Plan } from "../types";
import { terraformName } from "./hcl";

/** `orders-redis7` → `OrdersRedis7`: CloudFormation logical ids are letters and digits only. */
function pascal(s: string): string {
  return s
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join("");
}

/** `queueready_orders_redis7_security_group` / `QueueReadyOrdersRedis7SecurityGroup`. */
export function addedNames(
  plan: Plan,
  what: "security group" | "ingress" | "parameter group" | "memory alarm",
) {
  return {
    terraform: terraformName(`queueready ${plan.target.id} ${what}`).toLowerCase(),
    logicalId: `QueueReady${pascal(plan.target.id)}${pascal(what)}`,
  };
}
