/**
 * ElastiCache's naming rules for cache parameter groups (and security group names as EC2 takes them),
 * used by the wizard to validate before asking AWS (the sandbox enforces them with its own code).
 */

export type NameCheck = { ok: true; normalized: string } | { ok: false; reason: string };

/** Start with a letter; letters, digits, hyphens; 1..255 chars; no `--`; no trailing hyphen. Stored lowercase. */
export function checkParameterGroupName(name: string): NameCheck {
  if (name.length < 1 || name.length > 255)
    return { ok: false, reason: "The name must be 1 to 255 characters long." };
  if (!/^[A-Za-z]/.test(name)) return { ok: false, reason: "The name must start with a letter." };
  if (!/^[A-Za-z0-9-]+$/.test(name)) return { ok: false, reason: "Use only letters, digits and hyphens." };
  if (name.includes("--")) return { ok: false, reason: "The name cannot contain two consecutive hyphens." };
  if (name.endsWith("-")) return { ok: false, reason: "The name cannot end with a hyphen." };
  return { ok: true, normalized: name.toLowerCase() };
}

/** EC2 security group names: up to 255 chars, not starting with `sg-`, a restricted ASCII set in a VPC. */
export function checkSecurityGroupName(name: string): NameCheck {
  if (name.length < 1 || name.length > 255)
    return { ok: false, reason: "The name must be 1 to 255 characters long." };
  if (/^sg-/i.test(name)) return { ok: false, reason: 'The name cannot start with "sg-".' };
  if (!/^[A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]+$/.test(name)) {
    return { ok: false, reason: "Use letters, digits, spaces and ._-:/()#,@[]+=&;{}!$* only." };
  }
  return { ok: true, normalized: name };
}
