/** Every ElastiCache action the sandbox answers, by its AWS name. */
import type { OperationTable } from "@/tools/sandbox/model/operation";
import { describeCatalogOps } from "./describe-catalog";
import { describeClusterOps } from "./describe-clusters";
import { modifyClusterOps } from "./modify-cluster";
import { parameterGroupWriteOps } from "./parameter-group-writes";
import { tagOps } from "./tags";

export const elasticacheOps: OperationTable = {
  ...describeClusterOps,
  ...describeCatalogOps,
  ...parameterGroupWriteOps,
  ...modifyClusterOps,
  ...tagOps,
};
