import { execFile } from "node:child_process";
import { promisify } from "node:util";

/** The AWS CLI against a sandbox, as someone changing a cluster by hand would run it (dummy keys). */
export async function awsCli(endpoint: string, ...args: string[]): Promise<string> {
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: "test",
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    AWS_ACCESS_KEY_ID: "AKIDSANDBOX",
    AWS_SECRET_ACCESS_KEY: "sandbox-secret",
    AWS_PAGER: "",
    AWS_CONFIG_FILE: "/dev/null",
    AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
  };
  const cli = ["--endpoint-url", endpoint, "--region", "us-east-1", ...args];
  return (await promisify(execFile)("aws", cli, { env })).stdout;
}
