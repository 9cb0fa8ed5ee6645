/**
 * The sandbox's own reading of AWS's naming rules, written from the API documentation and kept apart
 * from the app's validation (lib/core/model/names.ts) on purpose: if both shared one function, a bug in it would
 * be mirrored here and no test against the sandbox could catch it. Answers are AWS's error sentences.
 */
import { invalidValue, type SandboxError } from "./errors";

const LETTER = /[A-Za-z]/;
const PARAMETER_GROUP_CHAR = /[A-Za-z0-9-]/;
// EC2-VPC group names: a-z, A-Z, 0-9, spaces, and ._-:/()#,@[]+=&;{}!$*
const SECURITY_GROUP_CHAR = /[A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]/;

/**
 * ElastiCache `CacheParameterGroupName`: 1..255 characters, a letter first, then ASCII letters, digits
 * and hyphens, never two hyphens in a row nor one at the end. AWS stores it lowercase.
 */
export function parameterGroupName(name: string): { name: string } | { error: SandboxError } {
  const bad = (why: string) => ({ error: invalidValue(`Invalid parameter group name: ${why}`) });
  if (name.length === 0 || name.length > 255) return bad("The name must be 1 to 255 characters long.");
  if (!LETTER.test(name[0]!)) return bad("The name must start with a letter.");
  let previous = "";
  for (const c of name) {
    if (!PARAMETER_GROUP_CHAR.test(c)) return bad("Use only letters, digits and hyphens.");
    if (c === "-" && previous === "-") return bad("The name cannot contain two consecutive hyphens.");
    previous = c;
  }
  if (previous === "-") return bad("The name cannot end with a hyphen.");
  return { name: name.toLowerCase() };
}

/** EC2 `GroupName` in a VPC: 1..255 characters of the VPC set, and never `sg-...` (EC2's id format). */
export function securityGroupName(name: string): { name: string } | { error: SandboxError } {
  const bad = (why: string) => ({ error: invalidValue(`Invalid security group name: ${why}`) });
  if (name.length === 0 || name.length > 255) return bad("The name must be 1 to 255 characters long.");
  if (name.slice(0, 3).toLowerCase() === "sg-") return bad('The name cannot start with "sg-".');
  for (const c of name) {
    if (!SECURITY_GROUP_CHAR.test(c))
      return bad("Use letters, digits, spaces and ._-:/()#,@[]+=&;{}!$* only.");
  }
  return { name };
}
