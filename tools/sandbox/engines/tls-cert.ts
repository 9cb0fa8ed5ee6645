/**
 * A self-signed certificate (its own CA) for the engines of TLS clusters, naming their AWS endpoints so a
 * client that checks the certificate against the endpoint it was given (the snippet's `tls: {}` does) passes
 * when it trusts this CA. Made with the `openssl` command; without it TLS clusters run plain (and say so).
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import path from "node:path";

export interface EngineCert {
  certFile: string;
  keyFile: string;
}

export async function makeEngineCert(dir: string, hosts: string[]): Promise<EngineCert> {
  const certFile = path.join(dir, "engine-cert.pem");
  const keyFile = path.join(dir, "engine-key.pem");
  const names = [...new Set(hosts)].map((h) => `DNS:${h}`).concat("IP:127.0.0.1");
  await promisify(execFile)("openssl", [
    ...["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"],
    ...["-keyout", keyFile, "-out", certFile, "-days", "7", "-subj", "/CN=QueueReady sandbox engines"],
    ...["-addext", `subjectAltName=${names.join(",")}`],
  ]);
  return { certFile, keyFile };
}
