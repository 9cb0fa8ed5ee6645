import os from "node:os";

/** Who runs a command: `--as NAME`, else the OS user (CI runners have one too), else "cli". */
export function operatorName(as: string | undefined): string {
  if (as) return as;
  try {
    return os.userInfo().username || "cli";
  } catch {
    return "cli";
  }
}
