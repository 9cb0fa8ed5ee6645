/** Every EC2 action the sandbox answers, by its AWS name. */
import type { OperationTable } from "@/tools/sandbox/model/operation";
import { ec2DescribeOps } from "./describe";
import { securityGroupWriteOps } from "./security-group-writes";

export const ec2Ops: OperationTable = { ...ec2DescribeOps, ...securityGroupWriteOps };
