/**
 * The Kubernetes manifests: each document validated against the Kubernetes API's JSON schemas (the
 * validators kubernetes-models generates from the OpenAPI spec, no network), then checked against each
 * other, the image (Containerfile) and the settings the app reads (README).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ConfigMap } from "kubernetes-models/v1/ConfigMap";
import { Secret } from "kubernetes-models/v1/Secret";
import { Service } from "kubernetes-models/v1/Service";
import { ServiceAccount } from "kubernetes-models/v1/ServiceAccount";
import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";

const dir = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(dir, "../..");

interface Model {
  validate(): void;
}
const MODELS: Record<string, new (data: never) => Model> = {
  "v1/ConfigMap": ConfigMap,
  "v1/Secret": Secret,
  "v1/Service": Service,
  "v1/ServiceAccount": ServiceAccount,
  "apps/v1/Deployment": Deployment,
  "policy/v1/PodDisruptionBudget": PodDisruptionBudget,
};

type Doc = { apiVersion: string; kind: string; metadata: { name: string }; [key: string]: unknown };
const manifestFiles = readdirSync(dir).filter((f) => f.endsWith(".yaml") && f !== "kustomization.yaml");
const docs: { file: string; doc: Doc }[] = manifestFiles.flatMap((file) =>
  parseAllDocuments(readFileSync(path.join(dir, file), "utf8")).map((d) => {
    expect(d.errors, file).toEqual([]);
    return { file, doc: d.toJS() as Doc };
  }),
);
function one<T>(kind: string): T {
  const found = docs.filter((d) => d.doc.kind === kind);
  expect(found, kind).toHaveLength(1);
  return found[0]!.doc as unknown as T;
}

const deployment = one<Deployment>("Deployment");
const pod = deployment.spec!.template.spec!;
const container = pod.containers[0]!;
const configMap = one<ConfigMap>("ConfigMap");
const secret = one<Secret>("Secret");
const service = one<Service>("Service");
const serviceAccount = one<ServiceAccount>("ServiceAccount");
const pdb = one<PodDisruptionBudget>("PodDisruptionBudget");
const containerfile = readFileSync(path.join(root, "Containerfile"), "utf8");

describe("Kubernetes manifests", () => {
  it("are valid objects of the Kubernetes API, one kind QueueReady expects per document", () => {
    expect(docs.length).toBeGreaterThanOrEqual(6);
    for (const { file, doc } of docs) {
      const Model = MODELS[`${doc.apiVersion}/${doc.kind}`];
      expect(Model, `${file}: ${doc.apiVersion} ${doc.kind}`).toBeDefined();
      expect(() => new Model!(doc as never).validate(), file).not.toThrow();
    }
  });

  it("the schema check bites: a wrong type or a missing required field is refused", () => {
    const wrong = structuredClone(deployment) as unknown as { spec: { replicas: unknown } };
    wrong.spec.replicas = "two";
    expect(() => new Deployment(wrong as never).validate()).toThrow(/replicas/);
    const noContainers = structuredClone(deployment);
    delete (noContainers.spec!.template.spec as { containers?: unknown }).containers;
    expect(() => new Deployment(noContainers).validate()).toThrow(/containers/);
  });

  it("kustomization.yaml lists every manifest", () => {
    const kustomization = parseAllDocuments(
      readFileSync(path.join(dir, "kustomization.yaml"), "utf8"),
    )[0]!.toJS();
    expect([...kustomization.resources].sort()).toEqual([...manifestFiles].sort());
  });

  it("runs two replicas with readiness, liveness and startup probes on the app's health routes", () => {
    expect(deployment.spec!.replicas).toBe(2);
    expect(container.readinessProbe!.httpGet!.path).toBe("/api/health?probe=ready");
    expect(container.livenessProbe!.httpGet!.path).toBe("/api/health");
    expect(container.startupProbe!.httpGet!.path).toBe("/api/health");
    const ports = container.ports!.map((p) => p.name);
    for (const probe of [container.readinessProbe, container.livenessProbe, container.startupProbe])
      expect(ports).toContain(probe!.httpGet!.port);
    expect(containerfile).toMatch(new RegExp(`^EXPOSE ${container.ports![0]!.containerPort}$`, "m"));
    expect(container.resources!.requests).toMatchObject({
      cpu: expect.any(String),
      memory: expect.any(String),
    });
    expect(container.resources!.limits).toMatchObject({ memory: expect.any(String) });
  });

  it("runs as the image's non-root user, read-only, with writable scratch where the app writes", () => {
    const user = /^USER (\d+):(\d+)$/m.exec(containerfile);
    expect(user).not.toBeNull();
    expect(pod.securityContext).toMatchObject({
      runAsNonRoot: true,
      runAsUser: Number(user![1]),
      runAsGroup: Number(user![2]),
    });
    expect(container.securityContext).toMatchObject({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ["ALL"] },
    });
    const dataDir = /QUEUEREADY_DATA_DIR=(\S+)/.exec(containerfile)![1];
    const mounts = container.volumeMounts!.map((m) => m.mountPath);
    for (const writable of [dataDir, "/tmp", "/app/.next/cache"]) expect(mounts).toContain(writable);
    const volumes = new Set(pod.volumes!.map((v) => v.name));
    for (const m of container.volumeMounts!) expect(volumes.has(m.name), m.name).toBe(true);
  });

  it("takes its settings from the ConfigMap and the Secret, names only, each one the app reads", () => {
    expect(container.envFrom).toEqual([
      { configMapRef: { name: configMap.metadata!.name } },
      { secretRef: { name: secret.metadata!.name } },
    ]);
    // No value is committed: the app refuses to start until the Secret is filled.
    expect(Object.values(secret.stringData ?? {}).every((v) => v === "")).toBe(true);
    expect(secret.data).toBeUndefined();
    expect(Object.keys(secret.stringData!)).toEqual(
      expect.arrayContaining(["NEXTAUTH_SECRET", "DATABASE_URL", "users.json"]),
    );
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    const names = [...Object.keys(configMap.data!), ...Object.keys(secret.stringData!)].filter(
      (k) => k !== "users.json",
    );
    for (const name of names) expect(readme, name).toContain(name);
    // The users file the ConfigMap names is the Secret's key, where the Deployment mounts it.
    const usersMount = container.volumeMounts!.find((m) => m.name === "users")!;
    expect(configMap.data!.QUEUEREADY_USERS_FILE).toBe(`${usersMount.mountPath}/users.json`);
  });

  it("uses a service account annotated for IRSA, and the Service and budget select the pods", () => {
    expect(pod.serviceAccountName).toBe(serviceAccount.metadata!.name);
    expect(serviceAccount.metadata!.annotations!["eks.amazonaws.com/role-arn"]).toMatch(
      /^arn:aws:iam::\d{12}:role\/.+/,
    );
    const labels = deployment.spec!.template.metadata!.labels!;
    expect(labels).toMatchObject(deployment.spec!.selector.matchLabels!);
    expect(labels).toMatchObject(service.spec!.selector!);
    expect(labels).toMatchObject(pdb.spec!.selector!.matchLabels!);
    expect(container.ports!.map((p) => p.name)).toContain(service.spec!.ports![0]!.targetPort);
    expect(pdb.spec!.minAvailable).toBeLessThan(deployment.spec!.replicas!);
  });
});
