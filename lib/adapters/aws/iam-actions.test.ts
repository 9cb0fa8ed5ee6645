/**
 * The documented IAM comes from the code: every AWS operation lib/adapters/aws can send is found in its
 * source (each SDK Command it constructs, each paginator it walks, the STS AssumeRole behind
 * `fromTemporaryCredentials`), and deploy/member-roles.yaml, the README's IAM section and docs/iam.md must
 * grant or name exactly those actions: none missing, none unused, no wildcards.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseDocument, type CollectionTag, type ScalarTag } from "yaml";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const ADAPTERS = path.join(ROOT, "lib/adapters/aws");
const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), "utf8");

/** Actions any principal may call without a grant (AWS documents GetCallerIdentity as never denied). */
const NEEDS_NO_GRANT = new Set(["sts:GetCallerIdentity"]);

/**
 * The condition keys the template may use. Each was checked against the AWS Service Authorization
 * Reference for the actions it is attached to (see docs/iam.md); add one only after doing the same.
 */
const KNOWN_CONDITION_KEYS = new Set([
  "sts:ExternalId",
  "aws:RequestTag/created-by",
  "aws:ResourceTag/created-by",
  "aws:TagKeys",
  "ec2:CreateAction",
  "ec2:Vpc",
]);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [full] : [];
  });
}

interface CallSite {
  action: string;
  file: string;
  /** The exported function whose body (with the private helpers after it) sends the operation. */
  fn: string;
}

/**
 * Tags sent with a create are authorized as a second action: EC2 TagSpecifications as ec2:CreateTags,
 * ElastiCache Tags as elasticache:AddTagsToResource, MemoryDB Tags as memorydb:TagResource
 * (lib/core/plan/step-policy.ts says the same to users).
 */
const TAGGED_ON_CREATE: Record<string, string> = {
  "ec2:CreateSecurityGroup": "ec2:CreateTags",
  "ec2:AuthorizeSecurityGroupIngress": "ec2:CreateTags",
  "elasticache:CreateCacheParameterGroup": "elasticache:AddTagsToResource",
  "memorydb:CreateParameterGroup": "memorydb:TagResource",
  "cloudwatch:PutMetricAlarm": "cloudwatch:TagResource",
};

/** `service:Operation` for every AWS operation a file can send, from its imports of the SDK clients. */
function callSites(file: string): CallSite[] {
  const text = fs.readFileSync(file, "utf8");
  const rel = path.relative(ROOT, file);
  const serviceOf = new Map<string, string>();
  for (const m of text.matchAll(
    /import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*"@aws-sdk\/client-([a-z0-9-]+)"/g,
  )) {
    for (const name of m[1]!.split(",").map((n) => n.trim())) {
      if (name.includes(" as ")) throw new Error(`${rel}: renamed SDK import ${name} hides the operation.`);
      if (name) serviceOf.set(name, m[2]!);
    }
  }
  const sites: CallSite[] = [];
  // Each exported function with the private helpers that follow it (permission.ts's `send`, say).
  for (const chunk of text.split(/^(?=export )/m)) {
    const fn = /^export (?:async )?function (\w+)/.exec(chunk)?.[1] ?? "(module)";
    const add = (action: string) => {
      sites.push({ action, file: rel, fn });
      if (TAGGED_ON_CREATE[action]) sites.push({ action: TAGGED_ON_CREATE[action], file: rel, fn });
    };
    for (const m of chunk.matchAll(/new\s+(\w+)Command\s*\(/g)) {
      const service = serviceOf.get(`${m[1]}Command`);
      if (!service) throw new Error(`${rel}: new ${m[1]}Command is not imported from an @aws-sdk client.`);
      add(`${service}:${m[1]}`);
    }
    for (const m of chunk.matchAll(/\bpaginate(\w+)\s*\(/g)) {
      const service = serviceOf.get(`paginate${m[1]}`);
      if (!service) throw new Error(`${rel}: paginate${m[1]} is not imported from an @aws-sdk client.`);
      add(`${service}:${m[1]}`);
    }
    // Temporary credentials for another account's role are an STS AssumeRole the SDK makes for us.
    if (/\bfromTemporaryCredentials\s*\(/.test(chunk)) add("sts:AssumeRole");
  }
  return sites;
}

const nonTestSources = ["lib", "app", "components", "tools"].flatMap((d) =>
  sourceFiles(path.join(ROOT, d)).concat(
    fs.existsSync(path.join(ROOT, d)) ? tsxFiles(path.join(ROOT, d)) : [],
  ),
);

function tsxFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : tsxFiles(full);
    return e.name.endsWith(".tsx") ? [full] : [];
  });
}

/** Whether any non-test source besides `file` names `fn`: a sender only tests call adds IAM nobody needs. */
function hasCaller(fn: string, file: string): boolean {
  const word = new RegExp(`\\b${fn}\\b`);
  return nonTestSources.some((f) => path.relative(ROOT, f) !== file && word.test(fs.readFileSync(f, "utf8")));
}

const sites = sourceFiles(ADAPTERS).flatMap(callSites);
const used = new Set(sites.map((s) => s.action));
const isMember = (a: string) =>
  a.startsWith("elasticache:") ||
  a.startsWith("ec2:") ||
  a.startsWith("cloudformation:") ||
  a.startsWith("memorydb:") ||
  a.startsWith("cloudwatch:");
// CloudWatch's metric read is a Get (GetMetricData): a read like the Describe and List calls.
const isRead = (a: string) => /^[a-z0-9]+:(Describe|List|Get)/.test(a);
const memberReads = [...used].filter((a) => isMember(a) && isRead(a)).sort();
const memberWrites = [...used].filter((a) => isMember(a) && !isRead(a)).sort();
const ownPrincipal = [...used].filter((a) => !isMember(a) && !NEEDS_NO_GRANT.has(a)).sort();

/** Action-shaped names (`service:Operation`) a text mentions; condition keys are left out. */
function actionsNamed(text: string): Set<string> {
  const found = [
    ...text.matchAll(
      /\b(elasticache|ec2|sts|organizations|cloudformation|memorydb|cloudwatch):([A-Za-z*]+)/g,
    ),
  ].map((m) => m[0]);
  return new Set(found.filter((a) => !KNOWN_CONDITION_KEYS.has(a)));
}

type Conditions = Record<string, Record<string, unknown>>;

interface Statement {
  Effect: string;
  Action: string | string[];
  /** Either the conditions, or `{"Fn::If": [name, conditions, {"Ref": "AWS::NoValue"}]}`. */
  Condition?: object;
}

/** CloudFormation's short forms (`!Ref X`, `!If [c, a, b]`) read as their long forms (`{"Fn::If": [...]}`). */
const cloudFormationTags = ["Ref", "Sub", "GetAtt", "Equals", "If", "Not", "Join"].flatMap((name) => {
  const key = name === "Ref" ? "Ref" : `Fn::${name}`;
  const scalar: ScalarTag = { tag: `!${name}`, resolve: (value) => ({ [key]: value }) };
  const seq: CollectionTag = {
    tag: `!${name}`,
    collection: "seq",
    resolve: (node) => ({ [key]: node.toJSON() }),
  };
  return [scalar, seq];
});

/** The condition keys of a statement, on either branch of an `!If`. */
function conditionKeys(condition: Statement["Condition"]): string[] {
  if (!condition) return [];
  const ifBranches = (condition as { "Fn::If"?: [string, object, object] })["Fn::If"];
  const branches: object[] = ifBranches ? [ifBranches[1], ifBranches[2]] : [condition];
  return branches
    .filter((b): b is Conditions => !("Ref" in b))
    .flatMap((b) => Object.values(b).flatMap((keys) => Object.keys(keys as object)));
}

function template() {
  const doc = parseDocument(read("deploy/member-roles.yaml"), { customTags: cloudFormationTags });
  expect(doc.errors).toEqual([]);
  expect(doc.warnings).toEqual([]);
  return doc.toJS() as {
    Resources: Record<string, { Properties: { Policies: { PolicyDocument: { Statement: Statement[] } }[] } }>;
  };
}

function statementsOf(role: string): Statement[] {
  return template().Resources[role]!.Properties.Policies.flatMap((p) => p.PolicyDocument.Statement);
}

const actionsOf = (statements: Statement[]) =>
  [...new Set(statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action])))].sort();

function readmeIamSection(): string {
  const readme = read("README.md");
  const start = readme.indexOf("### IAM permissions");
  expect(start).toBeGreaterThan(-1);
  const end = readme.indexOf("\n### ", start + 1);
  return readme.slice(start, end === -1 ? undefined : end);
}

describe("the IAM QueueReady documents is the IAM its code needs", () => {
  it("finds the call sites (a scan that finds nothing would pass everything)", () => {
    expect(memberReads).toContain("elasticache:DescribeReplicationGroups");
    expect(memberReads).toContain("elasticache:ListTagsForResource");
    expect(memberReads).toContain("cloudformation:ListStackResources");
    expect(memberReads).toContain("cloudwatch:DescribeAlarms");
    expect(memberReads).toContain("cloudwatch:GetMetricData");
    expect(memberWrites).toContain("ec2:DeleteSecurityGroup");
    expect(ownPrincipal).toEqual(["organizations:ListAccounts", "sts:AssumeRole"]);
  });

  it("every function that sends an operation has a caller outside its file (tests do not count)", () => {
    const uncalled = sites
      .filter((s) => !hasCaller(s.fn, s.file))
      .map((s) => `${s.file}: ${s.fn} (${s.action})`);
    expect(uncalled).toEqual([]);
  });

  it("labels each call's errors with the operation it really sends", () => {
    for (const file of sourceFiles(ADAPTERS)) {
      const text = fs.readFileSync(file, "utf8");
      for (const m of text.matchAll(/\b(?:callAws|collectPages)\(\s*ctx,\s*"(\w+)",\s*"(\w+)"/g)) {
        expect(used, `${path.relative(ROOT, file)} labels a call ${m[1]}:${m[2]}`).toContain(
          `${m[1]}:${m[2]}`,
        );
      }
    }
  });

  it("the read role grants exactly the reads, the apply role the reads and the writes", () => {
    expect(actionsOf(statementsOf("ReadRole"))).toEqual(memberReads);
    expect(actionsOf(statementsOf("ApplyRole"))).toEqual([...memberReads, ...memberWrites].sort());
  });

  it("the template allows only, and conditions only on keys checked for those actions", () => {
    for (const role of ["ReadRole", "ApplyRole"]) {
      for (const s of statementsOf(role)) {
        expect(s.Effect).toBe("Allow");
        for (const key of conditionKeys(s.Condition))
          expect(KNOWN_CONDITION_KEYS, `${role}: ${key}`).toContain(key);
      }
    }
  });

  it("the apply role scopes its deletes to what QueueReady created, and uses every checked key", () => {
    const statements = statementsOf("ApplyRole");
    for (const action of ["elasticache:DeleteCacheParameterGroup", "ec2:DeleteSecurityGroup"]) {
      const granting = statements.filter((s) => [s.Action].flat().includes(action));
      expect(granting.length, action).toBeGreaterThan(0);
      for (const s of granting)
        expect(conditionKeys(s.Condition), action).toContain("aws:ResourceTag/created-by");
    }
    const keys = new Set(statements.flatMap((s) => conditionKeys(s.Condition)));
    expect(keys).toEqual(new Set([...KNOWN_CONDITION_KEYS].filter((k) => k !== "sts:ExternalId")));
  });

  it("the README's IAM section names every action, and nothing else", () => {
    const named = actionsNamed(readmeIamSection());
    for (const a of [...memberReads, ...memberWrites, ...ownPrincipal]) expect(named, a).toContain(a);
    for (const a of named) expect(used, `${a} is named but never sent`).toContain(a);
  });

  it("docs/iam.md names every action, and nothing else, and the README links it", () => {
    const named = actionsNamed(read("docs/iam.md"));
    for (const a of [...memberReads, ...memberWrites, ...ownPrincipal]) expect(named, a).toContain(a);
    for (const a of named) expect(used, `${a} is named but never sent`).toContain(a);
    expect(readmeIamSection()).toContain("](docs/iam.md)");
  });
});
