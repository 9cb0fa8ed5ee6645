/**
 * Apply: the binding preview, the background apply run, its progress and history, and undo.
 * I/O through lib/aws; the plan itself comes from the pure lib/plan.
 */
export * from "@/lib/apply/types";
export { planFromLiveState, readTarget } from "@/lib/apply/plan-live";
export {
  previewPlan,
  recordPreview,
  checkPermissions,
  type PermissionCheck,
  type PreviewResult,
} from "@/lib/apply/preview";
export { startApply, type StartedApply } from "@/lib/apply/start-apply";
export { getApplyRun, listApplyRuns, getPreview, type StoredPreview } from "@/lib/apply/run-store";
export { undoCandidates, undoResource, type UndoCandidate, type UndoTarget } from "@/lib/apply/undo";
export { convergence, type Convergence } from "@/lib/apply/target-state";
export { previewRevert, revertability, replanFromLiveState, listRevertsOf } from "@/lib/apply/revert";
