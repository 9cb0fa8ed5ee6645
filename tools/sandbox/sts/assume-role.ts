/**
 * STS `AssumeRole`, checked as STS checks it: input bounds first (ValidationError), then the role, its
 * trust policy and its ExternalId condition, which all fail alike with AccessDenied so a caller learns
 * nothing about roles it may not use. The credentials returned are bound to the role's account.
 */
import { randomBytes } from "node:crypto";
import { SandboxError } from "@/tools/sandbox/errors";
import { int, str } from "@/tools/sandbox/protocol/query-form";
import { leaf, node } from "@/tools/sandbox/protocol/xml";
import { encodeSession, roleId, type Caller, type StsContext } from "./caller";

const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;
const SESSION_NAME = /^[\w+=,.@-]*$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]*$/;
const CHAINED_MAX_SECONDS = 3600;

function validation(field: string, value: string | number | undefined, constraint: string): SandboxError {
  const shown = value === undefined ? "null" : `'${value}'`;
  return new SandboxError(
    "ValidationError",
    `1 validation error detected: Value ${shown} at '${field}' failed to satisfy constraint: ${constraint}`,
    400,
  );
}

function required(ctx: StsContext, name: string, field: string): string {
  const value = str(ctx.params, name);
  if (value === undefined) throw validation(field, undefined, "Member must not be null");
  return value;
}

function checkLength(field: string, value: string, min: number, max: number): void {
  if (value.length < min)
    throw validation(field, value, `Member must have length greater than or equal to ${min}`);
  if (value.length > max)
    throw validation(field, value, `Member must have length less than or equal to ${max}`);
}

function checkPattern(field: string, value: string, pattern: RegExp, shown: string): void {
  if (!pattern.test(value))
    throw validation(field, value, `Member must satisfy regular expression pattern: ${shown}`);
}

function denied(caller: Caller, roleArn: string): SandboxError {
  return new SandboxError(
    "AccessDenied",
    `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
    403,
  );
}

function randomKey(length: number, alphabet: string): string {
  return [...randomBytes(length)].map((b) => alphabet[b % alphabet.length]).join("");
}

export function assumeRole(ctx: StsContext): string {
  const roleArn = required(ctx, "RoleArn", "roleArn");
  const sessionName = required(ctx, "RoleSessionName", "roleSessionName");
  checkLength("roleArn", roleArn, 20, 2048);
  checkLength("roleSessionName", sessionName, 2, 64);
  checkPattern("roleSessionName", sessionName, SESSION_NAME, "[\\w+=,.@-]*");
  const externalId = str(ctx.params, "ExternalId");
  if (externalId !== undefined) {
    checkLength("externalId", externalId, 2, 1224);
    checkPattern("externalId", externalId, EXTERNAL_ID, "[\\w+=,.@:\\/-]*");
  }
  const duration = int(ctx.params, "DurationSeconds") ?? 3600;
  if (duration < 900)
    throw validation("durationSeconds", duration, "Member must have value greater than or equal to 900");
  if (duration > 43200)
    throw validation("durationSeconds", duration, "Member must have value less than or equal to 43200");
  const arn = ROLE_ARN.exec(roleArn);
  if (!arn) throw new SandboxError("ValidationError", `${roleArn} is invalid`, 400);
  const [, accountId = "", roleName = ""] = arn;

  const account = ctx.state.accounts[accountId];
  const role = account?.status === "ACTIVE" ? account.roles.find((r) => r.name === roleName) : undefined;
  const trusted = role?.trustedAccounts.includes(ctx.caller.accountId) ?? false;
  const externalIdOk = role?.externalId === undefined || role.externalId === externalId;
  if (!role || !trusted || !externalIdOk) throw denied(ctx.caller, roleArn);
  if (duration > role.maxSessionSeconds)
    throw new SandboxError(
      "ValidationError",
      "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.",
      400,
    );
  if (ctx.caller.arn.startsWith("arn:aws:sts::") && duration > CHAINED_MAX_SECONDS)
    throw new SandboxError(
      "ValidationError",
      "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.",
      400,
    );

  const accessKeyId = `ASIA${randomKey(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")}`;
  const expiresAt = Math.floor(ctx.now / 1000) * 1000 + duration * 1000;
  const token = encodeSession({ accessKeyId, accountId, roleName, sessionName, expiresAt });
  const credentials =
    leaf("AccessKeyId", accessKeyId) +
    leaf(
      "SecretAccessKey",
      randomKey(40, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"),
    ) +
    leaf("SessionToken", token) +
    leaf("Expiration", new Date(expiresAt).toISOString().replace(".000Z", "Z"));
  const user =
    leaf("Arn", `arn:aws:sts::${accountId}:assumed-role/${roleName}/${sessionName}`) +
    leaf("AssumedRoleId", `${roleId(accountId, roleName)}:${sessionName}`);
  return node("Credentials", credentials) + node("AssumedRoleUser", user) + leaf("PackedPolicySize", 0);
}
