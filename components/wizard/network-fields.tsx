import { Notice } from "@/components/ui/notice";
import { Choice, FieldError, TextField } from "@/components/wizard/fields";
import { ANYWHERE_WARNING, type Suggestions } from "@/lib/core/plan";
import type { WizardParams } from "@/lib/web/wizard/params";

type Network = Suggestions["network"];

/**
 * A choice's own fields show only while it is chosen, with CSS `:has()` on the fieldset (class `group`), so
 * the step needs no JavaScript; a field the server refused belongs to the chosen option, so it shows.
 */
const ONLY_WHEN = {
  newGroup: "hidden group-has-[#sgPick-new:checked]:block",
  appGroup: "hidden group-has-[#src-security-group:checked]:block",
  cidr: "hidden group-has-[#src-cidr:checked]:block",
  anywhere: "hidden group-has-[#src-anywhere:checked]:block",
} as const;

/** Step 2, first half: which security group gets the rule (one already attached, or a new one in the VPC). */
export function SecurityGroupFields({
  network,
  vpcId,
  p,
}: {
  network: Network;
  vpcId?: string;
  p: WizardParams;
}) {
  const picked = p.sg === "new" ? "new" : p.sgId ? `existing/${p.sgId}` : undefined;
  return (
    <fieldset className="group space-y-2">
      <legend className="text-[13px] font-medium text-slate-700">Security group that gets the rule</legend>
      <div className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
        {network.attachedGroups.map((g) => {
          const reused = network.equivalentRule?.groupId === g.id;
          return (
            <Choice
              key={g.id}
              name="sgPick"
              errorName="sgId"
              value={`existing/${g.id}`}
              defaultChecked={picked === `existing/${g.id}`}
              label={
                <>
                  <span className="font-mono">{g.name}</span>{" "}
                  <span className="font-mono text-xs text-slate-500">{g.id}</span> · attached
                </>
              }
              description={
                <>
                  {g.rulesOnPort.length > 0
                    ? `Rules on the port now: ${g.rulesOnPort.join("; ")}.`
                    : "No rule on the port yet."}
                  {g.sharedWith.length > 0 ? (
                    <span className="block font-medium text-amber-800" data-testid={`shared-${g.id}`}>
                      Shared by {g.sharedWith.length + 1} clusters: this one and {g.sharedWith.join(", ")}. A
                      rule added here also reaches those of them that listen on the port.
                    </span>
                  ) : (
                    <span className="block">Used by this cluster only.</span>
                  )}
                  {reused ? (
                    <span className="block font-medium text-emerald-700">
                      Existing rule reused: {network.equivalentRule!.rule}. No new rule is needed with that
                      source.
                    </span>
                  ) : null}
                </>
              }
            />
          );
        })}
        <Choice
          name="sgPick"
          errorName="sgName"
          value="new"
          defaultChecked={picked === "new"}
          label="A new security group"
          description={`Created in ${vpcId ?? "the cluster's VPC"} and added to the cluster next to the groups it has now.`}
        />
      </div>
      <FieldError name="sg" />
      <FieldError name="sgId" />
      {/* Shown only while "A new security group" is chosen: CSS (:has), so it works without JavaScript. */}
      <TextField
        name="sgName"
        label="Name of the new group"
        defaultValue={p.sgName ?? network.newGroupName}
        className={`max-w-md ${ONLY_WHEN.newGroup}`}
      />
    </fieldset>
  );
}

/** Step 2, second half: where traffic may come from. The application's group first, 0.0.0.0/0 last and loud. */
export function SourceFields({ network, port, p }: { network: Network; port?: number; p: WizardParams }) {
  const recommended = network.recommended?.source;
  const src = p.src ?? recommended?.kind ?? "security-group";
  const appGroup =
    p.srcGroup ??
    (recommended?.kind === "security-group" ? recommended.groupId : network.appGroupCandidates[0]?.id);
  return (
    <fieldset className="group space-y-2">
      <legend className="text-[13px] font-medium text-slate-700">
        Where BullMQ connects from (tcp {port ?? "?"})
      </legend>
      <div className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
        <Choice
          name="src"
          value="security-group"
          defaultChecked={src === "security-group"}
          label="The application's security group (recommended)"
          description="Only instances that carry that group can connect. It must be in the cluster's VPC."
        />
        <div className={`px-3 pb-3 sm:pl-10 ${ONLY_WHEN.appGroup}`}>
          <label htmlFor="srcGroup" className="block text-xs font-medium text-slate-600">
            Application security group
          </label>
          <select
            id="srcGroup"
            name="srcGroup"
            defaultValue={appGroup}
            aria-describedby="srcGroup-why srcGroup-error"
            className="mt-1 block h-9 w-full max-w-md rounded-md bg-white pl-2 pr-7 font-mono text-[12px] sm:text-[13px] ring-1 ring-inset ring-slate-300"
          >
            {network.appGroupCandidates.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({c.id})
              </option>
            ))}
          </select>
          {/* Why each is offered, outside the select: an option's text is cut off at the select's width. */}
          <ul id="srcGroup-why" className="mt-1.5 space-y-0.5 text-xs text-slate-500">
            {network.appGroupCandidates.slice(0, 5).map((c) => (
              <li key={c.id}>
                <span className="font-mono">{c.name}</span>: {c.reason}
              </li>
            ))}
          </ul>
          <FieldError name="srcGroup" />
        </div>
        <Choice
          name="src"
          value="cidr"
          defaultChecked={src === "cidr"}
          label="An address range (CIDR)"
          description="E.g. the application subnets. AWS stores the network address: 10.0.5.7/16 becomes 10.0.0.0/16."
        />
        <div className={`px-3 pb-3 sm:pl-10 ${ONLY_WHEN.cidr}`}>
          <TextField
            name="cidr"
            label="CIDR"
            defaultValue={p.cidr ?? (recommended?.kind === "cidr" ? recommended.cidr : "")}
            placeholder="10.0.0.0/16"
            className="max-w-md"
          />
        </div>
        <Choice
          name="src"
          value="anywhere"
          defaultChecked={src === "anywhere"}
          label="Anywhere (0.0.0.0/0)"
          description="Allowed, but not advised."
        />
        <div className={`space-y-2 px-3 pb-3 sm:pl-10 ${ONLY_WHEN.anywhere}`}>
          <Notice tone="warning" title="0.0.0.0/0 opens the port to every address that can route to it">
            {ANYWHERE_WARNING}
          </Notice>
          <Choice
            type="checkbox"
            name="ack"
            value="yes"
            defaultChecked={p.ack === "yes"}
            label="I understand, open the port to 0.0.0.0/0"
          />
        </div>
      </div>
      <FieldError name="src" />
      <FieldError name="ack" />
    </fieldset>
  );
}
